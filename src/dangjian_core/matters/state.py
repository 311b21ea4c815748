"""村务决策状态 — one village's decisions as folded from its stream: the procedure's
versions, the dated rolls, and every matter with the steps it has passed, its publications,
implementation and objections; and the refusals of its commands."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NoReturn

from attrs import field, frozen

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId
from dangjian_core.matters.events import (
    ImplementationRecorded,
    MatterNoticePublished,
    MatterObjectionFiled,
    MatterOpened,
    MeetingHeld,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.procedures import FOUR
from dangjian_core.matters.values import Body, Procedure, Step


@frozen
class MatterObjection:
    """公开异议 — an objection as filed, and the answer when given."""

    filed: MatterObjectionFiled
    answer: str | None = None


#: What a matter has recorded at one of its steps.
StepRecord = SuggestionsGathered | MeetingHeld | MatterNoticePublished


@frozen
class Matter:
    """村务事项 — one matter: how it was opened, the records of its steps (every meeting,
    the rejected ones too), where it stands (``next_step``, the index of the step it
    waits for), whether it ended, its implementation and objections."""

    opened: MatterOpened
    records: tuple[StepRecord, ...] = ()
    next_step: int = 0
    ended: bool = False
    implementation: ImplementationRecorded | None = None
    objections: Mapping[str, MatterObjection] = field(factory=dict)

    @property
    def procedure(self) -> Procedure:
        """The procedure the matter follows (fixed when it was opened)."""
        return self.opened.procedure

    @property
    def waiting(self) -> Step | None:
        """The step the matter waits for; None once ended or every step is done."""
        steps = self.procedure.steps
        return None if self.ended or self.next_step >= len(steps) else steps[self.next_step]

    @property
    def done(self) -> bool:
        """Whether every step, the result's publication included, is recorded."""
        return not self.ended and self.next_step >= len(self.procedure.steps)

    def notice(self, key: str) -> MatterNoticePublished | None:
        """The publication recorded at the step ``key``, if any."""
        found = [r for r in self.records if isinstance(r, MatterNoticePublished)]
        return next((r for r in found if r.step == key), None)

    @property
    def resolution(self) -> MeetingHeld | None:
        """The passing vote of the representatives' meeting (the resolution), if any."""
        held = [r for r in self.records if isinstance(r, MeetingHeld)]
        passed = [r for r in held if r.body is Body.REPRESENTATIVES and r.outcome == "passed"]
        return passed[-1] if passed else None


@frozen
class VillageMatters:
    """村务决策簿 — one village's procedures (the last in force), dated rolls by body, and
    matters by id."""

    unit_id: BranchId
    procedures: tuple[Procedure, ...] = ()
    rolls: Mapping[Body, tuple[RollSet, ...]] = field(factory=dict)
    matters: Mapping[str, Matter] = field(factory=dict)

    @property
    def procedure(self) -> Procedure:
        """The procedure in force: the latest adopted, or 四议两公开."""
        return self.procedures[-1] if self.procedures else FOUR

    def roll(self, body: Body, day: date) -> RollSet | None:
        """The roll of ``body`` in force on ``day``: the latest set from a day not after
        it."""
        valid = [r for r in self.rolls.get(body, ()) if r.since <= day]
        return max(valid, key=lambda r: r.since) if valid else None


#: A village's decisions, ``matters-<unit id>``; None before its first event.
MATTERS: Stream[VillageMatters | None] = Stream("matters", nothing)


class MatterError(DomainError):
    """村务决策错误 — a village decision command was refused by a rule of 四议两公开; the
    message names the rule."""

    code = "matter"


def refuse(rule: str, zh: str, en: str) -> NoReturn:
    """Raise :class:`MatterError` naming ``rule``."""
    raise MatterError(f"{zh} (规则 {rule})", f"{en} (rule {rule})")
