"""村务决策事件 — what a village records of its decisions: the procedure's versions, the
dated rolls, each matter's opening, suggestions, meetings (roll, attendance and vote),
the two publications, the implementation, and the objections and their answers."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId
from dangjian_core.matters.values import Ballot, Body, Origin, Procedure, StepKind


class MeetingOutcome(StrEnum):
    """表决结果 — a meeting's vote passed the step, or rejected it and the matter ended or
    went back to the proposal."""

    PASSED = "passed"  # 通过
    ENDED = "ended"  # 未通过, 事项终止
    RETURNED = "returned"  # 未通过, 退回重新提议

    @property
    def zh(self) -> str:
        """The outcome in Chinese."""
        return {
            "passed": "通过",
            "ended": "未通过, 事项终止",
            "returned": "未通过, 退回重新提议",
        }[self.value]


@frozen
class ProcedureAdopted:
    """决策程序已采用 — the village's procedure, version ``version``, whole."""

    TITLE: ClassVar[str] = "决策程序已采用"

    unit_id: BranchId
    version: int
    procedure: Procedure


@frozen
class RollSet:
    """议事名册已登记 — who sits on ``body`` from ``since``."""

    TITLE: ClassVar[str] = "议事名册已登记"

    unit_id: BranchId
    body: Body
    since: date
    members: tuple[str, ...]
    director_id: str


@frozen
class MatterOpened:
    """村务事项已立项 — a matter, its origin and items, and the procedure (and its version;
    0 for the default) it follows."""

    TITLE: ClassVar[str] = "村务事项已立项"

    unit_id: BranchId
    matter_id: str
    title: str
    origin: Origin
    items: tuple[str, ...]
    version: int
    procedure: Procedure


@frozen
class SuggestionsGathered:
    """群众建议已征集 — how many suggestions were gathered at a step, and what they say."""

    TITLE: ClassVar[str] = "群众建议已征集"

    unit_id: BranchId
    matter_id: str
    step: str
    gathered_on: date
    count: int
    summary: str


@frozen
class MeetingHeld:
    """会议已表决 — a meeting on one step (two when merged, 一肩挑): the body, when the plan
    was sent, who should attend (应到, the roll that day) and who did (实到), the vote,
    the named ballots if the body votes by name, and the outcome."""

    TITLE: ClassVar[str] = "会议已表决"

    unit_id: BranchId
    matter_id: str
    steps: tuple[str, ...]
    body: Body
    held_on: date
    notice_sent_on: date | None
    expected: tuple[str, ...]
    present: tuple[str, ...]
    votes_for: int
    votes_against: int
    abstentions: int
    ballots: tuple[Ballot, ...]
    outcome: MeetingOutcome


@frozen
class MatterNoticePublished:
    """村务已公开 — the resolution (决议公开) or the result (实施结果公开) is posted from
    ``posted_on`` for ``days`` working days, until ``period_end``."""

    TITLE: ClassVar[str] = "村务已公开"

    unit_id: BranchId
    matter_id: str
    step: str
    kind: StepKind
    posted_on: date
    days: int
    period_end: date
    calendar_id: str
    text: str


@frozen
class ImplementationRecorded:
    """实施结果已记录 — what was done, by ``done_on``."""

    TITLE: ClassVar[str] = "实施结果已记录"

    unit_id: BranchId
    matter_id: str
    done_on: date
    summary: str


@frozen
class MatterObjectionFiled:
    """村务公开异议已提出 — an objection to a publication, during its period; the filer's
    name and contact are personal data."""

    TITLE: ClassVar[str] = "村务公开异议已提出"

    unit_id: BranchId
    matter_id: str
    step: str
    objection_id: str
    text: str
    filer_id: str
    filer_name: str
    contact: str


@frozen
class MatterObjectionAnswered:
    """村务公开异议已答复 — the village's written answer to an objection."""

    TITLE: ClassVar[str] = "村务公开异议已答复"

    unit_id: BranchId
    matter_id: str
    objection_id: str
    answer: str


MatterEvent = (
    ProcedureAdopted
    | RollSet
    | MatterOpened
    | SuggestionsGathered
    | MeetingHeld
    | MatterNoticePublished
    | ImplementationRecorded
    | MatterObjectionFiled
    | MatterObjectionAnswered
)

EVENTS: dict[str, type[MatterEvent]] = {
    "ProcedureAdopted": ProcedureAdopted,
    "RollSet": RollSet,
    "MatterOpened": MatterOpened,
    "SuggestionsGathered": SuggestionsGathered,
    "MeetingHeld": MeetingHeld,
    "MatterNoticePublished": MatterNoticePublished,
    "ImplementationRecorded": ImplementationRecorded,
    "MatterObjectionFiled": MatterObjectionFiled,
    "MatterObjectionAnswered": MatterObjectionAnswered,
}
