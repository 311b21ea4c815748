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

from dangjian_core.kernel.errors import FutureTime

Cycle = str

#: The units' local time: China Standard Time (北京时间), UTC+8.
LOCAL = timezone(timedelta(hours=8), "Asia/Shanghai")


#: The years a recorded time may fall in: wide enough for any history a branch keeps,
#: narrow enough that a year later or a day earlier is still a date (``9999-12-31``
#: once made every later ledger read overflow).
YEARS = range(1900, 3000)

#: How far ahead of the server's clock a command's time may lie (clocks drift; a phone
#: may be a little fast). Anything further is a future time and is refused.
CLOCK_SKEW = timedelta(minutes=5)
#: How long after a store's first event its history (what happened before it went live,
#: typed in from the paper ledgers) may still be entered.
HISTORY_WINDOW = timedelta(days=30)


def check_aware(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: command times must be timezone-aware datetimes within :data:`YEARS`."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(
            f"{attribute.name} 须为带时区的时间 / {attribute.name} must be a timezone-aware datetime, got {value!r}"
        )
    if value.year not in YEARS or local(value).year not in YEARS:
        raise ValueError(
            f"{attribute.name} 年份须在{YEARS.start}–{YEARS.stop - 1}之间 / "
            f"{attribute.name} must fall in the years {YEARS.start}–{YEARS.stop - 1}, got {value.isoformat()}"
        )


def check_not_future(at: datetime, now: datetime) -> None:
    """Refuse a time ahead of ``now`` (the server's clock) by more than :data:`CLOCK_SKEW`:
    nobody records what has not happened yet."""
    if at > now + CLOCK_SKEW:
        raise FutureTime(
            f"时间 {local(at):%Y-%m-%d %H:%M} 晚于服务器当前时间 {local(now):%Y-%m-%d %H:%M}",
            f"time {at.isoformat()} lies ahead of the server's clock ({now.isoformat()})",
        )


def entered_late(at: datetime, recorded_at: datetime) -> bool:
    """补录 — whether an event was recorded after its time by more than :data:`CLOCK_SKEW`:
    entered after the fact, which the trail and the inspector's report show as such."""
    return recorded_at - at > CLOCK_SKEW


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
