"""时间与周期 — times are inputs; days and cycles are counted in the unit's local time.

The core never reads the clock: every command carries its time. An instant may arrive
written with any UTC offset (a service in UTC, a phone in 北京时间); the day it falls on
and the yearly cycle it belongs to are always those of the unit's local time, China
Standard Time (UTC+8, no daylight saving since 1991, so a fixed offset is exact):
``2021-09-30T17:00Z`` and ``2021-10-01T01:00+08:00`` are the same instant, on the same
day, in the same cycle.

The seed branch 派溪吕村 started its points system in October, so a cycle is named by
the month it starts: ``"2021-10"`` runs from 1 October 2021 to 30 September 2022.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

Cycle = str

#: The units' local time: China Standard Time (北京时间), UTC+8.
LOCAL = timezone(timedelta(hours=8), "Asia/Shanghai")


def check_aware(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: command times must be timezone-aware datetimes."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(
            f"{attribute.name} 须为带时区的时间 / must be a timezone-aware datetime, got {value!r}"
        )


def local(at: datetime) -> datetime:
    """The same instant in the units' local time."""
    return at.astimezone(LOCAL)


def local_date(at: datetime) -> date:
    """The day an instant falls on in the units' local time."""
    return local(at).date()


def cycle_of(at: datetime, start_month: int) -> Cycle:
    """The yearly cycle (一年一周期) that ``at`` falls in, in local time, for a branch
    starting in ``start_month``."""
    moment = local(at)
    year = moment.year if moment.month >= start_month else moment.year - 1
    return f"{year}-{start_month:02d}"


def cycle_label(cycle: Cycle) -> str:
    """A reader's name for a cycle: ``2021-10`` → ``2021年10月—2022年9月``."""
    year, month = (int(part) for part in cycle.split("-"))
    if month == 1:
        return f"{year}年度"
    return f"{year}年{month}月—{year + 1}年{month - 1}月"
