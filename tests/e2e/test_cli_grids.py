"""命令行: 网格 — ``grid …`` on a SQLite file: 清渭街村 lays out a grid, staffs a small
block, links households (1+6+N) and aims a task at the block (seed 001)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

AT = "--at 2021-01-04T09:00"
#: 汪书记 (secretary), 吕老伯 (born 1940, over seventy), 陈天云 and 周红 (members).
PEOPLE = {"wang": ("汪书记", 1962), "lv": ("吕老伯", 1940), "chen": ("陈天云", 1975)}


@pytest.fixture
def village(tmp_path: Path) -> Village:
    """清渭街村 with a large block d1 holding a small block x1; 陈天云 is x1's party member."""
    v = Village(tmp_path / "qingweijie.db")
    v.ok(f"branch found qwj --name 清渭街村党支部 --as xiangzhu {AT}")
    for pid, (name, born) in {**PEOPLE, "zhou": ("周红", 1980)}.items():
        v.ok(
            f"person register {pid} --branch qwj --name {name} --status full "
            f"--since 1999-07-01 --birth-year {born} --as xiangzhu {AT}"
        )
    v.ok(f"branch appoint qwj wang --role secretary --as xiangzhu {AT}")
    v.ok(f"grid block d1 --branch qwj --name 第一大网格 --size 大网格 --as wang {AT}")
    v.ok(f"grid block x1 --branch qwj --name 第一小网格 --in d1 --as wang {AT}")
    v.ok(f"grid assign x1 党员 chen --as wang {AT}")
    for n in range(1, 8):
        low = " --low-income" if n == 1 else ""
        v.ok(f"grid household x1 h{n} --head 户主{n}{low} --as wang {AT}")
    return v


def test_the_grid_shows_blocks_posts_and_households(village: Village) -> None:
    out = village.ok("grid show qwj")

    assert "大网格 1 个, 小网格 1 个" in out
    assert "党员 chen" in out
    assert "7 (低收入 1)" in out
    document = json.loads(village.ok("--json grid show qwj"))
    assert ["d1", "x1"] == [b["block_id"] for b in document["blocks"]]


def test_the_links_report_lists_members_below_six_not_over_seventy(village: Village) -> None:
    for n in range(1, 7):
        village.ok(f"grid link x1 h{n} chen --as wang {AT}")
    village.ok(f"grid exempt x1 zhou --reason 患病 --as wang {AT}")

    document = json.loads(village.ok("--json grid links qwj --year 2021"))

    assert ["wang"] == [s["person_id"] for s in document["short"]]
    assert "联户不足 6 户的党员 1 名" in village.ok("grid links qwj --year 2021")


def test_only_the_branch_leaders_lay_out_the_grid_refused_in_one_line(village: Village) -> None:
    result = village(f"grid block d2 --branch qwj --name 第二大网格 --size large --as chen {AT}")

    assert 0 != result.exit_code
    assert 1 == len(result.output.strip().splitlines())
    assert "chen" in result.output


def test_a_grid_task_is_claimed_only_by_people_of_its_block(village: Village) -> None:
    village.ok(
        "task issue --id T1 --branch qwj --title 网格巡查 --category 网格巡查 --points 2 "
        f"--slots 3 --deadline 2021-02-01T18:00 --audience members --grid-block x1 --as wang {AT}"
    )

    assert "已领办任务 T1" in village.ok(f"task claim T1 --as chen {AT}")
    refused = village(f"task claim T1 --as zhou {AT}")
    assert 0 != refused.exit_code
    assert "x1" in refused.output
    assert "限网格" in village.ok("task show T1")


def test_pairs_without_a_visit_in_the_period_are_reported(village: Village) -> None:
    village.ok(f"grid pair x1 h1 chen --as wang {AT}")
    village.ok(f"grid visit x1 h1 --on 2021-01-02 --note 送米面油 --as chen {AT}")

    recent = json.loads(village.ok("--json grid pairs qwj --days 30 --on 2021-01-20"))
    later = village.ok("grid pairs qwj --days 30 --on 2021-03-01")

    assert [] == recent["stale"]
    assert "未走访的结对 1 对" in later
    assert "2021-01-02" in later
    refused = village(f"grid visit x1 h1 --note 代记 --as zhou {AT}")
    assert 0 != refused.exit_code


def test_a_gap_on_a_day_is_flagged_even_when_a_later_visit_exists(village: Village) -> None:
    # Given a pair visited on 2021-04-01 and next on 2021-04-12
    village.ok(f"grid pair x1 h1 chen --as wang {AT}")
    for day in ("2021-04-01", "2021-04-12"):
        village.ok(f"grid visit x1 h1 --on {day} --note 走访 --as chen --at {day}T18:00")

    # When the pairs are asked about as of 04-10, for the last 7 days
    document = json.loads(village.ok("--json grid pairs qwj --days 7 --on 2021-04-10"))

    # Then the gap is flagged, the last visit by then being 04-01
    assert ["2021-04-01"] == [s["last_visit"] for s in document["stale"]]
