"""打印公示页 — the boards' HTML pages printed by headless Chromium: A4, a Chinese font,
the unit's name, the date and every row where a reader will look for them.

Skipped without a browser (see :mod:`tests.chromium`): ``bash .ci/run`` installs one.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from adapters.boards.html import write_html
from adapters.boards.model import Board, Column, Notice, Section
from adapters.boards.wall import wall_board
from dangjian_core.points.queries import Standing, rank
from tests import chromium
from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.support import LANZHI, REVIEWER, XINGCAN

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(chromium.browser() is None, reason=chromium.SKIP_REASON),
]
__all__ = ["village"]

A4 = (595.3, 841.9)  # points


class Page(HTMLParser):
    """The text a reader sees in the dumped DOM: the info line's parts, the signature and
    the table rows (each a list of its cells' text)."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: dict[str, str] = {}
        self.rows: list[list[str]] = []
        self._open: list[str | None] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "hr", "meta"}:
            return
        self._open.append(dict(attrs).get("class"))
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._open and self._open[-1]:
            name = str(self._open[-1])
            self.classes[name] = self.classes.get(name, "") + data


@pytest.fixture
def scored(village: Village) -> Village:
    """吕兰枝 5 points, 吕星灿 3, on T1."""
    village.issue("T1")
    for person in (LANZHI, XINGCAN):
        village.ok(f"task claim T1 --as {person} --at {AT}")
        village.ok(f"task submit T1 --note 打扫了村口 --as {person} --at {AT}")
    village.ok(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2021-10-09")
    village.ok(
        f"task approve T1 {XINGCAN} --points 3 --reason 照片不全 --as {REVIEWER} --at 2021-10-09"
    )
    return village


def close_to_a4(box: tuple[float, float]) -> bool:
    return abs(box[0] - A4[0]) < 1.5 and abs(box[1] - A4[1]) < 1.5


def test_the_printed_wall_is_one_a4_page_in_a_chinese_font(scored: Village, tmp_path: Path) -> None:
    page = tmp_path / "积分墙.html"
    scored.ok(f"wall {BRANCH} --html {page} --date 2021-11-22")

    pdf = chromium.print_pdf(page, tmp_path / "积分墙.pdf")

    assert 1 == chromium.page_count(pdf)
    boxes = chromium.media_boxes(pdf)
    assert boxes
    assert all(close_to_a4(box) for box in boxes), boxes
    fonts = chromium.font_names(pdf)
    assert any("CJK" in name or "SourceHan" in name for name in fonts), fonts


def test_the_chinese_font_the_page_names_first_is_installed() -> None:
    found = chromium.font_match("Noto Serif CJK SC")
    if found is None:
        pytest.skip("fc-match 不可用 / no fontconfig")

    assert "NotoSerifCJK" in found, "apt-get install fonts-noto-cjk"


def test_the_rendered_wall_shows_unit_date_rows_and_signature(
    scored: Village, tmp_path: Path
) -> None:
    page = tmp_path / "积分墙.html"
    scored.ok(f"wall {BRANCH} --html {page} --date 2021-11-22")
    reader = Page()

    reader.feed(chromium.dump_dom(page))

    assert "派溪吕村党支部积分墙" == reader.classes["title"]
    assert "单位：派溪吕村党支部" == reader.classes["unit"]
    assert "日期：2021年11月22日" == reader.classes["date"]
    assert "中共派溪吕村支部委员会" == reader.classes["signer"]
    assert "2021年11月22日" == reader.classes["signed-on"]
    assert ["名次", "姓名", "政治面貌", "总分", "同分说明"] == reader.rows[0]
    ranked = [row[:4] for row in reader.rows[1:]]
    assert ["1", "吕兰枝", "入党积极分子", "5"] == ranked[0]
    assert ["2", "吕星灿", "入党积极分子", "3"] == ranked[1]
    assert all(row[3] == "0" for row in ranked[2:])


def test_a_long_board_runs_onto_more_a4_pages(tmp_path: Path) -> None:
    rows = tuple((i, f"村民{i:03d}", i % 7) for i in range(1, 121))
    columns = (Column("序号", numeric=True), Column("姓名"), Column("积分", numeric=True))
    board = Board(
        "test", "长名单", "派溪吕村党支部", date(2021, 11, 22), (Section("名单", columns, rows),)
    )
    page = tmp_path / "长名单.html"
    write_html(board, page)

    pdf = chromium.print_pdf(page, tmp_path / "长名单.pdf")

    pages = chromium.page_count(pdf)
    assert 3 <= pages <= 6, pages  # 120 rows of one line each: 25–40 rows per A4 page
    assert pages == len(chromium.media_boxes(pdf))
    assert all(close_to_a4(box) for box in chromium.media_boxes(pdf))


def village_wall(people: int) -> Board:
    """A wall of ``people`` with five categories each, some tied, posted as a notice with
    contacts and a signed checkpoint (its QR code)."""
    categories = ("环境卫生整治", "核酸检测点秩序维护", "日常工作巡查", "志愿服务", "加减分")
    standings = [
        Standing(
            f"p{i:02d}",
            f"吕村民{i:02d}",
            "activist" if i % 3 else "villager",
            sum((i * (k + 3)) % 7 for k in range(5)),
            i % 4,
            i,
            {c: (i * (k + 3)) % 7 for k, c in enumerate(categories)},
        )
        for i in range(people)
    ]
    notice = Notice(
        "2021年11月22日至2021年11月26日（5个工作日）",
        ("联系电话：吕国庆 13800000000", "监督电话：象珠镇纪委 0579-87000000"),
        "派溪吕村党支部\n633\nq3Zx0bX2Yw0yG7m1lQy6mD8ZpJ0a1Vx0O3U7m9kq2Yw=\n\n— paixilv Az3f...\n",
    )
    board = wall_board("派溪吕村党支部", "2021-10", rank(standings), date(2021, 11, 22))
    return attrs.evolve(board, notice=notice)


@pytest.mark.parametrize(("people", "pages"), [(7, 1), (30, 1)])
def test_the_wall_notice_prints_on_one_page_with_its_signature(
    tmp_path: Path, people: int, pages: int
) -> None:
    page = tmp_path / "积分墙.html"
    write_html(village_wall(people), page)

    pdf = chromium.print_pdf(page, tmp_path / "积分墙.pdf")

    assert pages == chromium.page_count(pdf)
    text = page.read_text(encoding="utf-8")
    assert "特此公示" in text
    assert "监督电话" in text
    assert "<svg" in text  # the checkpoint's QR code
    assert "（2021-10）" not in text
