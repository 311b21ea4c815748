"""命令行: 公平领办 — ``task issue --draw-minutes``, claims entered in the window, ``task
draw`` seeded by the log's head, ``audit draw`` recomputing it, the waitlist's place in
the claim's answer, and ``task close`` recording a no-show."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_cli_story import BRANCH, Village, village  # noqa: F401
from tests.support import LANZHI, ORGANIZER, VOLUNTEER, XINGCAN

pytestmark = pytest.mark.e2e

ISSUE = (
    f"task issue --branch {BRANCH} --title 村口环境卫生整治 --category 环境卫生整治 "
    f"--deadline 2021-10-15T18:00 --audience activists --audience 志愿者 --as {ORGANIZER} "
    "--at 2021-10-08T09:00 --id T1 --slots 1 --points 5"
)


def test_a_draw_window_is_drawn_from_the_logs_head_and_the_inspector_agrees(
    village: Village,  # noqa: F811
) -> None:
    assert "抽签窗口至" in village.ok(f"{ISSUE} --draw-minutes 30")
    for n, person in enumerate((LANZHI, XINGCAN, VOLUNTEER), 1):
        said = village.ok(f"task claim T1 --as {person} --at 2021-10-08T09:0{n}")
        assert "已报名任务 T1 的抽签" in said

    drawn = village.ok(f"task draw T1 --as {ORGANIZER}")

    assert "抽签窗口已关闭" in drawn
    assert "3 人报名, 1 人中签, 2 人候补" in drawn
    checked = village.ok("audit draw T1")
    assert "抽签结果与日志相符" in checked
    answer = json.loads(village.ok("--json audit draw T1"))
    assert answer["matches"]
    assert 2 == len(answer["waitlist"])
    assert 0 != village(f"task draw T1 --as {ORGANIZER}").exit_code  # held once


def test_a_full_task_with_a_waitlist_tells_the_claimer_their_place(
    village: Village,  # noqa: F811
) -> None:
    village.ok(f"{ISSUE} --waitlist")
    village.ok(f"task claim T1 --as {LANZHI} --at 2021-10-08T10:00")

    said = village.ok(f"task claim T1 --as {XINGCAN} --at 2021-10-08T10:05")

    assert "已候补第 1 位" in said
    said = village.ok(f"task withdraw T1 --as {LANZHI} --at 2021-10-08T11:00")
    assert f"{XINGCAN} 已由候补递补领办任务 T1" in said


def test_closing_a_task_after_its_deadline_records_the_no_shows(
    village: Village,  # noqa: F811
) -> None:
    village.ok(ISSUE)
    village.ok(f"task claim T1 --as {LANZHI} --at 2021-10-08T10:00")

    said = village.ok(f"task close T1 --as {ORGANIZER} --at 2021-10-16T09:00")

    assert f"未履约: {LANZHI}" in said
