"""花名册格式 — the four sheets, their Chinese column headers, and how each cell is read.

A roster is four sheets: 单位 (units), 人员 (people), 职务 (roles), 网格 (grid blocks).
As CSV it is a folder of ``单位.csv``, ``人员.csv``, ``职务.csv``, ``网格.csv`` (UTF-8);
as XLSX one workbook with sheets of those names. ``docs/roster.md`` documents every column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from attrs import frozen

from adapters.roster.errors import CellProblem
from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.kernel.ids import is_valid_id
from dangjian_core.people.commands import is_id_number
from dangjian_core.people.events import STATUS_NAMES, Gender
from dangjian_core.units.events import KIND_NAMES
from dangjian_core.units.roles import ROLE_NAMES

Parse = Callable[[Any], Any]


@frozen
class Column:
    """列 — a header, whether it must be filled, how a cell is read, what it means."""

    header: str
    parse: Parse
    required: bool
    doc: str
    example: str
    text: bool = True  # written as text in XLSX (ids, dates, ID numbers)
    choices: tuple[str, ...] = ()


@frozen
class Sheet:
    """表 — one sheet of the roster: its name, English name and columns in order."""

    name: str
    english: str
    columns: tuple[Column, ...]
    doc: str

    @property
    def headers(self) -> tuple[str, ...]:
        """The column headers in order."""
        return tuple(c.header for c in self.columns)

    def column(self, header: str) -> Column:
        """The column with this header."""
        return next(c for c in self.columns if c.header == header)

    @property
    def file_name(self) -> str:
        """The CSV file holding this sheet: ``单位.csv``."""
        return f"{self.name}.csv"


# --------------------------------------------------------------------------- cells


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


GENDER_NAMES = {Gender.MALE: "男", Gender.FEMALE: "女"}
SIZE_NAMES = {BlockSize.LARGE: "大网格", BlockSize.SMALL: "小网格"}
POST_NAMES = {post: post.zh for post in GridPost}


def _enum_column(
    header: str, names: Mapping[Any, str], doc: str, example: str, *, required: bool = True
) -> Column:
    return Column(
        header, choice(names), required, doc, example, text=True, choices=tuple(names.values())
    )


# --------------------------------------------------------------------------- sheets

UNIT_ID, UNIT_NAME, KIND, PARENT, FOUNDED, CYCLE = (
    "组织编号",
    "名称",
    "类别",
    "上级组织编号",
    "成立日期",
    "积分周期起始月",
)
UNITS = Sheet(
    "单位",
    "units",
    (
        Column(UNIT_ID, identifier, True, "组织的编号,全库唯一", "pingshan"),
        Column(UNIT_NAME, text(80), True, "组织全称", "平山镇党委"),
        _enum_column(KIND, KIND_NAMES, "组织类别", "党委"),
        Column(
            PARENT,
            identifier,
            False,
            "上级组织的编号(本表或库中已有);留空为根组织,导入人记为其上级",
            "",
        ),
        Column(FOUNDED, day, False, "成立日期;留空为导入时刻", "2017-01-01"),
        Column(CYCLE, whole(1, 12), False, "积分周期从几月开始(1–12);留空为 1", "1", text=False),
    ),
    "党组织:党委、党总支、党支部、党小组等;上级须在本表靠前或已在库中(顺序不限)",
)

PERSON_ID, PERSON_NAME, HOME, STATUS, SINCE, GENDER, BIRTH, CONTACT, ID_NUMBER = (
    "人员编号",
    "姓名",
    "所在组织编号",
    "政治面貌",
    "起始日期",
    "性别",
    "出生年份",
    "联系电话",
    "身份证号码",
)
PEOPLE = Sheet(
    "人员",
    "people",
    (
        Column(PERSON_ID, identifier, True, "人员编号,全库唯一", "wang-jinsheng"),
        Column(PERSON_NAME, text(40), True, "姓名", "汪金生"),
        Column(
            HOME, identifier, True, "名册所在组织的编号(党小组、区域委员会不设名册)", "pingshan"
        ),
        _enum_column(STATUS, STATUS_NAMES, "政治面貌", "正式党员"),
        Column(SINCE, day, True, "现政治面貌的起始日期(如转正日期)", "2000-07-01"),
        _enum_column(GENDER, GENDER_NAMES, "性别;可留空", "男", required=False),
        Column(BIRTH, whole(1900, 2100), False, "出生年份;可留空", "1968", text=False),
        Column(CONTACT, text(40), False, "联系电话;可留空(个人信息)", ""),
        Column(ID_NUMBER, id_number, False, "18 位公民身份号码;可留空(个人信息)", ""),
    ),
    "人员名册:每人登记在一个组织的名册上,带现政治面貌",
)

ROLE_UNIT, ROLE_PERSON, ROLE, ROLE_SINCE = ("组织编号", "人员编号", "职务", "任职日期")
ROLES = Sheet(
    "职务",
    "roles",
    (
        Column(ROLE_UNIT, identifier, True, "任职的组织编号", "pingshan"),
        Column(ROLE_PERSON, identifier, True, "任职人员编号(本表或库中已有)", "wang-jinsheng"),
        _enum_column(ROLE, ROLE_NAMES, "职务", "书记"),
        Column(ROLE_SINCE, day, False, "任职日期;留空为导入时刻", "2017-01-01"),
    ),
    "在任职务:谁在哪个组织担任什么职务、自何时起",
)

BLOCK_ID, BLOCK_BRANCH, BLOCK_NAME, SIZE, PARENT_BLOCK = (
    "网格编号",
    "所属支部编号",
    "名称",
    "层级",
    "上级网格编号",
)
POST_HEADERS = {post: post.zh for post in GridPost}
GRIDS = Sheet(
    "网格",
    "grids",
    (
        Column(BLOCK_ID, identifier, True, "网格编号,全库唯一", "ps-dawa"),
        Column(BLOCK_BRANCH, identifier, True, "网格所属党支部的编号", "ps-dawa-zb"),
        Column(BLOCK_NAME, text(80), True, "网格名称", "大洼社区"),
        _enum_column(SIZE, SIZE_NAMES, "大网格或小网格", "大网格"),
        Column(PARENT_BLOCK, identifier, False, "小网格所在的大网格编号;大网格留空", ""),
        *(
            Column(header, identifier, False, f"小网格的{header}岗位:人员编号;可留空", "")
            for header in POST_HEADERS.values()
        ),
    ),
    "网格:支部划大网格,大网格内划小网格;小网格落实四个岗位(一班子一干部一党员、代表)",
)

SHEETS = (UNITS, PEOPLE, ROLES, GRIDS)
#: Names a sheet answers to (CSV file stems and XLSX sheet names), Chinese or English.
SHEET_NAMES = {name: sheet for sheet in SHEETS for name in (sheet.name, sheet.english)}
