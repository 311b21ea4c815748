"""示例: 城西新区攻坚 — ``examples/chengxi_campaign.py`` tells 33 problems in six months
(25 started), the task forces, milestones with measured results, the dashboard, one young
cadre's growth record, and 象珠镇's three battles with the seed's figures; every figure
seeded, so a change in them is a change in the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_examples import EXAMPLES, run_example

pytestmark = pytest.mark.e2e


def test_the_chengxi_campaign_example_tells_the_dashboard_and_a_growth_record(
    tmp_path: Path,
) -> None:
    result = run_example(EXAMPLES / "chengxi_campaign.py", tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "33 个重难点问题, 6 个战场" in out
    assert "拒绝: 报告 66幢 超出目标 64幢,须登记为超额完成" in out
    assert "第 1 个节点累计 66 (超额完成)" in out
    assert "攻坚看板 (2019-09-30): 共 33 项, 已启动 25 项, 已逾期 13 项" in out
    assert "│ 合计           │      8 │       11 │     13 │      1 │   33 │" in out
    assert "木长降村农房改造关联工作合计: 完成 2 / 目标 10" in out
    assert "中心工作「330国道木长降村段移坟」52/86); 已完成" in out
    assert (
        "胡东升 红色成长档案: 攻坚党小组 2 个 (木长降村农房改造(联村干部)、"
        "330国道木长降村段移坟(突击队年轻干部)), 报告进展 7 次, 使 3 个节点达标, "
        "所在攻坚点完成 1 个"
    ) in out
    assert "330国道木长降村段移坟·土地清表 12.375公顷 佐证: 清表验收单 (达标)" in out
    assert "已导出可打印的攻坚看板和红色成长档案: 是" in out
    assert "象珠镇三场硬仗: 3 场, 每场 4 个战场, 共 12 个: 7 个已完成, 5 个按期推进" in out
    assert (
        "S316省道: 土地清表及耕作层剥离 30.3208公顷、坟墓迁移 231穴、农房拆迁协议签订 27幢"
    ) in out
    assert "后渠自然村: 批基公示 35户" in out
    assert not list(tmp_path.iterdir()), "the exported pages are left behind"
