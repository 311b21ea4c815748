"""擂台赛权限 — the host unit's leaders (its secretary or organizing member, or a level
above it) organise the contest; a contestant files their own report (or the organisers
for them); a judge scores and corrects only their own sheet, and never the contestant of
their own unit (the unit they belong to, any unit they hold a post in, or themself).
:func:`replay` asks the same of a recorded event, from the event, the facts and the
contest as it stood before it."""

from __future__ import annotations

from datetime import datetime
from typing import assert_never

from dangjian_core.contests.events import (
    ContestantEntered,
    ContestEvent,
    ContestInspectionRecorded,
    ContestJudgeAppointed,
    ContestOpened,
    ContestReportFiled,
    ContestResultsPublished,
    ContestReviewRecorded,
    ContestRoundClosed,
    ContestRoundOpened,
    ContestSchemeAdopted,
    ContestScoreCorrected,
    ContestScoreSubmitted,
)
from dangjian_core.contests.state import ContestState, Entry
from dangjian_core.kernel.authority import Rule, What, only_self, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import known, lead_unit
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UNIT, UnitState

ORGANIZE: What = ("组织擂台赛", "organise the contest of")
REPORT: What = ("提交述职报告", "file the report")
SCORE: What = ("评分", "score")


def organize(facts: Facts, host: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """组织: the host unit's secretary or organizing member, or a level above it."""
    return lead_unit(facts, host, actor_id, at, ORGANIZE)


def report(facts: Facts, host: UnitState, entry: Entry, actor_id: str, at: datetime) -> Rule | None:
    """述职报告: the contestant themself, or the organisers for them."""
    if only_self(actor_id, entry.person_id, REPORT) is None:
        return None
    return organize(facts, host, actor_id, at)


def own_unit(
    facts: Facts, home_unit_id: str, judge_id: str, entry: Entry, at: datetime
) -> Rule | None:
    """评委回避: a judge never scores the contestant of their own unit — the unit they
    belong to, a unit they hold any post in at the time, or their own entry."""
    unit = facts.get(UNIT, entry.unit_id)
    holds = unit is not None and unit.has_role(judge_id, tuple(Role), at)
    if home_unit_id != entry.unit_id and judge_id != entry.person_id and not holds:
        return None
    return Rule(
        "own_unit",
        f"评委 {judge_id} 不能给本单位 {entry.unit_id} 的参赛者评分(评委回避)",
        f"judge {judge_id} may not score the contestant of their own unit {entry.unit_id}",
    )


def judge(
    facts: Facts, contest: ContestState, entry: Entry, actor_id: str, at: datetime
) -> Rule | None:
    """评分、更正: only an appointed judge, for their own sheet, never their own unit's."""
    if actor_id not in contest.judges:
        return Rule(
            "not_judge",
            f"{actor_id} 不是 {contest.contest_id} 的评委, 不能{SCORE[0]}",
            f"{actor_id} is not a judge of {contest.contest_id} and may not {SCORE[1]}",
        )
    return own_unit(facts, contest.judges[actor_id], actor_id, entry, at)


def replay(
    recorded: Recorded[ContestEvent], facts: Facts, before: ContestState | None
) -> Rule | None:
    """The rule a recorded contest event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, ContestOpened):
        host = known(facts, event.host_unit_id)
        return host if isinstance(host, Rule) else organize(facts, host, actor, at)
    if before is None:
        return unknown(event.contest_id)
    host = known(facts, before.host_unit_id)
    if isinstance(host, Rule):
        return host
    match event:
        case (
            ContestSchemeAdopted()
            | ContestantEntered()
            | ContestJudgeAppointed()
            | ContestRoundOpened()
            | ContestRoundClosed()
            | ContestInspectionRecorded()
            | ContestReviewRecorded()
            | ContestResultsPublished()
        ):
            return organize(facts, host, actor, at)
        case ContestReportFiled():
            entry = before.entries.get(event.unit_id)
            return (
                unknown(event.unit_id) if entry is None else report(facts, host, entry, actor, at)
            )
        case ContestScoreSubmitted() | ContestScoreCorrected():
            entry = before.entries.get(event.unit_id)
            if entry is None:
                return unknown(event.unit_id)
            return only_self(actor, event.judge_id, SCORE) or judge(facts, before, entry, actor, at)
        case _:
            assert_never(event)
