"""命令行: 评星与创星榜 — ``stars …`` on a SQLite file, and the board's XLSX export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

AT = "--at 2018-01-02T09:00"
BOARD = "pingshan --year 2017"


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """平山镇党委 under 怀宁县委 with the 大洼社区 branch; 汪金生 is the town's secretary,
    程军 and 胡汪节 are members; the county has set both standards for 2017."""
    v = Village(tmp_path / "pingshan.db")
    v.ok(f"unit found pingshan --name 平山镇党委 --kind 党委 --as huaining {AT}")
    v.ok(f"unit found dawa --name 大洼社区党支部 --parent pingshan --as huaining {AT}")
    for pid, name, unit in (("wang", "汪金生", "pingshan"), ("cheng", "程军", "dawa")):
        v.ok(
            f"person register {pid} --branch {unit} --name {name} --status full --as huaining {AT}"
        )
    v.ok(f"person register hu --branch dawa --name 胡汪节 --status full --as huaining {AT}")
    v.ok(f"unit appoint pingshan wang --role 党委书记 --as huaining {AT}")
    v.ok(f"calendar import-official --year 2018 --unit pingshan --as wang {AT}")
    v.ok(
        "stars standards pingshan --year 2017 --kind 党员 --max-score 100 "
        f"--thresholds 60,70,80,90,96 --as huaining {AT}"
    )
    v.ok(
        "stars standards pingshan --year 2017 --kind 党支部 --max-score 110 "
        f"--thresholds 60,70,80,85,90 --innovation --as huaining {AT}"
    )
    return v


def rated(v: Village) -> Village:
    """程军 97 (five stars), 胡汪节 75 (two), 大洼社区 95 with a project (five); all fixed."""
    at = "--as wang --at 2018-01-03T09:00"
    v.ok(f"stars propose pingshan cheng --year 2017 --score 97 {at}")
    v.ok(f"stars propose pingshan hu --year 2017 --score 75 {at}")
    v.ok(f"stars propose pingshan dawa --year 2017 --kind 党支部 --score 95 --innovation {at}")
    for subject in ("cheng", "hu", "dawa --kind branch"):
        v.ok(f"stars fix pingshan {subject} --year 2017 --as wang --at 2018-01-11")
    return v


def test_only_the_upper_unit_sets_the_standard(town: Village) -> None:
    result = town(
        "stars standards pingshan --year 2017 --kind 党员 --max-score 100 "
        f"--thresholds 60,70,80,90,95 --as wang {AT}"
    )

    assert result.exit_code != 0
    assert "无权设定评星标准" in result.output


def test_fixing_during_the_posting_period_is_refused_with_the_date(town: Village) -> None:
    town.ok("stars propose pingshan cheng --year 2017 --score 97 --as wang --at 2018-01-03T09:00")
    before = town.events()

    result = town("stars fix pingshan cheng --year 2017 --as wang --at 2018-01-05")

    assert result.exit_code != 0
    assert "公示至 2018-01-10" in result.output
    assert town.events() == before


def test_the_board_lists_by_stars_with_counts_in_chinese_and_json(town: Village) -> None:
    v = rated(town)
    v.ok(
        "stars lower pingshan cheng --year 2017 --stars 4 --reason 迟交党费 --as wang --at 2018-02-01"
    )

    out = v.ok(f"stars board {BOARD}")
    document = json.loads(v.ok(f"--json stars board {BOARD}"))

    assert "平山镇党委 2017 年度创星榜" in out
    assert out.index("程军") < out.index("胡汪节")
    assert document["counts"]["member"] == {"5": 0, "4": 1, "3": 0, "2": 1, "1": 0, "0": 0}
    assert document["counts"]["branch"]["5"] == 1
    assert [m["name"] for m in document["members"]] == ["程军", "胡汪节"]
    assert {s["kind"] for s in document["standards"]} == {"member", "branch"}


def test_a_removed_rating_leaves_the_board(town: Village) -> None:
    v = rated(town)
    v.ok("stars remove pingshan hu --year 2017 --reason 材料不实 --as wang --at 2018-02-01")

    document = json.loads(v.ok(f"--json stars board {BOARD}"))

    assert [m["name"] for m in document["members"]] == ["程军"]


def test_the_board_exports_to_xlsx(town: Village, tmp_path: Path) -> None:
    path = tmp_path / "创星榜.xlsx"

    rated(town).ok(f"stars board {BOARD} --xlsx {path} --date 2018-01-12")

    workbook = load_workbook(path)
    summary, branches, members = workbook["汇总"], workbook["党支部"], workbook["党员"]
    assert summary["A1"].value == "平山镇党委 2017 年度创星榜"
    assert summary["A2"].value == "单位：平山镇党委　期间：2017年度　日期：2018年1月12日"
    assert [c.value for c in summary[3]] == ["星级", "党支部", "党员"]
    assert [c.value for c in summary[4]] == ["五星", 1, 1]
    assert [c.value for c in summary[7]] == ["二星", 0, 1]
    assert [c.value for c in summary[10]] == ["合计", 1, 2]
    assert [c.value for c in branches[4]] == ["五星", "大洼社区党支部", 95]
    assert [c.value for c in members[3]] == ["星级", "名称", "得分"]
    assert [c.value for c in members[5]] == ["二星", "胡汪节", 75]
    signature = [row[0].value for row in members.iter_rows() if row[0].value][-2:]
    assert signature == ["中共平山镇委员会", "2018年1月12日"]
