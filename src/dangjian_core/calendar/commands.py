"""工作日历命令 — declare holidays or make-up working days on a calendar."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import field, frozen

from dangjian_core.kernel.ids import BranchId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import text

#: The calendar every deadline uses unless another is named.
DEFAULT_CALENDAR = "default"
#: At most this many days in one declaration (a year's worth).
MAX_DAYS = 366


def _days(_instance: object, _attribute: object, value: Any) -> None:
    ok = isinstance(value, tuple) and 0 < len(value) <= MAX_DAYS
    ok = ok and all(type(d) is date for d in value)
    if not ok:
        raise ValueError(
            f"日期须为 1 至 {MAX_DAYS} 个日期 / days must be 1 to {MAX_DAYS} dates: {value!r}"
        )


def _sorted_days(value: Any) -> Any:
    """Days sorted and without repeats (anything else is left for the validator)."""
    if isinstance(value, list | tuple | set | frozenset) and all(type(d) is date for d in value):
        return tuple(sorted(set(value)))
    return value


@frozen
class DeclareHolidays:
    """公布节假日 — declare days non-working under a name (e.g. 国庆节), acting for the
    top-level unit ``unit_id``."""

    calendar_id: str = field(validator=check_id)
    name: str = field(validator=text(1, 40))
    days: tuple[date, ...] = field(converter=_sorted_days, validator=_days)
    unit_id: BranchId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class DeclareWorkdays:
    """公布调休上班 — declare weekend days or declared holidays working days under a name,
    acting for the top-level unit ``unit_id``."""

    calendar_id: str = field(validator=check_id)
    name: str = field(validator=text(1, 40))
    days: tuple[date, ...] = field(converter=_sorted_days, validator=_days)
    unit_id: BranchId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


CalendarCommand = DeclareHolidays | DeclareWorkdays
