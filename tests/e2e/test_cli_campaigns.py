"""命令行: 攻坚 — ``campaigns …`` on a SQLite file: a campaign, a front and a problem, its
task force led from the leadership team with members from two units, a milestone in
decimals, progress with evidence (over-fulfilment only as such), the dashboard with an
overdue problem flagged, a linked task, and the printable growth record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

SETUP = "--as yongkang --at 2019-07-01T09:00"
C = "gongjian-2019"
P = f"{C} p01"


@pytest.fixture
def district(tmp_path: Path) -> Village:
    """城西新区党委 and 木长降村党支部; 叶建永 the district's secretary, 朱敏 its
    discipline member, 胡东升 a young cadre, 谢军 木长降村's secretary; the campaign
    launched with one front and one problem, 朱敏's task force formed with 胡东升 and 谢军
    on it, started, and a milestone of 12.375 公顷 due 08-31."""
    v = Village(tmp_path / "chengxi.db")
    v.ok(f"unit found chengxi --name 城西新区党委 --kind 党委 {SETUP}")
    v.ok(f"unit found muchang --name 木长降村党支部 --parent chengxi {SETUP}")
    for pid, name, unit in (
        ("ye", "叶建永", "chengxi"),
        ("zhu", "朱敏", "chengxi"),
        ("hu", "胡东升", "chengxi"),
        ("xie", "谢军", "muchang"),
    ):
        v.ok(f"person register {pid} --branch {unit} --name {name} --status full {SETUP}")
    v.ok(f"unit appoint chengxi ye --role 书记 {SETUP}")
    v.ok(f"unit appoint chengxi zhu --role 纪检委员 {SETUP}")
    v.ok(f"unit appoint muchang xie --role 书记 {SETUP}")
    at = "--as ye --at 2019-07-02T09:00"
    v.ok(
        f"campaigns launch {C} chengxi --name 攻坚点、促提升 --starts 2019-07-01 --ends 2019-12-31 {at}"
    )
    v.ok(f"campaigns front {C} zhengqian --name 征迁与政策处理 {at}")
    v.ok(f"campaigns problem {P} --front zhengqian --title 330国道木长降村段移坟 {at}")
    v.ok(f"campaigns form {P} --leader zhu --since 2019-07-02 {at}")
    at = "--as zhu --at 2019-07-03T09:00"
    v.ok(f"campaigns join {P} hu --capacity 突击队年轻干部 --from chengxi --since 2019-07-03 {at}")
    v.ok(f"campaigns join {P} xie --capacity 两代表一委员 --from muchang --since 2019-07-03 {at}")
    v.ok(
        f"campaigns milestone {P} --no 1 --title 土地清表 --due 2019-08-31 --target 12.375 "
        f"--measure 公顷 {at}"
    )
    v.ok(f"campaigns start {P} --on 2019-07-03 {at}")
    return v


def test_a_member_reports_a_decimal_result_with_evidence_in_chinese(district: Village) -> None:
    said = district.ok(
        f"campaigns report {P} --no 1 --achieved 6.5 --on 2019-08-01 --evidence 清表验收单 "
        "--as hu --at 2019-08-01T17:00"
    )

    assert (
        "节点进展已报告: p01 第 1 个节点累计 6.5, 2019-08-01 由 hu 报告, 佐证: 清表验收单" in said
    )


def test_a_result_beyond_the_target_is_refused_until_recorded_as_over_fulfilment(
    district: Village,
) -> None:
    before = district.events()
    line = f"campaigns report {P} --no 1 --achieved 13 --on 2019-08-01 --evidence 验收单"

    refused = district(f"{line} --as hu --at 2019-08-01T17:00")
    assert refused.exit_code != 0
    assert "须登记为超额完成" in refused.output
    assert district.events() == before
    assert "(超额完成)" in district.ok(f"{line} --over --as hu --at 2019-08-01T17:00")


def test_someone_not_on_the_task_force_may_not_report(district: Village) -> None:
    result = district(
        f"campaigns report {P} --no 1 --achieved 1 --on 2019-08-01 --evidence x "
        "--as ye --at 2019-08-01T17:00"
    )

    assert result.exit_code != 0
    assert "不是攻坚点 p01 的攻坚党小组成员" in result.output


def test_the_dashboard_flags_the_overdue_problem_and_prints(
    district: Village, tmp_path: Path
) -> None:
    district.ok(
        f"campaigns report {P} --no 1 --achieved 6.5 --on 2019-08-01 --evidence 验收单 "
        "--as hu --at 2019-08-01T17:00"
    )
    page = tmp_path / "board.html"

    shown = district.ok(f"campaigns board {C} --on 2019-09-01 --html {page}")
    document = json.loads(district.ok(f"--json campaigns board {C} --on 2019-08-31"))

    assert "已逾期 1 项" in shown
    assert "6.5公顷/12.375公顷" in shown
    [front] = document["dashboard"]["fronts"]
    [problem] = front["problems"]
    assert ("on_track", "6.5") == (problem["standing"], problem["milestones"][0]["achieved"])
    html = page.read_text(encoding="utf-8")
    assert "攻坚看板" in html
    assert "朱敏" in html


def test_a_linked_task_rolls_up_into_the_problem(district: Village) -> None:
    district.ok(
        "task issue --id mcj-t1 --branch muchang --title 上门解读迁坟政策 --category 政策处理 "
        "--points 2 --slots 4 --deadline 2019-09-30 --audience members --as xie "
        "--at 2019-07-05T09:00"
    )
    district.ok(f"campaigns link {P} --kind 任务 mcj-t1 --as zhu --at 2019-07-06T09:00")

    document = json.loads(district.ok(f"--json campaigns detail {P} --on 2019-07-10"))

    assert (4, 0) == (document["linked"]["target"], document["linked"]["done"])
    assert ["胡东升", "谢军"] == [m["name"] for m in document["members"]]


def test_a_young_cadres_growth_record_is_printed(district: Village, tmp_path: Path) -> None:
    district.ok(
        f"campaigns report {P} --no 1 --achieved 12.375 --on 2019-08-20 --evidence 验收单 "
        "--as hu --at 2019-08-20T17:00"
    )
    page = tmp_path / "growth.html"

    shown = district.ok(f"campaigns growth hu --on 2019-09-01 --html {page}")

    assert "胡东升 红色成长档案: 攻坚党小组 1 次, 报告进展 1 次, 使 1 个节点达标" in shown
    html = page.read_text(encoding="utf-8")
    assert "红色成长档案" in html
    assert "12.375公顷" in html
