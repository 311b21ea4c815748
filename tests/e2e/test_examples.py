"""示例可运行 — every script in examples/ runs to the end and tells its story in Chinese."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PAIXILV = EXAMPLES / "paixilv_points_year.py"
CJK = re.compile(r"[\u4e00-\u9fff]")

#: What each known example must print; any other example must at least print Chinese.
EXPECTED = {
    "fair_claiming.py": [
        "24 人报名, 4 人中签, 20 人候补",
        "督查重算抽签: 一致",
        "已由候补递补领办任务 T1",
        "未履约: ",
    ],
    "use_as_library.py": [
        "名额已满",
        "重复的命令编号",
        "不能审核本人",
        "无变化",
        "【新任务】",
        "第1名 吕兰枝",
        "与明细一致",
        "读模型与现网一致",
    ],
    # The year is seeded: the same events, refusals (late claimers, 名额已满) and totals
    # each run; a change in them is a change in the rules or in what the story records.
    "paixilv_points_year.py": [
        "积分墙",
        "积分说明",
        "记录事件 633 条;被拒绝的操作 109 次",
        "合计 total = 105 分,明细之和 105 分 (一致)",
    ],
    # The web demo builds the year, opens five accounts and publishes today's three tasks.
    "paixilv_web.py": [
        "今日新发布任务 3 个",
        "演示账号(密码均为 paixilv-2021)",
        "胡文渊 · 联村干部",
    ],
    "pingshan_star_board.py": ["平山镇党委 2017 年度创星榜", "各星级数量"],
    "pingshan_structure.py": [
        "平山镇党委下辖 1 个党总支、37 个党支部、52 个网格党小组, 共有党员 1462 名"
    ],
}

pytestmark = pytest.mark.e2e


def run_example(script: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
    """Run one example as a user would, in a wide terminal, with its own scratch directory."""
    env = {
        **os.environ,
        "DANGJIAN_EXAMPLE_DIR": str(scratch),
        "COLUMNS": "200",  # so tables are not wrapped
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def first_ranked(output: str) -> str:
    """The table row whose first cell is rank 1, as printed."""
    for line in output.splitlines():
        cells = [cell.strip() for cell in re.split(r"[│┃|]", line)]
        cells = [cell for cell in cells if cell]
        if cells and cells[0] in ("1", "第1名"):
            return line
    raise AssertionError(f"no rank-1 row in the output:\n{output}")


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("*.py")), ids=lambda path: path.name)
def test_the_example_runs_to_the_end_and_prints_chinese(script: Path, tmp_path: Path) -> None:
    result = run_example(script, tmp_path)

    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout), result.stdout
    missing = [text for text in EXPECTED.get(script.name, []) if text not in result.stdout]
    assert not missing, result.stdout


def test_in_the_year_of_paixilv_lv_lanzhi_ranks_first(tmp_path: Path) -> None:
    if not PAIXILV.exists():
        pytest.skip("examples/paixilv_points_year.py is not written yet")

    result = run_example(PAIXILV, tmp_path)

    assert result.returncode == 0, result.stderr
    assert "吕兰枝" in first_ranked(result.stdout), result.stdout


def test_the_library_example_leaves_nothing_behind(tmp_path: Path) -> None:
    result = run_example(EXAMPLES / "use_as_library.py", tmp_path)

    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.iterdir())


def test_pingshan_star_board_reproduces_the_published_figures(tmp_path: Path) -> None:
    result = run_example(EXAMPLES / "pingshan_star_board.py", tmp_path)

    assert result.returncode == 0, result.stderr
    assert "五星党支部 2 个, 四星党支部 5 个" in result.stdout, result.stdout
    assert "五星级党员 63 名, 四星级党员 306 名, 二星级党员 5 名" in result.stdout, result.stdout
    counts = next(line for line in result.stdout.splitlines() if "三星" in line)
    assert [cell.strip() for cell in re.split(r"[│┃]", counts) if cell.strip()] == [
        "三星",
        "0",
        "0",
    ]


def test_the_web_demo_publishes_todays_tasks_once(tmp_path: Path) -> None:
    first = run_example(EXAMPLES / "paixilv_web.py", tmp_path)
    again = run_example(EXAMPLES / "paixilv_web.py", tmp_path)

    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert "今日新发布任务 3 个" in first.stdout
    assert "今日新发布任务 0 个" in again.stdout
    assert "记录事件" not in again.stdout  # the year is built once, not replayed again
