"""命令行导出发展对象名单 — ``dev show … --list … --xlsx/--html/--svg`` on the 派溪吕村
story: posted, 吕兰枝 objected to and removed, 吕星灿 moved up and posted again."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest
from openpyxl import load_workbook

from adapters.app import open_app
from tests import support
from tests.adapters.development_story import (
    CYCLE,
    closed,
    commend,
    flag,
    objection,
    post,
    propose,
    uphold,
)
from tests.e2e.test_cli_story import BRANCH, Village

pytestmark = pytest.mark.e2e

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def amended(tmp_path: Path) -> Village:
    """The story up to the second notice, with members commended and flagged."""
    store = tmp_path / "paixilv.db"
    with open_app(str(store)) as app:
        for command in support.setup_commands():
            app.handle(command)
        closed(app)
        for command in (propose(), post(), objection(), uphold(), post(date(2022, 10, 17))):
            app.handle(command)
        # after the second notice: a cycle's history is recorded in time order
        after = datetime(2022, 10, 24, 9, tzinfo=support.CST)
        app.handle(attrs.evolve(commend(), at=after))
        app.handle(attrs.evolve(flag(), at=after))
    return Village(store)


def test_the_posted_list_exports_with_its_notice_period(amended: Village, tmp_path: Path) -> None:
    xlsx, html, svg = (tmp_path / f"公示.{ext}" for ext in ("xlsx", "html", "svg"))

    out = amended.ok(
        f"dev show {BRANCH} --cycle {CYCLE} --list proposed --xlsx {xlsx} --html {html} "
        f"--svg {svg} --date 2022-10-17"
    )

    assert f"已导出 {html}" in out
    sheet = load_workbook(xlsx)["拟发展对象"]
    assert "派溪吕村党支部拟发展对象公示" == sheet["A1"].value
    assert "吕星灿" == sheet["B4"].value
    assert sheet["A6"].value.startswith("公示期：2022年10月17日至")
    page = html.read_text(encoding="utf-8")
    assert "日期：2022年10月17日" in page
    assert "吕兰枝" not in page  # removed on the upheld objection
    root = ET.parse(svg).getroot()
    assert ["吕星灿"] == [g.get("data-label") for g in root.iter(f"{SVG}g")]


def test_objections_are_posted_without_who_objected(amended: Village, tmp_path: Path) -> None:
    html = tmp_path / "异议.html"

    document = json.loads(
        amended.ok(f"--json dev show {BRANCH} --cycle {CYCLE} --list objections --html {html}")
    )

    assert {"html": str(html)} == document["exported"]
    page = html.read_text(encoding="utf-8")
    assert "曾参与赌博" in page
    assert "经调查属实" in page
    assert "吕大伯" not in page
    assert "13800000000" not in page


def test_every_list_with_anyone_on_it_exports_to_one_workbook(
    amended: Village, tmp_path: Path
) -> None:
    xlsx = tmp_path / "发展党员.xlsx"

    amended.ok(f"dev show {BRANCH} --cycle {CYCLE} --xlsx {xlsx}")

    workbook = load_workbook(xlsx)
    assert ["拟发展对象", "异议及处理结果", "表扬党员", "培训帮带党员"] == workbook.sheetnames
    assert "吕宝有" in {c.value for c in workbook["培训帮带党员"]["B"]}
    values = " ".join(str(c.value) for ws in workbook for row in ws.iter_rows() for c in row)
    assert "lv-" not in values


def test_an_empty_list_asked_by_name_is_printed_as_empty(amended: Village, tmp_path: Path) -> None:
    xlsx = tmp_path / "已确定.xlsx"

    amended.ok(f"dev show {BRANCH} --cycle {CYCLE} --list confirmed --xlsx {xlsx}")

    assert ["已确定发展对象"] == load_workbook(xlsx).sheetnames


def test_no_formal_notice_is_printed_when_nothing_was_proposed(tmp_path: Path) -> None:
    store = tmp_path / "paixilv.db"
    with open_app(str(store)) as app:
        for command in support.setup_commands():
            app.handle(command)
    page = tmp_path / "公示.html"

    result = Village(store)(f"dev show {BRANCH} --cycle {CYCLE} --html {page}")

    assert 0 != result.exit_code
    assert "尚未拟定" in result.output
    assert not page.exists()
