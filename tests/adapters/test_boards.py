"""公示榜 — the board model and its renderers: XLSX cells and print setup, the printable
page's text and safety, the SVG chart's bars and labels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from adapters.boards.chart import board_svg, render_svg
from adapters.boards.export import ExportError, ExportOptions, export
from adapters.boards.html import render_html
from adapters.boards.model import Bar, Board, Chart, Column, Section, date_zh, signer_of
from adapters.boards.stars import star_board_board
from adapters.boards.wall import wall_board
from adapters.boards.xlsx import write_xlsx
from dangjian_core.points.queries import Standing, rank
from dangjian_core.ratings.events import RatedKind
from dangjian_core.ratings.queries import BoardEntry, StarBoard

SVG = "{http://www.w3.org/2000/svg}"
POSTED = date(2021, 11, 22)


def standings() -> list[Standing]:
    """吕兰枝 and 吕星灿 tie on 5 (兰枝 got there first); 吕宝有 has 2; 吕志愿 lost 1."""
    return [
        Standing("lv-xingcan", "吕星灿", "activist", 5, 1, 9, {"加减分": 2, "卫生整治": 3}),
        Standing("lv-lanzhi", "吕兰枝", "activist", 5, 1, 4, {"卫生整治": 5}),
        Standing("lv-baoyou", "吕宝有", "full", 2, 1, 3, {"巡查": 2}),
        Standing("lv-zhiyuan", "吕志愿", "villager", -1, 0, 5, {"加减分": -1}),
    ]


def the_wall() -> Board:
    return wall_board("派溪吕村党支部", "2021-10", rank(standings()), POSTED)


def test_signers_and_dates_read_as_on_a_notice() -> None:
    assert "中共派溪吕村支部委员会" == signer_of("派溪吕村党支部")
    assert "中共平山镇委员会" == signer_of("平山镇党委")
    assert "中共大洼社区总支部委员会" == signer_of("中共大洼社区党总支")
    assert "村务监督委员会" == signer_of("村务监督委员会")
    assert "2026年11月2日" == date_zh(date(2026, 11, 2))


def test_a_row_must_fill_every_column() -> None:
    with pytest.raises(ValueError, match="2 cells"):
        Section("表", (Column("甲"), Column("乙"), Column("丙")), (("a", 1),))


def test_the_wall_board_ranks_and_explains_ties() -> None:
    board = the_wall()

    (section,) = board.printed
    assert [c.header for c in section.columns] == ["名次", "姓名", "政治面貌", "总分", "同分说明"]
    assert section.rows[0] == (1, "吕兰枝", "入党积极分子", 5, "")
    assert section.rows[1] == (
        2, "吕星灿", "入党积极分子", 5, "与第1名同分，依「先达到该分数者在前」",
    )  # fmt: skip
    assert board.period == "2021年10月—2022年9月"
    assert board.footnotes[0].startswith(
        "排名规则（依次适用）：1. 总分高者在前；2. 通过任务多者在前"
    )
    assert (
        board.info_text == "单位：派溪吕村党支部　期间：2021年10月—2022年9月　日期：2021年11月22日"
    )
    assert board.chart is not None
    assert [("吕兰枝", 5), ("吕星灿", 5), ("吕宝有", 2), ("吕志愿", -1)] == [
        (bar.label, bar.value) for bar in board.chart.bars
    ]


def test_the_wall_board_shows_names_never_ids() -> None:
    text = render_html(the_wall()) + board_svg(the_wall())

    assert "吕兰枝" in text
    assert not re.search(r"lv-\w+", text)


def test_the_xlsx_has_title_info_header_rows_notes_and_signature(tmp_path: Path) -> None:
    path = tmp_path / "积分墙.xlsx"

    write_xlsx(the_wall(), path)

    sheet = load_workbook(path)["积分墙"]
    assert "派溪吕村党支部积分墙" == sheet["A1"].value
    assert "A1:E1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value.endswith("日期：2021年11月22日")
    assert ["名次", "姓名", "政治面貌", "总分", "同分说明"] == [c.value for c in sheet[3]]
    assert [1, "吕兰枝", "入党积极分子", 5, None] == [c.value for c in sheet[4]]
    assert [4, "吕志愿", "群众", -1, None] == [c.value for c in sheet[7]]
    assert sheet["A9"].value.startswith("排名规则")
    assert ["中共派溪吕村支部委员会", "2021年11月22日"] == [sheet["A11"].value, sheet["A12"].value]
    assert "right" == sheet["A11"].alignment.horizontal


def test_the_xlsx_sums_points_per_category_in_numeric_columns_in_a_chinese_font(
    tmp_path: Path,
) -> None:
    path = tmp_path / "积分墙.xlsx"

    write_xlsx(the_wall(), path)

    sheet = load_workbook(path)["分类积分"]
    assert ["名次", "姓名", "加减分", "卫生整治", "巡查", "总分"] == [c.value for c in sheet[3]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=7)]
    assert [2, "吕星灿", 2, 3, 0, 5] == rows[1]
    assert all(sum(row[2:5]) == row[5] for row in rows)
    assert {"宋体"} == {c.font.name for row in sheet.iter_rows() for c in row if c.value}


def test_the_printed_wall_leaves_the_categories_and_an_empty_tie_column_off() -> None:
    board = wall_board("派溪吕村党支部", "2021-10", rank(standings())[:1], POSTED)

    assert ["名次", "姓名", "政治面貌", "总分"] == [c.header for c in board.printed[0].columns]
    assert "分类积分" not in render_html(board)


def test_the_xlsx_prints_on_a4_portrait_fitted_to_width(tmp_path: Path) -> None:
    path = tmp_path / "积分墙.xlsx"

    write_xlsx(the_wall(), path)

    sheet = load_workbook(path)["积分墙"]
    assert "A4" == sheet.freeze_panes
    assert (9, "portrait") == (  # 9: A4
        int(sheet.page_setup.paperSize),
        sheet.page_setup.orientation,
    )
    assert (1, 0, True) == (
        sheet.page_setup.fitToWidth,
        sheet.page_setup.fitToHeight,
        sheet.sheet_properties.pageSetUpPr.fitToPage,
    )
    assert "$3:$3" == sheet.print_title_rows
    widths = {k: sheet.column_dimensions[k].width for k in "ABCDEF"}
    assert widths["B"] >= 8  # 三个汉字
    assert widths["E"] > widths["D"]


def test_the_star_board_has_three_sheets_without_ids(tmp_path: Path) -> None:
    stars = StarBoard(
        "pingshan",
        2017,
        (BoardEntry(RatedKind.BRANCH, "dawa", "大洼社区党支部", 5, 95),),
        (
            BoardEntry(RatedKind.MEMBER, "cheng", "程军", 5, 97),
            BoardEntry(RatedKind.MEMBER, "hu", "胡汪节", 2, 75),
        ),
    )
    path = tmp_path / "创星榜.xlsx"

    write_xlsx(star_board_board(stars, "平山镇党委", date(2018, 1, 10)), path)

    workbook = load_workbook(path)
    assert ["汇总", "党支部", "党员"] == workbook.sheetnames
    assert ["五星", 1, 1] == [c.value for c in workbook["汇总"][4]]
    assert ["合计", 1, 2] == [c.value for c in workbook["汇总"][10]]
    assert ["二星", "胡汪节", 75] == [c.value for c in workbook["党员"][5]]
    values = {c.value for ws in workbook for row in ws.iter_rows() for c in row}
    assert not values & {"cheng", "hu", "dawa"}


def test_the_page_is_a4_chinese_self_contained_and_escaped() -> None:
    board = Board(
        "test",
        '<script>alert("x")</script>名单',
        "派溪吕村党支部",
        POSTED,
        (Section("名单", (Column("姓名"), Column("备注")), (("吕兰枝", "a & b\n<i>c</i>"),)),),
        footnotes=("注：<b>不是粗体</b>",),
    )

    page = render_html(board)

    assert "@page { size: A4; margin: 14mm 18mm; }" in page
    assert '"Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC"' in page
    assert '<html lang="zh-CN">' in page
    assert "<script" not in page
    assert "<i>" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;名单" in page
    assert "<td>a &amp; b<br>&lt;i&gt;c&lt;/i&gt;</td>" in page
    assert not re.search(r"(src|href)\s*=|url\(|@import|https?://", page)
    assert '<p class="signer">中共派溪吕村支部委员会</p>' in page
    assert '<span class="date">日期：2021年11月22日</span>' in page


def test_the_page_lists_every_row_in_order() -> None:
    page = render_html(the_wall())

    names = re.findall(r"<tr><td class=\"num\">\d+</td><td>([^<]+)</td>", page)
    assert ["吕兰枝", "吕星灿", "吕宝有", "吕志愿"] == names
    assert '<p class="signer">中共派溪吕村支部委员会</p>' in page


def test_an_empty_section_says_so() -> None:
    empty = Board("t", "名单", "派溪吕村党支部", POSTED, (Section("名单", (Column("姓名"),), ()),))

    assert '<td class="empty" colspan="1">（无）</td>' in render_html(empty)


def test_the_chart_is_an_svg_with_a_bar_and_label_per_person() -> None:
    root = ET.fromstring(board_svg(the_wall()))

    assert SVG + "svg" == root.tag
    bars = root.findall(f"{SVG}g[@class='bar']")
    assert [("吕兰枝", "5"), ("吕星灿", "5"), ("吕宝有", "2"), ("吕志愿", "-1")] == [
        (g.get("data-label"), g.get("data-value")) for g in bars
    ]
    labels = [g.find(f"{SVG}text[@class='label']") for g in bars]
    assert ["吕兰枝", "吕星灿", "吕宝有", "吕志愿"] == [t.text for t in labels if t is not None]
    widths = [float(g.find(f"{SVG}rect").get("width", "0")) for g in bars]  # type: ignore[union-attr]
    assert widths[0] == widths[1] > widths[2] > 0
    assert widths[3] > 0  # drawn leftwards from zero
    assert "派溪吕村党支部积分名次" == root.findtext(f"{SVG}title")
    assert "Noto Serif CJK SC" in root.get("font-family", "")


def test_the_chart_escapes_labels_and_needs_nothing_from_outside() -> None:
    text = render_svg(Chart("名次 <&>", (Bar("<b>王</b>", 3), Bar("李", 0))))

    root = ET.fromstring(text)
    assert ["<b>王</b>", "李"] == [g.get("data-label") for g in root.iter(f"{SVG}g")]
    assert not re.search(r"href|<script|url\(", text)


def test_a_board_without_a_chart_has_no_svg() -> None:
    board = Board("t", "名单", "派溪吕村党支部", POSTED, ())

    with pytest.raises(ValueError, match="没有名次图"):
        board_svg(board)


def test_an_export_to_a_missing_folder_a_folder_or_a_full_disk_is_a_named_refusal(
    tmp_path: Path,
) -> None:
    board = the_wall()
    cases = {
        tmp_path / "nowhere" / "wall.xlsx": "不存在",
        tmp_path: "是文件夹",
        Path("/dev/full"): "无法写入",  # every write fails with "No space left on device"
    }
    for path, said in cases.items():
        with pytest.raises(ExportError) as refused:
            export(board, ExportOptions(xlsx=path))
        assert said in refused.value.zh
        assert "export" == refused.value.code
    assert [] == list(tmp_path.iterdir())
