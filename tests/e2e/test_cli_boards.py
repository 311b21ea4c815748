"""命令行导出公示榜 — ``wall … --xlsx/--html/--svg`` and ``stars board … --html/--svg``:
the files written, what they hold, and that no personal data beyond names leaves."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.e2e.test_cli_stars import BOARD, rated, town
from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.support import LANZHI, REVIEWER, XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["town", "village"]

SVG = "{http://www.w3.org/2000/svg}"
PRIVATE = ("13800000000", "34082219900101123X", "1990")


@pytest.fixture
def scored(village: Village) -> Village:
    """吕兰枝 5 and 吕星灿 3 on T1; 吕红 (with a phone and ID number on file) 2."""
    village.ok(
        f"person register lv-hong --branch {BRANCH} --name 吕红 --status activist "
        f"--gender 女 --birth-year 1990 --contact 13800000000 --id-number 34082219900101123x "
        f"--as town-xiangzhu --at {AT}"
    )
    village.issue("T1")
    for person in (LANZHI, XINGCAN, "lv-hong"):
        village.ok(f"task claim T1 --as {person} --at {AT}")
        village.ok(f"task submit T1 --note 打扫了村口 --as {person} --at {AT}")
    village.ok(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2021-10-09")
    village.ok(
        f"task approve T1 {XINGCAN} --points 3 --reason 照片不全 --as {REVIEWER} --at 2021-10-09"
    )
    village.ok(f"task approve T1 lv-hong --points 2 --reason 迟到 --as {REVIEWER} --at 2021-10-09")
    return village


def test_the_wall_exports_xlsx_html_and_svg(scored: Village, tmp_path: Path) -> None:
    xlsx, html, svg = (tmp_path / f"积分墙.{ext}" for ext in ("xlsx", "html", "svg"))

    out = scored.ok(
        f"wall {BRANCH} --status activist --xlsx {xlsx} --html {html} --svg {svg} "
        "--date 2021-11-22 --signed-by 派溪吕村党支部委员会"
    )

    assert f"已导出 {xlsx}" in out
    assert f"已导出 {svg}" in out
    sheet = load_workbook(xlsx)["积分墙"]
    assert "派溪吕村党支部积分墙" == sheet["A1"].value
    assert "范围：入党积极分子" in sheet["A2"].value
    assert [1, "吕兰枝", "入党积极分子", 5] == [c.value for c in sheet[4]][:4]
    assert [2, "吕星灿", "入党积极分子", 3] == [c.value for c in sheet[5]][:4]
    assert [3, "吕红", "入党积极分子", 2] == [c.value for c in sheet[6]][:4]
    page = html.read_text(encoding="utf-8")
    assert '<p class="signer">派溪吕村党支部委员会</p>' in page
    assert "日期：2021年11月22日" in page
    root = ET.parse(svg).getroot()
    bars = [(g.get("data-label"), g.get("data-value")) for g in root.iter(f"{SVG}g")]
    assert [("吕兰枝", "5"), ("吕星灿", "3"), ("吕红", "2")] == bars


def test_the_exports_hold_names_but_no_personal_data_or_ids(
    scored: Village, tmp_path: Path
) -> None:
    xlsx, html, svg = (tmp_path / f"wall.{ext}" for ext in ("xlsx", "html", "svg"))

    scored.ok(f"wall {BRANCH} --xlsx {xlsx} --html {html} --svg {svg} --at 2021-11-22T10:00")

    cells = " ".join(
        str(cell.value) for ws in load_workbook(xlsx) for row in ws.iter_rows() for cell in row
    )
    for text in (cells, html.read_text(encoding="utf-8"), svg.read_text(encoding="utf-8")):
        assert "吕红" in text
        assert "2021年11月22日" in text
        assert not [secret for secret in (*PRIVATE, "lv-hong", LANZHI) if secret in text]


def test_the_json_wall_names_the_files_written(scored: Village, tmp_path: Path) -> None:
    html = tmp_path / "墙.html"

    document = json.loads(scored.ok(f"--json wall {BRANCH} --html {html}"))

    assert {"html": str(html)} == document["exported"]
    assert html.exists()


def test_without_export_options_nothing_is_written(scored: Village, tmp_path: Path) -> None:
    document = json.loads(scored.ok(f"--json wall {BRANCH}"))

    assert {} == document["exported"]


def test_the_star_board_prints_and_charts(town: Village, tmp_path: Path) -> None:
    html, svg = tmp_path / "创星榜.html", tmp_path / "创星榜.svg"

    rated(town).ok(f"stars board {BOARD} --html {html} --svg {svg} --date 2018-01-10")

    page = html.read_text(encoding="utf-8")
    assert '<h1 class="title">平山镇党委 2017 年度创星榜</h1>' in page
    assert (
        page.index("<h2>党支部</h2>") < page.index("大洼社区党支部") < page.index("<h2>党员</h2>")
    )
    assert page.index("程军") < page.index("胡汪节")
    assert '<p class="signer">中共平山镇委员会</p>' in page
    assert "cheng" not in page
    root = ET.parse(svg).getroot()
    counts = {g.get("data-label"): g.get("data-value") for g in root.iter(f"{SVG}g")}
    assert {
        "五星": "1",
        "四星": "0",
        "三星": "0",
        "二星": "1",
        "一星": "0",
        "不合格": "0",
    } == counts


def test_a_bad_export_date_is_a_usage_error(town: Village, tmp_path: Path) -> None:
    result = town(f"stars board {BOARD} --html {tmp_path / 'x.html'} --date 2018-13-01")

    assert 2 == result.exit_code
    assert "日期格式不对" in result.output
    assert not (tmp_path / "x.html").exists()


def test_the_wall_notice_carries_its_period_contacts_and_a_signed_checkpoint(
    scored: Village, tmp_path: Path
) -> None:
    key, page = tmp_path / "paixilv.key", tmp_path / "积分墙.html"
    scored.ok(f"audit key generate {key} --name paixilv-2021")
    scored.ok(f"calendar import-official --year 2021 --unit {BRANCH} --as lv-zw")

    scored.ok(
        f"wall {BRANCH} --html {page} --date 2021-09-30 --contact 吕国庆13800000000 "
        f"--supervision 象珠镇纪委0579-87000000 --key {key}"
    )

    text = page.read_text(encoding="utf-8")
    assert "公示期：2021年9月30日至2021年10月12日（5个工作日）" in text  # 国庆 in between
    assert "联系电话：吕国庆13800000000" in text
    assert "监督电话：象珠镇纪委0579-87000000" in text
    assert "<svg" in text
    assert "— paixilv-2021" in text  # the signed note under its QR code


def test_a_wall_without_cycle_says_which_cycle_it_shows(scored: Village) -> None:
    shown = scored.ok(f"wall {BRANCH}")

    assert "显示最近有积分的周期 2021-10" in shown


def test_the_points_card_prints_the_total_the_lines_and_a_qr_code_to_check_them(
    scored: Village, tmp_path: Path
) -> None:
    card = tmp_path / "积分证.html"

    shown = json.loads(
        scored.ok(f"--json balance {LANZHI} --card {card} --base-url https://dj.example.cn/")
    )

    page = card.read_text(encoding="utf-8")
    assert "https://dj.example.cn/verify/points/lv-lanzhi?cycle=2021-10" == shown["card"]
    assert "吕兰枝积分证" in page
    assert "合计 5 分" in page
    assert "<svg" in page
    assert shown["card"] in page
    assert "13800000000" not in page
    assert 2 == scored(f"balance {LANZHI} --card {card}").exit_code
