"""花名册格式 — the five sheets and their Chinese column headers (how each cell is read:
:mod:`adapters.roster.cells`).

A roster is five sheets: 单位 (units), 人员 (people), 职务 (roles), 网格 (grid blocks),
农户 (households, their links and pairs). As CSV it is a folder of ``单位.csv``,
``人员.csv``, ``职务.csv``, ``网格.csv``, ``农户.csv`` (UTF-8); as XLSX one workbook with
sheets of those names. ``docs/roster.md`` documents every column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen

from adapters.roster.cells import (
    Parse,
    choice,
    day,
    id_number,
    identifier,
    identifiers,
    text,
    whole,
    yes_no,
)
from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.people.events import STATUS_NAMES, Gender
from dangjian_core.units.events import KIND_NAMES
from dangjian_core.units.roles import ROLE_NAMES


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

HOUSE_BLOCK, HOUSEHOLD_ID, HEAD, LOW_INCOME, LINKED, PAIRED = (
    "网格编号",
    "农户编号",
    "户主",
    "低收入农户",
    "联户党员",
    "结对帮扶人",
)
HOUSEHOLDS = Sheet(
    "农户",
    "households",
    (
        Column(
            HOUSE_BLOCK,
            identifier,
            True,
            "农户所在小网格的编号(本表或库中已有)",
            "ps-dawa-g-sishan",
        ),
        Column(HOUSEHOLD_ID, identifier, True, "农户编号,网格内唯一", "sishan-h01"),
        Column(HEAD, text(80), True, "户主姓名", "程大爷"),
        Column(LOW_INCOME, yes_no, False, "是否低收入农户(是/否);留空为否", "是"),
        Column(LINKED, identifiers, False, "联系这一户的党员编号(联户),多人用、分隔", "cheng-jun"),
        Column(
            PAIRED, identifiers, False, "结对帮扶人编号(仅低收入农户),多人用、分隔", "wang-jinsheng"
        ),
    ),
    "农户:小网格里的农户、联户党员和结对帮扶人(平山镇 327 名党员结对 771 户)",
)

SHEETS = (UNITS, PEOPLE, ROLES, GRIDS, HOUSEHOLDS)
#: Names a sheet answers to (CSV file stems and XLSX sheet names), Chinese or English.
SHEET_NAMES = {name: sheet for sheet in SHEETS for name in (sheet.name, sheet.english)}
