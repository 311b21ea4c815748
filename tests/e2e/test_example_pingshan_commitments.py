"""示例: 平山镇公开承诺 — ``examples/pingshan_commitments.py`` tells 司山党小组's year and
reaches the town's published scale (1,200-odd members, 60-odd collective pledges, 12
villages), with every figure seeded, so a change in them is a change in the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_examples import EXAMPLES, run_example

pytestmark = pytest.mark.e2e


def test_the_pingshan_commitments_example_tells_the_year_and_the_towns_counts(
    tmp_path: Path,
) -> None:
    result = run_example(EXAMPLES / "pingshan_commitments.py", tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "司山党小组 15 名党员亮身份、作承诺; 集体承诺: 修路、换路灯、绿化" in out
    assert "已退回 dawa 2017 年度 cheng-bingkui 第 2 项 (目标不可衡量)" in out
    assert "已审核通过 dawa 2017 年度 cheng-bingkui 第 2 项" in out
    assert "已逾期: 司山党小组第 3 项「绿化」(时限 2017-05-31, 尚未报告完成)" in out
    assert "已隐藏 1 条" in out
    assert "13905561234" not in out
    assert "与记录一致" in out
    assert "平山镇党委 2017 年度创星榜" in out
    assert "亮诺榜已导出 XLSX: 汇总、党员承诺、集体承诺、群众意见" in out
    assert (
        "平山镇 2017 年度: 12 个村(社区)公示承诺, 1214 名党员作出承诺, "
        "个人承诺事项 1224 项, 集体承诺事项 69 项"
    ) in out
    assert not list(tmp_path.iterdir()), "the exported board is left behind"
