"""示例: 城西新区职责 — ``examples/chengxi_duties.py``: six road chiefs every three days with
one gap flagged, seven red workshops visited monthly, a problem turned into a task, and the
农机小镇 regional committee assigning work to its ten villages (seed 004)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_examples import EXAMPLES, run_example

pytestmark = pytest.mark.e2e


def test_the_chengxi_duties_example_flags_one_gap_and_cascades_to_ten_villages(
    tmp_path: Path,
) -> None:
    result = run_example(EXAMPLES / "chengxi_duties.py", tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "已转为任务 T-xz-0409「清理西周路违规堆放建材」 (后续命令发布任务 1 项)" in out
    assert "西周路 路长 chen-tianyun: 巡查 30 次, 无缺口" in out
    assert "李店路 路长 li-hua: 巡查 27 次, 2021-05-12—2021-05-20 (9 天)" in out
    assert out.count("无缺口") == 5
    assert "红色车间 7 个, 党建指导员每月指导: 指导 21 次, 按月履职 7 个" in out
    assert "分解给 10 个成员村, 各 5 处, 均已承接" in out


def test_the_chengxi_duties_example_prints_the_coverage_of_98_enterprises_by_date(
    tmp_path: Path,
) -> None:
    result = run_example(EXAMPLES / "chengxi_duties.py", tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "红色全覆盖: 规上企业 98 家" in out
    assert "2021-03-31: 已建立党组织 43 家, 覆盖率 43.9%" in out
    assert "2021-07-08: 已建立党组织 79 家, 覆盖率 80.6%" in out
    assert "2021-07-09: 已建立党组织 80 家, 覆盖率 81.6%" in out
