"""示例: 雅吕村十大民生实事 — ``examples/yalv_livelihood_projects.py`` takes the ten
projects through 五议两公开: the members' meeting refused without quorum and held again,
the resolution and the result published with their periods, the result refused before the
implementation; every figure is seeded, so a change in them is a change in the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_examples import EXAMPLES, run_example

pytestmark = pytest.mark.e2e


def test_the_yalv_example_takes_the_ten_projects_through_every_step(tmp_path: Path) -> None:
    result = run_example(EXAMPLES / "yalv_livelihood_projects.py", tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "「2018年十大民生实事」已立项(群众建议, 共 10 项)" in out
    assert "征集群众建议 136 条" in out
    assert "村两委联席会议(党支部提议、两委会议商议): 应到 7 人, 实到 7 人 (100%)" in out
    assert "拒绝: 党员大会应到 52 人, 实到 33 人, 未达到三分之二以上, 不能表决 (规则 quorum)" in out
    assert (
        "党员大会(党员大会审议): 应到 52 人, 实到 41 人 (78%); 赞成 39, 反对 1, 弃权 1 — 通过"
        in out
    )
    assert "村民代表会议(村民代表会议或村民会议决议): 应到 37 人, 实到 33 人 (89%)" in out
    assert "决议公开: 2018-01-23 至 2018-01-29 (5 个工作日)" in out
    assert "拒绝: 实施结果须在实施完成并记录之后公开 (规则 implemented_first)" in out
    assert "实施结果公开: 2018-12-21 至 2018-12-29 (7 个工作日)" in out
    assert "2018年十大民生实事实施结果公开: 2018年12月21日至2018年12月29日（7个工作日）" in out
    assert "13905791234" not in out
    assert "吕大伯" not in out
    assert not list(tmp_path.iterdir()), "the printed notices are left behind"
