"""擂台赛状态 — one contest as folded from its stream: the host, the scheme's versions,
the contestants with their reports, rounds and sheets, the judges, the inspections, the
reviews and the published results; and the refusals of contest commands."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from attrs import field, frozen

from dangjian_core.contests.events import (
    ContestReportFiled,
    ContestResultsPublished,
    ContestReviewRecorded,
)
from dangjian_core.contests.values import ContestScheme, Mark
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId, PersonId


class RoundStatus(StrEnum):
    """轮次状态 — where a contestant's round stands."""

    WAITING = "waiting"  # 未上台
    OPEN = "open"  # 述职中, 评委打分
    CLOSED = "closed"  # 已亮分

    @property
    def zh(self) -> str:
        """The status in Chinese."""
        return {"waiting": "未上台", "open": "述职评分中", "closed": "已亮分"}[self.value]


@frozen
class Entry:
    """参赛者 — a unit's secretary in the contest: the order drawn, the report (its latest
    revision), the round, each judge's sheet (the marks as they stand, corrections
    included) and the field inspection's score."""

    unit_id: BranchId
    person_id: PersonId
    order: int
    report: ContestReportFiled | None = None
    round: RoundStatus = RoundStatus.WAITING
    sheets: Mapping[str, tuple[Mark, ...]] = field(factory=dict)
    inspection: str | None = None


@frozen
class ContestState:
    """擂台赛 — the host unit, the title and day, the scheme's versions (the last is in
    force), the contestants by unit, the judges with their home units, the reviews and the
    published results."""

    contest_id: str
    host_unit_id: BranchId
    title: str
    held_on: date
    live_stream: bool
    schemes: tuple[ContestScheme, ...] = ()
    entries: Mapping[str, Entry] = field(factory=dict)
    judges: Mapping[str, str] = field(factory=dict)
    reviews: tuple[ContestReviewRecorded, ...] = ()
    published: ContestResultsPublished | None = None

    @property
    def scheme(self) -> ContestScheme | None:
        """The scheme in force (the latest version), if any."""
        return self.schemes[-1] if self.schemes else None

    @property
    def started(self) -> bool:
        """Whether any round has opened (the scheme, the field and the panel are fixed)."""
        return any(e.round is not RoundStatus.WAITING for e in self.entries.values())

    @property
    def open_round(self) -> Entry | None:
        """The contestant on stage, if any."""
        return next((e for e in self.entries.values() if e.round is RoundStatus.OPEN), None)

    def eligible(self, entry: Entry) -> tuple[str, ...]:
        """The judges who score ``entry``: all but those of its own unit, sorted."""
        return tuple(sorted(j for j, home in self.judges.items() if home != entry.unit_id))


#: A contest, ``contest-<contest id>``; None before it is opened.
CONTEST: Stream[ContestState | None] = Stream("contest", nothing)


class ContestError(DomainError):
    """擂台赛错误 — a contest command was refused by a rule of the contest; the message
    names the rule."""

    code = "contest"
