"""职责命令 — assign a duty, hand it over, end it; log a patrol; report a problem found on
patrol and turn it into a task or a work item."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.duties.events import CadenceUnit, DutyKind, FollowKind, ProblemFollow
from dangjian_core.kernel.ids import BranchId, PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between, text
from dangjian_core.tasks.commands import MAX_POINTS, MAX_SLOTS
from dangjian_core.work.commands import MAX_QUANTITY

#: The longest cadence: once a year, as days or months.
MAX_EVERY = 366
#: Evidence references (photo or file names) one patrol may carry.
MAX_EVIDENCE = 20

_name: Any = text(1, 80)
_details: Any = text(0, 500)
_note: Any = text(0, 500)
_reason: Any = text(1, 500)
_day: Any = validators.instance_of(date)


def _all(checks: list[Any], attribute: Any, value: Any) -> None:
    for check in checks:
        check(None, attribute, value)


def _evidence(_instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or len(value) > MAX_EVIDENCE:
        raise ValueError(f"{attribute.name} 至多 {MAX_EVIDENCE} 项 / at most {MAX_EVIDENCE} items")
    for item in value:
        _all(text(1, 200), attribute, item)


def _optional_id(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_id(instance, attribute, value)


def _optional_time(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_aware(instance, attribute, value)


def _optional_title(_instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        _all(text(1, 80), attribute, value)


def follow_of(command: ReportProblem) -> ProblemFollow | None:
    """The task or work item a problem command asks for, or None (no ``to``); a ``to``
    without its id, title and deadline is a malformed command."""
    if command.to is None:
        return None
    if command.follow_id is None or command.title is None or command.deadline is None:
        raise ValueError(
            "转办须给出编号、名称和截止时间 / a follow-up needs its id, title and deadline"
        )
    return ProblemFollow(
        command.to,
        command.follow_id,
        command.title,
        command.deadline,
        command.points,
        command.slots,
        command.measure,
        command.target,
    )


@frozen
class AssignDuty:
    """落实职责 — the unit's leaders bind a person to an object (a road, a red workshop)
    with a cadence: at least once in every ``every`` days or calendar months from ``since``."""

    duty_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    kind: DutyKind = field(validator=validators.instance_of(DutyKind))
    object_name: str = field(validator=_name)
    details: str = field(validator=_details)
    holder_id: PersonId = field(validator=check_id)
    every: int = field(validator=int_between(1, MAX_EVERY))
    cadence: CadenceUnit = field(validator=validators.instance_of(CadenceUnit))
    since: date = field(validator=_day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class HandOverDuty:
    """交接职责 — another person holds the duty from a day on."""

    duty_id: str = field(validator=check_id)
    holder_id: PersonId = field(validator=check_id)
    on: date = field(validator=_day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class EndDuty:
    """终止职责 — the duty ends on a day, with the reason."""

    duty_id: str = field(validator=check_id)
    on: date = field(validator=_day)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class LogPatrol:
    """记录巡查 — the holder (or the unit's leaders for them) logs a patrol or visit on a
    day, with a note and evidence references."""

    duty_id: str = field(validator=check_id)
    on: date = field(validator=_day)
    note: str = field(validator=_note)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    evidence: tuple[str, ...] = field(default=(), validator=_evidence)


_FOLLOW_KIND: Any = validators.optional(validators.instance_of(FollowKind))


@frozen
class ReportProblem:
    """上报问题 — a problem found on patrol; with ``to`` (任务 or 中心工作) it becomes a task
    or a work item of the duty's unit in the same step (the unit's leaders only): its id,
    title and deadline; a task's points and slots, a work item's measure and target."""

    duty_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    on: date = field(validator=_day)
    description: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    to: FollowKind | None = field(default=None, validator=_FOLLOW_KIND)
    follow_id: str | None = field(default=None, validator=_optional_id)
    title: str | None = field(default=None, validator=_optional_title)
    deadline: datetime | None = field(default=None, validator=_optional_time)
    points: int = field(default=1, validator=int_between(1, MAX_POINTS))
    slots: int = field(default=1, validator=int_between(1, MAX_SLOTS))
    measure: str = field(default="项", validator=text(1, 10))
    target: int = field(default=1, validator=int_between(1, MAX_QUANTITY))

    def __attrs_post_init__(self) -> None:
        follow_of(self)

    @property
    def follow(self) -> ProblemFollow | None:
        """The task or work item the problem becomes at once, if any."""
        return follow_of(self)


@frozen
class RouteProblem:
    """转办问题 — the unit's leaders turn a reported problem into a task or a work item
    (``to``, with its id, title and deadline, as :class:`ReportProblem`)."""

    duty_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    to: FollowKind = field(validator=validators.instance_of(FollowKind))
    follow_id: str = field(validator=check_id)
    title: str = field(validator=text(1, 80))
    deadline: datetime = field(validator=check_aware)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    points: int = field(default=1, validator=int_between(1, MAX_POINTS))
    slots: int = field(default=1, validator=int_between(1, MAX_SLOTS))
    measure: str = field(default="项", validator=text(1, 10))
    target: int = field(default=1, validator=int_between(1, MAX_QUANTITY))

    @property
    def follow(self) -> ProblemFollow:
        """The task or work item the problem becomes."""
        return ProblemFollow(
            self.to,
            self.follow_id,
            self.title,
            self.deadline,
            self.points,
            self.slots,
            self.measure,
            self.target,
        )


DutyCommand = AssignDuty | HandOverDuty | EndDuty | LogPatrol | ReportProblem | RouteProblem
