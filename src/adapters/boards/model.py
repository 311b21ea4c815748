"""公示榜 — a neutral board model: what is posted, independent of XLSX, HTML or SVG.

A :class:`Board` is one notice (积分墙, 创星榜, 发展对象名单…): a title, the unit that posts
it, the date it is posted, an optional period, one or more :class:`Section` tables with
Chinese headers, footnotes (e.g. the tie-break rules) and a signature line
(``中共派溪吕村支部委员会 / 2021年11月22日``). Renderers (:mod:`adapters.boards.xlsx`,
:mod:`adapters.boards.html`, :mod:`adapters.boards.chart`) only lay it out.

Boards are public: builders put names in them, never personal data
(:data:`dangjian_core.kernel.trail.PRIVATE_FIELDS`) and never person ids.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from attrs import field, frozen

#: What a cell may hold: text, a whole number, or nothing.
Cell = str | int | None


@frozen
class Column:
    """一列 — a header (Chinese), a width in characters, and whether it holds numbers."""

    header: str
    width: int = 10
    numeric: bool = False


@frozen
class Section:
    """一张表 — a titled table; in XLSX one sheet (named ``sheet``, default the title)."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = ()
    sheet: str | None = None
    #: False for a sheet of the XLSX only (e.g. points per category as numbers to sum),
    #: left off the printed page so that the notice fits.
    printed: bool = True

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row {row!r} has {len(row)} cells, not {len(self.columns)}")

    def widths(self, most: int = 60) -> tuple[int, ...]:
        """Each column's width in characters (Chinese count two): the widest of its
        declared width, header and cells, at most ``most``."""
        found = []
        for index, column in enumerate(self.columns):
            cells = [display_width(str(row[index])) for row in self.rows if row[index] is not None]
            found.append(min(max([column.width, display_width(column.header), *cells]), most))
        return tuple(found)

    @property
    def sheet_name(self) -> str:
        """The XLSX sheet name: at most 31 characters, none of ``[]:*?/\\``."""
        name = self.sheet or self.title
        for bad in "[]:*?/\\":
            name = name.replace(bad, " ")
        return name[:31] or "Sheet"


@frozen
class Bar:
    """一根柱 — a label and a value in a standings chart."""

    label: str
    value: int


@frozen
class Chart:
    """名次图 — bars of a standings chart, in the order they are drawn (top first)."""

    title: str
    bars: tuple[Bar, ...]
    unit: str = "分"


@frozen
class Notice:
    """公示事项 — what makes a board a notice to post: its period, whom to call, the
    closing words, and the signed checkpoint (printed with a QR code) that pins the log
    behind the figures."""

    period: str
    contacts: tuple[str, ...] = ()
    checkpoint: str | None = None
    closing: str = "特此公示。"


@frozen
class Board:
    """公示榜 — one notice, ready to render."""

    kind: str
    title: str
    unit_name: str
    as_of: date
    sections: tuple[Section, ...]
    period: str | None = None
    footnotes: tuple[str, ...] = ()
    signed_by: str | None = None
    chart: Chart | None = None
    meta: tuple[tuple[str, str], ...] = field(factory=tuple)
    notice: Notice | None = None
    #: An address printed with its QR code (a points card's check page).
    link: str | None = None

    @property
    def printed(self) -> tuple[Section, ...]:
        """The sections on the printed page."""
        return tuple(section for section in self.sections if section.printed)

    @property
    def date_text(self) -> str:
        """The posting date as printed: ``2021年11月22日``."""
        return date_zh(self.as_of)

    @property
    def signer(self) -> str:
        """The signature line's issuer: given, else derived from the unit's name."""
        return self.signed_by or signer_of(self.unit_name)

    @property
    def info(self) -> tuple[tuple[str, str], ...]:
        """The line under the title: unit, period, date, then any extra ``meta`` pairs."""
        pairs = [("单位", self.unit_name)]
        if self.period:
            pairs.append(("期间", self.period))
        pairs.append(("日期", self.date_text))
        return (*pairs, *self.meta)

    @property
    def info_text(self) -> str:
        """:attr:`info` on one line: ``单位：派溪吕村党支部　日期：2021年11月22日``."""
        return "　".join(f"{key}：{value}" for key, value in self.info)


def display_width(text: str) -> int:
    """How many columns ``text``'s longest line takes: Chinese characters count two."""
    lines = text.split("\n") or [""]
    return max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s) for s in lines)


def date_zh(day: date) -> str:
    """A date as written on a notice: ``2021年11月2日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def signer_of(unit_name: str) -> str:
    """The body that signs a unit's notices: 派溪吕村党支部 → 中共派溪吕村支部委员会,
    平山镇党委 → 中共平山镇委员会, 某某党总支 → 中共某某总支部委员会."""
    name = unit_name.strip()
    if name.startswith("中共"):
        name = name[2:]
    for suffix, body in (("党支部", "支部委员会"), ("党总支", "总支部委员会"), ("党委", "委员会")):
        if name.endswith(suffix) and len(name) > len(suffix):
            return f"中共{name[: -len(suffix)]}{body}"
    return unit_name
