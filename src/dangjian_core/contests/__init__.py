"""述职擂台赛 — the secretaries' contest (seed 002, 大泽镇; DOMAIN.md §6): a town holds a
contest (现场述职 + 网络直播) where each village's (community's) party secretary reports —
亮点、措施、成效、不足、下一步计划 — and a panel of judges scores them against weighted
criteria (百分制) under a versioned scheme: the mean, or the mean after dropping one
highest and one lowest sheet, optionally combined with a prior field inspection (e.g.
50/50). A judge never scores their own unit; a submitted sheet is final unless corrected
with a recorded reason; the sheets stay sealed until the round closes (现场亮分). The
results — the ranking with its tie rule, every score explained down to the judges and the
criteria, and the reviewer's comments (三个好、两个期望) — are published as a notice.

One stream per contest, ``contest-<contest id>``.
"""

from __future__ import annotations

from dangjian_core.contests import decisions, permissions, projections
from dangjian_core.contests.commands import (
    AdoptContestScheme,
    AppointJudge,
    CloseRound,
    ContestCommand,
    CorrectScore,
    EnterContestant,
    FileReport,
    OpenContest,
    OpenRound,
    PublishResults,
    RecordInspection,
    RecordReview,
    SubmitScore,
)
from dangjian_core.contests.events import EVENTS, ContestEvent
from dangjian_core.contests.state import CONTEST, ContestState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[ContestCommand, ContestEvent, ContestState | None] = Concept(
    name="contests",
    stream=CONTEST,
    subject=lambda command: command.contest_id,
    commands=(
        OpenContest,
        AdoptContestScheme,
        EnterContestant,
        FileReport,
        AppointJudge,
        OpenRound,
        SubmitScore,
        CorrectScore,
        CloseRound,
        RecordInspection,
        RecordReview,
        PublishResults,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "contest_id": "contest",
        "host_unit_id": "branch",
        "unit_id": "branch",
        "person_id": "person",
        "judge_id": "person",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
