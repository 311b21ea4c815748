"""命令行拒绝 — every refused command exits non-zero with one line and writes nothing."""

from __future__ import annotations

import pytest

from adapters.cli.main import cli
from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.support import LANZHI, MEMBER, ORGANIZER, REVIEWER, SECRETARY, VOLUNTEER, XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["village"]

AFTER_DEADLINE = "2021-10-16T09:00"
ADJUST = f"points adjust {LANZHI} --branch {BRANCH} --delta 3 --reason 表现突出 --as {ORGANIZER}"
ISSUE_ZERO = (
    f"task issue --id T9 --branch {BRANCH} --title 巡查 --category 巡查 --points 0 --slots 1 "
    f"--deadline 2021-11-01 --audience members --as {ORGANIZER} --at {AT}"
)
REGISTER_BOSS = f"person register p9 --branch {BRANCH} --name 某某 --status boss --as {SECRETARY}"
REDUCED = f"task approve T1 {LANZHI} --points 2 --as {REVIEWER} --at {AT}"
REUSED_ID = f"task claim T2 --as {XINGCAN} --at {AT} --command-id c-1"

#: what is refused: (command line, exit code, a fragment of the one-line reason)
REFUSALS = {
    "no slots left": (f"task claim T1 --as {XINGCAN} --at {AT}", 5, "名额已满"),
    "outside the audience": (f"task claim T1 --as {MEMBER} --at {AT}", 5, "不在此任务的领办范围"),
    "after the deadline": (f"task claim T2 --as {XINGCAN} --at {AFTER_DEADLINE}", 5, "截止"),
    "reviewing oneself": (f"task approve T1 {LANZHI} --as {LANZHI} --at {AT}", 3, "不能审核本人"),
    "approving without a role": (f"task approve T1 {LANZHI} --as {XINGCAN}", 3, "无权审核"),
    "adjusting as organizer": (ADJUST, 3, "无权调整积分"),
    "an unknown task": (f"task claim T404 --as {LANZHI} --at {AT}", 4, "任务 T404 不存在"),
    "an unknown branch": ("wall nowhere", 4, "组织 nowhere 不存在"),
    "an unknown person": ("balance nobody", 4, "nobody 不存在"),
    "a malformed id": (f"task claim 'T 1' --as {LANZHI} --at {AT}", 2, "格式不对"),
    "points out of range": (ISSUE_ZERO, 2, "参数无效"),
    "a reduced award without reason": (REDUCED, 2, "须说明理由"),
    "no actor": (f"task claim T1 --at {AT}", 2, "--as"),
    "a malformed time": (f"task claim T1 --as {XINGCAN} --at yesterday", 2, "时间格式不对"),
    "an unknown status": (REGISTER_BOSS, 2, "可选值"),
    "a reused command id": (REUSED_ID, 2, "命令编号 c-1 已用于另一条命令"),
    "a malformed trail subject": ("trail T1", 2, "branch:编号"),
    "an unknown command": ("nosuch", 2, "没有这个命令"),
    "an unknown root option": (f"--bogus wall {BRANCH}", 2, "没有这个选项"),
    "a missing store": ("--store /nonexistent/x.db wall paixilv", 6, "存储文件不存在"),
}


@pytest.fixture
def busy_village(village: Village) -> Village:
    """T1 (1 slot) claimed and submitted by 吕兰枝; T2 open until 15 October."""
    village.issue("T1", slots=1)
    village.issue("T2")
    village.ok(f"task claim T1 --as {LANZHI} --at {AT} --command-id c-1")
    village.ok(f"task submit T1 --note 已完成 --as {LANZHI} --at {AT}")
    village.ok(f"task claim T2 --as {VOLUNTEER} --at {AT}")
    return village


@pytest.mark.parametrize(
    ("line", "exit_code", "reason"),
    [pytest.param(*refusal, id=what) for what, refusal in REFUSALS.items()],
)
def test_a_refused_command_says_why_in_one_line_and_writes_nothing(
    busy_village: Village, line: str, exit_code: int, reason: str
) -> None:
    before = busy_village.events()

    result = busy_village(line)

    assert result.exit_code == exit_code
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误: ")
    assert reason in lines[0]
    assert " / " in lines[0]
    assert busy_village.events() == before


def test_a_time_outside_the_years_the_library_keeps_is_refused_before_anything_runs(
    village: Village,
) -> None:
    before = village.events()

    issued = village(
        f"task issue --branch {BRANCH} --title 巡查 --category 巡查 --points 1 --slots 1 "
        f"--deadline 2021-11-01 --audience members --as {ORGANIZER} --at 9999-12-31T23:59-12:00"
    )
    dated = village(f"person show {LANZHI} --on 0001-01-01")

    assert (2, 2) == (issued.exit_code, dated.exit_code)
    assert "年份须在1900–2999之间" in issued.output
    assert before == village.events()


def test_a_refused_id_with_control_characters_is_shown_escaped(village: Village) -> None:
    refused = village.runner.invoke(cli, ["--store", str(village.store), "balance", "p\x1b[31m"])

    assert 4 == refused.exit_code
    assert "\x1b" not in refused.output
    assert "\\x1b[31m" in refused.output
