"""命令行: 职责 — ``duty …`` on a SQLite file: 城西新区 makes 陈天云 the road chief of 西周路
(三天至少一次), he patrols, one gap is flagged, and a problem found on patrol becomes a
task in one step (seed 004)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

AT = "--at 2021-04-01T09:00"


@pytest.fixture
def zone(tmp_path: Path) -> Village:
    """城西新区党委 (叶书记 its secretary) and 陈天云 on its roll; 西周路 his duty."""
    v = Village(tmp_path / "chengxi.db")
    v.ok(f"branch found cx --name 城西新区党委 --as yongkang {AT}")
    for pid, name in (("ye", "叶建永"), ("chen", "陈天云")):
        v.ok(
            f"person register {pid} --branch cx --name {name} --status full "
            f"--since 1999-07-01 --as yongkang {AT}"
        )
    v.ok(f"branch appoint cx ye --role secretary --as yongkang {AT}")
    v.ok(
        "duty assign xizhou --unit cx --kind 路长 --object 西周路 --details 长约400米,企业17家 "
        f"--holder chen --every 3 --cadence 天 --since 2021-04-01 --as ye {AT}"
    )
    return v


def test_patrols_every_three_days_and_one_gap_flagged(zone: Village) -> None:
    # Given patrols on 04-03, 04-06, 04-12 (none from 04-07 to 04-11)
    for day in ("2021-04-03", "2021-04-06", "2021-04-12"):
        out = zone.ok(
            f"duty patrol xizhou --on {day} --note 路面整洁 --evidence p.jpg --as chen --at {day}T18:00"
        )
        assert "巡查" in out

    # When the duties are listed as of 04-10
    document = json.loads(zone.ok("--json duty list cx --on 2021-04-10"))

    # Then the one gap, open on the 10th, is 04-09 to 04-10 (the 04-12 patrol not yet counted)
    [duty] = document["duties"]
    assert 2 == duty["record"]["patrols"]
    assert [("2021-04-09", "2021-04-10", True)] == [
        (g["first"], g["last"], g["open"]) for g in duty["record"]["gaps"]
    ]
    assert "有缺口 1 项" in zone.ok("duty list cx --on 2021-04-10")
    assert "缺口 1 个" in zone.ok("duty show xizhou --on 2021-04-14")


def test_a_problem_found_on_patrol_becomes_a_task_in_one_step(zone: Village) -> None:
    out = zone.ok(
        "duty problem xizhou P1 --on 2021-04-03 --description 路边违规堆放建材 --to 任务 "
        "--as-id T-xz-1 --title 清理西周路堆放 --deadline 2021-04-10T18:00 --points 2 "
        "--as ye --at 2021-04-03T19:00"
    )

    assert "已转为任务 T-xz-1" in out
    assert "清理西周路堆放" in zone.ok("task show T-xz-1")


def test_someone_else_cannot_log_the_chiefs_patrol(zone: Village) -> None:
    zone.ok(
        f"person register wu --branch cx --name 吴某 --status full --since 2000-07-01 --as yongkang {AT}"
    )

    refused = zone("duty patrol xizhou --on 2021-04-01 --as wu --at 2021-04-01T18:00")

    assert 0 != refused.exit_code
    assert "wu" in refused.output


def test_a_reported_problem_is_routed_to_a_work_item_and_the_duty_handed_over_and_ended(
    zone: Village,
) -> None:
    zone.ok(
        "duty problem xizhou P2 --on 2021-04-05 --description 绿化缺株 --as chen --at 2021-04-05T18:00"
    )

    routed = zone.ok(
        "duty route xizhou P2 --to 中心工作 --as-id W-xz-2 --title 西周路补植绿化 "
        "--deadline 2021-09-30T18:00 --measure 株 --target 40 --as ye --at 2021-04-06T09:00"
    )
    handed = zone.ok("duty hand-over xizhou ye --on 2021-05-01 --as ye --at 2021-05-01T09:00")
    ended = zone.ok(
        "duty end xizhou --on 2021-06-30 --reason 道路移交 --as ye --at 2021-06-30T09:00"
    )

    assert "已转为中心工作 W-xz-2「西周路补植绿化」" in routed
    assert "自 2021-05-01 起由 ye 负责" in handed
    assert "已于 2021-06-30 终止" in ended
    document = json.loads(zone.ok("--json duty show xizhou --on 2021-07-31"))
    assert "2021-06-30" == document["duty"]["ended"]
