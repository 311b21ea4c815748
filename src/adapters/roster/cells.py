"""花名册的格 — how each cell of a roster is read: text, ids, lists of ids, choices, dates,
whole numbers, yes or no, ID numbers. A problem raises :class:`CellProblem`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from adapters.roster.errors import CellProblem
from dangjian_core.kernel.ids import is_valid_id
from dangjian_core.people.commands import is_id_number

Parse = Callable[[Any], Any]


def _raw_text(value: Any) -> str:
    if isinstance(value, bool):
        raise CellProblem("须为文字", "text expected")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def text(most: int) -> Parse:
    """Text of at most ``most`` characters."""

    def parse(value: Any) -> str:
        found = _raw_text(value)
        if len(found) > most:
            raise CellProblem(
                f"不能超过 {most} 个字(现有 {len(found)} 个)",
                f"at most {most} characters, got {len(found)}",
            )
        return found

    return parse


def identifier(value: Any) -> str:
    """An id: 1–64 ASCII letters, digits or ``_ . : -``."""
    found = _raw_text(value)
    if not is_valid_id(found):
        raise CellProblem(
            f"编号 {found!r} 格式不对(1–64 位英文字母、数字或 _.:-)",
            f"malformed id {found!r}: 1–64 ASCII letters, digits or _.:- expected",
        )
    return found


def choice(names: Mapping[Any, str]) -> Parse:
    """One of an enum's members, by Chinese name (as exported) or English value."""

    def parse(value: Any) -> StrEnum:
        found = _raw_text(value)
        for member, zh in names.items():
            if found in (zh, member.value):
                result: StrEnum = member
                return result
        listed = "、".join(names.values())
        raise CellProblem(
            f"{found!r} 不是可选值({listed})",
            f"{found!r} is not one of: " + ", ".join(f"{m.value}({zh})" for m, zh in names.items()),
        )

    return parse


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def day(value: Any) -> date:
    """A date: ``2017-07-01`` (also ``2017/7/1``, ``2017年7月1日``, or a date cell)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    found = _raw_text(value)
    match = _DATE.match(found)
    try:
        if match is None:
            raise ValueError(found)
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise CellProblem(
            f"日期 {found!r} 格式不对(如 2017-07-01)",
            f"not a date: {found!r} (e.g. 2017-07-01)",
        ) from None


def whole(low: int, high: int) -> Parse:
    """A whole number from ``low`` to ``high``."""

    def parse(value: Any) -> int:
        found = _raw_text(value)
        if not re.fullmatch(r"-?\d+", found) or not low <= int(found) <= high:
            raise CellProblem(
                f"须为 {low}–{high} 的整数,不是 {found!r}",
                f"a whole number {low}–{high} expected, got {found!r}",
            )
        return int(found)

    return parse


def id_number(value: Any) -> str:
    """A resident ID number (18 characters, check digit verified); must be text in XLSX."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellProblem(
            "身份证号码须以文本格式填写(数字格式会丢失末位)",
            "ID numbers must be entered as text (a number cell loses digits)",
        )
    found = _raw_text(value).upper()
    if not is_id_number(found):
        raise CellProblem(
            "身份证号码格式或校验位不对", f"{found!r} is not a valid resident ID number"
        )
    return found


#: What separates the ids in a list cell: 、，, ; ；and spaces.
_LIST = re.compile(r"[、，,;；\s]+")


def identifiers(value: Any) -> tuple[str, ...]:
    """A list of ids separated by 、 , ; or spaces (each as :func:`identifier`); no id
    twice."""
    found = tuple(part for part in _LIST.split(_raw_text(value)) if part)
    ids = tuple(identifier(part) for part in found)
    if len(set(ids)) != len(ids):
        raise CellProblem("同一编号列了两次", "an id is listed twice")
    return ids


_YES, _NO = ("是", "yes", "y", "true", "1"), ("否", "no", "n", "false", "0")


def yes_no(value: Any) -> bool:
    """是 or 否 (also yes/no, true/false, 1/0, or a true/false cell)."""
    if isinstance(value, bool):
        return value
    found = _raw_text(value).lower()
    if found in _YES:
        return True
    if found in _NO:
        return False
    raise CellProblem(
        f"须为 是 或 否,不是 {found!r}", f"是 (yes) or 否 (no) expected, got {found!r}"
    )
