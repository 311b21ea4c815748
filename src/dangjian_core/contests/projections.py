"""擂台赛读模型 — the contest, its criteria, the contestants, the judges, who has scored,
the marks shown and the reviewer's comments (tables in :mod:`~dangjian_core.contests.tables`).

Sealed until shown: :class:`~dangjian_core.contests.events.ContestScoreSubmitted` writes only
that a judge has scored (``contest_sheets``); the marks reach ``contest_marks`` when the
round closes (:class:`~dangjian_core.contests.events.ContestRoundClosed`), or with a correction
made after it. No read path can show a mark before 现场亮分, because no table holds one.
"""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.contests.events import (
    EVENTS,
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
from dangjian_core.contests.state import RoundStatus
from dangjian_core.contests.tables import TABLES
from dangjian_core.contests.values import Mark
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Upsert, Value
from dangjian_core.kernel.recorded import Recorded


def _marks(contest_id: str, unit_id: str, judge_id: str, marks: tuple[Mark, ...]) -> list[Change]:
    key: dict[str, Value] = {"contest_id": contest_id, "unit_id": unit_id, "judge_id": judge_id}
    return [
        Upsert("contest_marks", {**key, "criterion": m.criterion}, set={"mark": m.value})
        for m in marks
    ]


def project_contests(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one contest event."""
    event: ContestEvent = recorded.event
    contest: dict[str, Value] = {"contest_id": event.contest_id}
    at = recorded.at.isoformat()
    entry: dict[str, Value] = {**contest, "unit_id": getattr(event, "unit_id", "")}
    match event:
        case ContestOpened():
            opened: dict[str, Value] = {
                "host_unit_id": event.host_unit_id,
                "title": event.title,
                "held_on": event.held_on.isoformat(),
                "live_stream": int(event.live_stream),
            }
            return [Upsert("contests", contest, set=opened)]
        case ContestSchemeAdopted():
            scheme = event.scheme
            adopted: dict[str, Value] = {
                "scheme_version": event.version,
                "scheme_name": scheme.name,
                "aggregation": scheme.aggregation.value,
                "inspection_weight": scheme.inspection_weight,
                "tie_rule": scheme.tie_rule.value,
            }
            rows: list[Change] = [Upsert("contests", contest, set=adopted)]
            for position, c in enumerate(scheme.criteria, start=1):
                key = {**contest, "version": event.version, "position": position}
                rows.append(
                    Upsert("contest_criteria", key, set={"name": c.name, "weight": c.weight})
                )
            return rows
        case ContestantEntered():
            entered: dict[str, Value] = {"person_id": event.person_id, "draw": event.order}
            return [
                Upsert("contest_entries", entry, set=entered | {"stage": RoundStatus.WAITING.value})
            ]
        case ContestReportFiled():
            report: dict[str, Value] = {
                "report_revision": event.revision,
                "highlights": event.highlights,
                "measures": event.measures,
                "results": event.results,
                "shortcomings": event.shortcomings,
                "next_steps": event.next_steps,
                "attachments": "\n".join(event.attachments),
            }
            return [Upsert("contest_entries", entry, set=report)]
        case ContestJudgeAppointed():
            key = {**contest, "judge_id": event.judge_id}
            return [Upsert("contest_judges", key, set={"home_unit_id": event.home_unit_id})]
        case ContestRoundOpened():
            return [
                Upsert("contest_entries", entry, set={"stage": RoundStatus.OPEN.value}),
                Upsert("contests", contest, set={"on_stage": event.unit_id}),
            ]
        case ContestScoreSubmitted():
            sheet = {**entry, "judge_id": event.judge_id}
            return [
                Upsert("contest_sheets", sheet, set={"submitted_at": at, "shown": 0}),
                Upsert("contest_entries", entry, add={"sheets_in": 1}),
            ]
        case ContestRoundClosed():
            rows = [
                Upsert("contest_entries", entry, set={"stage": RoundStatus.CLOSED.value}),
                Upsert("contests", contest, set={"on_stage": ""}),
            ]
            for s in event.sheets:
                sheet = {**entry, "judge_id": s.judge_id}
                rows.append(Upsert("contest_sheets", sheet, set={"shown": 1}))
                rows += _marks(event.contest_id, event.unit_id, s.judge_id, s.marks)
            return rows
        case ContestScoreCorrected():
            sheet = {**entry, "judge_id": event.judge_id}
            rows = [
                Upsert(
                    "contest_sheets", sheet, set={"reason": event.reason}, add={"corrections": 1}
                )
            ]
            if event.revealed:
                rows += _marks(event.contest_id, event.unit_id, event.judge_id, event.marks)
            return rows
        case ContestInspectionRecorded():
            seen = {"inspection": event.score, "inspection_note": event.note}
            return [Upsert("contest_entries", entry, set=seen)]
        case ContestReviewRecorded():
            rows = []
            for kind, texts in (("strength", event.strengths), ("expectation", event.expectations)):
                for position, text in enumerate(texts, start=1):
                    key = {
                        **contest,
                        "reviewer": event.reviewer,
                        "kind": kind,
                        "position": position,
                    }
                    rows.append(
                        Upsert(
                            "contest_reviews",
                            key,
                            set={"reviewer_title": event.reviewer_title, "text": text},
                        )
                    )
            return rows
        case ContestResultsPublished():
            notice: dict[str, Value] = {
                "published_version": event.version,
                "notice_start": event.start.isoformat(),
                "notice_end": event.end.isoformat(),
                "notice_days": event.days,
            }
            rows = [Upsert("contests", contest, set=notice)]
            for p in event.placings:
                placed: dict[str, Value] = {"rank": p.rank, "on_site": p.on_site, "final": p.final}
                rows.append(
                    Upsert("contest_entries", {**contest, "unit_id": p.unit_id}, set=placed)
                )
            return rows
        case _:
            assert_never(event)


PROJECTIONS = (Projection("contests", TABLES, project_contests, tuple(EVENTS.values())),)
