"""时间与周期 — times are inputs; cycles are one year from the branch's start month.

The seed branch 派溪吕村 started its points system in October, so a cycle is named by
the month it starts: ``"2021-10"`` runs from 1 October 2021 to 30 September 2022.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

Cycle = str


def check_aware(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: command times must be timezone-aware datetimes."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(
            f"{attribute.name} 须为带时区的时间 / must be a timezone-aware datetime, got {value!r}"
        )


def cycle_of(at: datetime, start_month: int) -> Cycle:
    """The yearly cycle (一年一周期) that ``at`` falls in, for a branch starting in ``start_month``."""
    year = at.year if at.month >= start_month else at.year - 1
    return f"{year}-{start_month:02d}"


def cycle_label(cycle: Cycle) -> str:
    """A reader's name for a cycle: ``2021-10`` → ``2021年10月—2022年9月``."""
    year, month = (int(part) for part in cycle.split("-"))
    if month == 1:
        return f"{year}年度"
    return f"{year}年{month}月—{year + 1}年{month - 1}月"
