"""命令行: 中心工作 — ``work …`` on a SQLite file: 象珠镇党委 issues 人居环境整治 (1000 户),
the general branch accepts 600 and splits it to 清渭街村 and 官川村, 清渭街村 links a task
and reports; the report shows per unit done, in progress and overdue (seed 001)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

AT = "--at 2021-01-04T09:00"


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """象珠镇党委 (汪书记) → 第一党总支 (赵总支) → 清渭街村 (陆书记), 官川村 (胡泰来); the
    item W1 cascaded down and accepted everywhere."""
    v = Village(tmp_path / "xiangzhu.db")
    v.ok(f"unit found xiangzhu --name 象珠镇党委 --kind 党委 --as yongkang {AT}")
    v.ok(f"unit found zongzhi --name 第一党总支 --kind 党总支 --parent xiangzhu --as yongkang {AT}")
    for uid, name in (("qingweijie", "清渭街村党支部"), ("guanchuan", "官川村党支部")):
        v.ok(f"unit found {uid} --name {name} --parent zongzhi --as yongkang {AT}")
    people = {
        "wang": ("xiangzhu", "汪书记"),
        "zhao": ("zongzhi", "赵总支"),
        "lu": ("qingweijie", "陆书记"),
        "hu": ("guanchuan", "胡泰来"),
    }
    for pid, (unit, name) in people.items():
        v.ok(
            f"person register {pid} --branch {unit} --name {name} --status full "
            f"--since 1991-07-01 --as yongkang {AT}"
        )
        v.ok(f"unit appoint {unit} {pid} --role 书记 --as yongkang {AT}")
    v.ok(
        "work issue W1 --unit xiangzhu --title 人居环境整治 --measure 户 --target 1000 "
        f"--deadline 2021-06-30 --as wang {AT}"
    )
    v.ok(f"work assign W1 zongzhi --target 600 --as wang {AT}")
    v.ok(f"work accept W1 zongzhi --as zhao {AT}")
    v.ok(f"work assign W1.zongzhi qingweijie --target 400 --as zhao {AT}")
    v.ok(f"work assign W1.zongzhi guanchuan --target 200 --as zhao {AT}")
    v.ok(f"work accept W1.zongzhi qingweijie --as lu {AT}")
    v.ok(f"work accept W1.zongzhi guanchuan --as hu {AT}")
    return v


def test_accepting_a_share_names_the_units_own_item(tmp_path: Path, town: Village) -> None:
    out = town.ok("work list qingweijie")

    assert "W1.zongzhi.qingweijie" in out
    assert "qingweijie 的中心工作 1 项" in out


def test_the_report_rolls_progress_up_with_each_units_status(town: Village) -> None:
    town.ok("work report-progress W1.zongzhi.guanchuan --done 200 --as hu --at 2021-03-01")
    town.ok("work report-progress W1.zongzhi.qingweijie --done 150 --as lu --at 2021-03-01")

    document = json.loads(town.ok("--json work report W1 --at 2021-04-01"))
    out = town.ok("work report W1 --at 2021-07-01")

    top = document["report"]
    assert (1000, 350, "in_progress") == (top["target"], top["done"], top["status"])
    [zongzhi] = top["children"]
    assert [("guanchuan", 200, "done"), ("qingweijie", 150, "in_progress")] == [
        (c["unit_id"], c["done"], c["status"]) for c in zongzhi["children"]
    ]
    assert {"done": 1, "in_progress": 2, "overdue": 0, "cancelled": 0} == document["tally"]
    assert "完成 350/1000户, 已逾期; 下级 已完成 1、进行中 0、已逾期 2、已取消 0" in out


def test_approved_completions_of_a_linked_task_count_toward_the_branch(town: Village) -> None:
    town.ok(
        "task issue --id T1 --branch qingweijie --title 拆除违建 --category 人居环境整治 "
        "--points 5 --slots 3 --deadline 2021-05-01 --audience 党员 --source upper "
        f"--reference W1 --as lu {AT}"
    )
    town.ok(f"work link-tasks W1.zongzhi.qingweijie T1 --per-completion 10 --as lu {AT}")
    town.ok(
        "person register chen --branch qingweijie --name 陈天云 --status full "
        f"--since 2001-07-01 --as lu {AT}"
    )
    town.ok("task claim T1 --as chen --at 2021-01-05")
    town.ok("task submit T1 --note 已拆除 --as chen --at 2021-01-06")
    town.ok("task approve T1 chen --as lu --at 2021-01-07")

    document = json.loads(town.ok("--json work report W1.zongzhi.qingweijie --at 2021-02-01"))

    assert (10, 10) == (document["report"]["own"], document["report"]["done"])


def test_a_share_beyond_the_target_is_refused_in_one_line(town: Village) -> None:
    result = town(f"work assign W1 zongzhi --target 700 --as wang {AT}")

    assert 5 == result.exit_code
    assert "已分解给 zongzhi" in result.output
    assert 1 == len(result.output.strip().splitlines())


def test_show_lists_the_shares_and_reports(town: Village) -> None:
    town.ok(
        "work report-progress W1.zongzhi --done 5 --note 总支直接完成 --as zhao --at 2021-02-01"
    )

    out = town.ok("work show W1.zongzhi")

    assert "承接自 W1" in out
    assert "W1.zongzhi.guanchuan" in out
    assert "总支直接完成" in out


def test_a_revised_share_bounds_the_split_below_and_shows_in_the_report(town: Village) -> None:
    out = town.ok(
        "work revise W1 zongzhi --target 650 --reason 追加官川村新村 --as wang --at 2021-02-01"
    )
    again = town.ok("work revise W1 zongzhi --target 650 --reason 重复 --as wang --at 2021-02-02")
    raised = town.ok(
        "work revise W1.zongzhi guanchuan --target 250 --reason 追加 --as zhao --at 2021-02-03"
    )
    refused = town("work revise W1 zongzhi --target 599 --reason 调减 --as wang --at 2021-02-04")

    assert "已将工作 W1 分给 zongzhi 的份额改为 650" in out
    assert "追加官川村新村" in out
    assert "无变化" in again
    assert "份额改为 250" in raised
    assert (5, 1) == (refused.exit_code, len(refused.output.strip().splitlines()))
    assert "已将 W1.zongzhi 分解出 650户" in refused.output
    document = json.loads(town.ok("--json work report W1 --at 2021-02-05"))
    [zongzhi] = document["report"]["children"]
    assert (650, [250, 400]) == (zongzhi["target"], [c["target"] for c in zongzhi["children"]])
    assert "份额修改" in town.ok("work show W1")


def test_a_cancelled_item_and_all_below_it_show_as_cancelled(town: Village) -> None:
    town.ok("work report-progress W1.zongzhi.guanchuan --done 200 --as hu --at 2021-03-01")

    out = town.ok(
        "work cancel W1.zongzhi.qingweijie --reason 并入镇级统一整治 --as lu --at 2021-03-02"
    )
    again = town.ok("work cancel W1.zongzhi.qingweijie --reason 再次 --as lu --at 2021-03-03")
    refused = town("work report-progress W1.zongzhi.qingweijie --done 5 --as lu --at 2021-03-04")
    document = json.loads(town.ok("--json work report W1 --at 2021-07-01"))
    text = town.ok("work report W1 --at 2021-07-01")

    assert "已取消工作 W1.zongzhi.qingweijie (连同其下各级): 并入镇级统一整治" in out
    assert "无变化" in again
    assert 5 == refused.exit_code
    assert "已取消" in refused.output
    assert {"done": 1, "in_progress": 0, "overdue": 1, "cancelled": 1} == document["tally"]
    [zongzhi] = document["report"]["children"]
    assert [("guanchuan", "done"), ("qingweijie", "cancelled")] == [
        (c["unit_id"], c["status"]) for c in zongzhi["children"]
    ]
    assert "已取消" in text


def test_a_cancellation_needs_a_reason_and_the_items_own_leaders(town: Village) -> None:
    missing = town("work cancel W1 --as wang --at 2021-03-02")
    outsider = town("work cancel W1.zongzhi --reason 不做了 --as wang --at 2021-03-02")

    assert 2 == missing.exit_code
    assert 3 == outsider.exit_code
