"""发展命令 — propose the list, post the notice, object, uphold or dismiss, confirm;
commend full members and flag them for training. Each names its unit, cycle, actor, time."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from attrs import field, frozen, validators

from dangjian_core.evaluation.state import evaluation_id
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId, check_id
from dangjian_core.kernel.time import Cycle, check_aware
from dangjian_core.kernel.validation import int_between as _int_between
from dangjian_core.kernel.validation import text as _text

#: The notice period when none is given: five working days (公示期五个工作日).
NOTICE_DAYS = 5
#: How many full members are commended when no number is given.
COMMEND_TOP = 3
_CYCLE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _cycle(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _CYCLE.match(value):
        raise ValueError(f"周期格式为 年-起始月 / a cycle is YYYY-MM: {value!r}")


class _Cycle:
    """The stream a command is decided against: one unit and cycle."""

    if TYPE_CHECKING:
        unit_id: BranchId
        cycle: Cycle

    @property
    def development_id(self) -> str:
        """The development stream's subject, named like the evaluation's:
        ``<unit_id>@<cycle>``."""
        return evaluation_id(self.unit_id, self.cycle)


@frozen
class ProposeList(_Cycle):
    """拟定发展对象名单 — rank the closed cycle's activists and propose the top eligible."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class PostNotice(_Cycle):
    """公示名单 — post the proposed list from a day for a number of working days."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    posted_on: date = field(validator=validators.instance_of(date))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    days: int = field(default=NOTICE_DAYS, validator=_int_between(1, 30))
    calendar_id: str = field(default="default", validator=check_id)


@frozen
class FileObjection(_Cycle):
    """提出异议 — anyone objects to a person on the posted list, leaving a name and contact.

    ``actor_id`` is a registered person's id, or :data:`dangjian_core.permissions.PUBLIC` (``public``) for a member of the public.
    """

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    objection_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    text: str = field(validator=_text(1, 1000))
    filer_name: str = field(validator=_text(1, 40))
    contact: str = field(validator=_text(1, 40))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class UpholdObjection(_Cycle):
    """异议成立 — the investigation upholds an objection, with its finding."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    objection_id: str = field(validator=check_id)
    finding: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class DismissObjection(_Cycle):
    """异议不成立 — the investigation dismisses an objection, with the reason."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    objection_id: str = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ConfirmList(_Cycle):
    """确定发展对象 — after the notice period, with every objection resolved."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CommendMembers(_Cycle):
    """表扬高分党员 — commend the ``top`` full members with the most points."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    top: int = field(default=COMMEND_TOP, validator=_int_between(1, 1000))


@frozen
class FlagForTraining(_Cycle):
    """低分党员加强培训和引导 — flag full members under ``threshold`` points and issue them
    a training task (``task_id``, ``points`` each, due ``deadline``) only they may claim."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    threshold: int = field(validator=_int_between(1, 100_000))
    task_id: TaskId = field(validator=check_id)
    deadline: datetime = field(validator=check_aware)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    points: int = field(default=2, validator=_int_between(1, 100))


DevelopmentCommand = (
    ProposeList
    | PostNotice
    | FileObjection
    | UpholdObjection
    | DismissObjection
    | ConfirmList
    | CommendMembers
    | FlagForTraining
)
