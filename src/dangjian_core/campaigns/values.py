"""攻坚的取值 — the capacities a task-force member serves in, the kinds of work a problem
links to, and measured amounts: decimal text in commands and events (``"30.3208"``; canonical in the
events), read as a :class:`~decimal.Decimal` wherever the core compares or adds them. Stored inside
the events (:mod:`dangjian_core.campaigns.events`): add enum members, never rename a
value."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

#: The most decimal places a measured amount keeps (30.3208 公顷 has four).
PLACES = 6
#: The largest amount a milestone measures.
LARGEST = Decimal("1000000000")


class Capacity(StrEnum):
    """攻坚身份 — in what capacity a member serves on a task force (攻坚党小组)."""

    FIRST_SECRETARY = "first_secretary"  # 下派第一书记
    REPRESENTATIVE = "representative"  # 两代表一委员
    YOUNG_CADRE = "young_cadre"  # 突击队年轻干部
    LIAISON = "liaison"  # 联村干部
    OFFICE_STAFF = "office_staff"  # 职能办人员

    @property
    def zh(self) -> str:
        """The capacity in Chinese."""
        return {
            "first_secretary": "第一书记",
            "representative": "两代表一委员",
            "young_cadre": "突击队年轻干部",
            "liaison": "联村干部",
            "office_staff": "职能办人员",
        }[self.value]


class LinkKind(StrEnum):
    """关联工作 — what a problem spawned: a task members claim, or a work item that
    cascades."""

    TASK = "task"  # 任务
    WORK_ITEM = "work_item"  # 中心工作

    @property
    def zh(self) -> str:
        """The kind in Chinese."""
        return {"task": "任务", "work_item": "中心工作"}[self.value]


def amount_text(value: Decimal) -> str:
    """The canonical text of an amount: no exponent, no trailing zeros (``231``,
    ``30.3208``)."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def amount(text: str) -> Decimal:
    """The amount a stored text holds (a damaged one reads as 0, never raises)."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return Decimal(0)
    return value if value.is_finite() else Decimal(0)


#: How a measured amount is written in a command: digits, and at most :data:`PLACES`
#: decimal places after a point (``30.3208``, ``231``); no sign, no exponent.
AMOUNT_TEXT = re.compile(rf"[0-9]{{1,10}}(\.[0-9]{{1,{PLACES}}})?")


def measured(low: Decimal) -> Any:
    """A validator: a measured amount written as decimal text (:data:`AMOUNT_TEXT`), from
    ``low`` to :data:`LARGEST`. Commands carry the text, so a decimal travels exactly (no
    float on the way, over HTTP or the command line); the core reads it as a
    :class:`Decimal`."""

    def check(_instance: object, attribute: Any, value: Any) -> None:
        ok = isinstance(value, str) and AMOUNT_TEXT.fullmatch(value) is not None
        if not ok or not low <= Decimal(value) <= LARGEST:
            raise ValueError(
                f"{attribute.name} 须为 {low}–{LARGEST} 之间、至多{PLACES}位小数的数 / "
                f"{attribute.name} must be a decimal from {low} to {LARGEST} with at most "
                f"{PLACES} places: {value!r}"
            )

    return check


def day(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: a date (not a datetime)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError(f"{attribute.name} 须为日期 / {attribute.name} must be a date: {value!r}")
