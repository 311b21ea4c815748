"""示例: 大泽镇述职擂台赛 — ``examples/daze_contest.py`` runs the 15 secretaries' contest
from entry to the published ranking, with every mark seeded, so a change in the figures is
a change in the rules (aggregation, rounding, ranking) or in what the story records."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_examples import EXAMPLES, first_ranked, run_example

pytestmark = pytest.mark.e2e


def test_the_daze_contest_example_scores_seals_corrects_and_publishes(tmp_path: Path) -> None:
    result = run_example(EXAMPLES / "daze_contest.py", tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "大泽镇 15 名村(社区)党组织书记上台述职, 评委 7 名 (现场述职 + 网络直播)" in out
    assert "亮分前: 大泽社区 已收评分表 7 份, 可见分数 0 项(密封)" in out
    assert "亮分后: 大泽社区 可见分数 28 项" in out
    assert "评委 daze-judge-6 不能给本单位 tonghe 的参赛者评分(评委回避)" in out
    assert "提交后不可更改(须以更正记录并说明理由)" in out
    assert "更正对 liyuan 的评分 (亮分前密封); 理由: 陈述内容与语言表达两项分数填反" in out
    assert "陈溢利 (区委组织部四级调研员) 点评" in out
    assert "结果公示 2022-01-13 至 2022-01-19 (5 个工作日)" in out
    assert "北洋村党支部" in first_ranked(out)
    assert "93.60" in first_ranked(out)
    assert "实地考察 95.39; 总分 = 现场 91.80 × 50% + 实地考察 95.39 × 50% = 93.60" in out
    assert "(最高分, 去掉)" in out
    assert "(最低分, 去掉)" in out
    assert "公示名次与现场亮分重新计算的结果一致" in out
    assert "公示榜已导出 XLSX (排名、评分明细、点评) 和 A4 打印页" in out
    assert not list(tmp_path.iterdir()), "the exported board is left behind"
