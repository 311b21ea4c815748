"""命令行: 花名册 — ``roster template | import | export`` on a SQLite file, the shipped
template, and the 平山镇 example's counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from adapters.roster.columns import SHEETS
from tests.adapters.roster_support import workbook_cells
from tests.e2e.test_cli_story import Village
from tests.e2e.test_examples import EXAMPLES, run_example

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs" / "roster-template"
AS = "--as huaining-xianwei --at 2018-01-02T09:00"


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """An empty store and the example roster written next to it."""
    v = Village(tmp_path / "pingshan.db")
    v.ok(f"roster template {tmp_path / 'example'} --example")
    return v


def test_the_example_roster_imports_and_shows_up_in_the_tree(town: Village, tmp_path: Path) -> None:
    out = town.ok(f"roster import {tmp_path / 'example'} {AS}")

    assert (
        "已导入花名册: 单位 3 行、人员 4 行、职务 3 行、网格 2 行、农户 2 行; 写入事件 25 条" in out
    )
    assert "司山网格党小组" in town.ok("unit tree")
    assert "花名册与库中一致, 无变化" in town.ok(f"roster import {tmp_path / 'example'} {AS}")


def test_the_import_answers_in_json(town: Village, tmp_path: Path) -> None:
    document = json.loads(town.ok(f"--json roster import {tmp_path / 'example'} {AS}"))

    assert (25, 14) == (document["events"], document["rows"])
    assert [3, 4, 3, 2, 2] == [s["new"] for s in document["sheets"]]


def test_a_bad_row_is_one_line_with_its_place_and_nothing_is_written(
    town: Village, tmp_path: Path
) -> None:
    roles = tmp_path / "example" / "职务.csv"
    roles.write_text(
        roles.read_text(encoding="utf-8-sig").replace("cheng-jun", "nobody"), encoding="utf-8-sig"
    )

    result = town(f"roster import {tmp_path / 'example'} {AS}")

    assert 4 == result.exit_code
    assert result.stderr.startswith("错误: 职务.csv 第 4 行「人员编号」: nobody 不是 ps-dawa")
    assert 1 == len(result.stderr.strip().splitlines())
    assert 0 == town.events()


def test_a_malformed_cell_exits_2_in_json(town: Village, tmp_path: Path) -> None:
    units = tmp_path / "example" / "单位.csv"
    units.write_text(
        units.read_text(encoding="utf-8-sig").replace(",党支部,", ",支部,"),
        encoding="utf-8-sig",
    )

    result = town(f"--json roster import {tmp_path / 'example'} {AS}")

    assert 2 == result.exit_code
    error = json.loads(result.stdout)["error"]
    assert error["zh"].startswith("单位.csv 第 3 行「类别」: '支部' 不是可选值")


def test_export_writes_what_was_imported(town: Village, tmp_path: Path) -> None:
    town.ok(f"roster import {tmp_path / 'example'} {AS}")

    out = town.ok(f"roster export {tmp_path / 'out'}")
    town.ok(f"roster export {tmp_path / 'out.xlsx'} --root ps-dawa")

    assert "已导出花名册" in out
    for sheet in SHEETS:
        exported = (tmp_path / "out" / sheet.file_name).read_bytes()
        assert (tmp_path / "example" / sheet.file_name).read_bytes() == exported
    cells = workbook_cells(tmp_path / "out.xlsx")
    assert [("ps-dawa", "大洼社区党支部", "党支部", None, "2017-01-01", 1)] == cells["单位"][1:2]


def test_the_shipped_template_is_what_the_command_writes(town: Village, tmp_path: Path) -> None:
    town.ok(f"roster template {tmp_path / 'blank'}")
    town.ok(f"roster template {tmp_path / 'blank.xlsx'}")
    town.ok(f"roster template {tmp_path / 'example.xlsx'} --example")

    for sheet in SHEETS:
        blank = (tmp_path / "blank" / sheet.file_name).read_bytes()
        assert (DOCS / "模板" / sheet.file_name).read_bytes() == blank
        example = (tmp_path / "example" / sheet.file_name).read_bytes()
        assert (DOCS / "示例" / sheet.file_name).read_bytes() == example
    assert workbook_cells(DOCS / "花名册模板.xlsx") == workbook_cells(tmp_path / "blank.xlsx")
    assert workbook_cells(DOCS / "示例.xlsx") == workbook_cells(tmp_path / "example.xlsx")


def test_the_shipped_example_workbook_imports(town: Village) -> None:
    assert "写入事件 25 条" in town.ok(f"roster import {DOCS / '示例.xlsx'} {AS}")


def test_pingshan_has_one_general_branch_37_branches_52_groups_and_1462_members(
    tmp_path: Path,
) -> None:
    result = run_example(EXAMPLES / "pingshan_structure.py", tmp_path)

    assert 0 == result.returncode, result.stderr
    assert (
        "平山镇党委下辖 1 个党总支、37 个党支部、52 个网格党小组, 共有党员 1462 名" in result.stdout
    )
    town = next(line for line in result.stdout.splitlines() if "平山镇党委(党委)" in line)
    assert re.search(r"党员 1462 名 · 党总支 1 个 · 党支部 37 个", town), town
    assert not list(tmp_path.iterdir())
