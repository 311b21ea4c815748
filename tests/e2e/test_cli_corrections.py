"""命令行更正 — withdrawing, rejecting, cancelling, revoking and adjusting are new records."""

from __future__ import annotations

import re

import pytest

from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.support import LANZHI, ORGANIZER, REVIEWER, SECRETARY, VOLUNTEER, XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["village"]


def _submit(village: Village, person: str, at: str = AT) -> None:
    village.ok(f"task submit T1 --note 完成 --photo p1.jpg --as {person} --at {at}")


def test_withdrawing_frees_the_slot_for_the_next_claimant(village: Village) -> None:
    village.issue("T1", slots=1)
    village.ok(f"task claim T1 --as {LANZHI} --at {AT}")

    withdrawn = village.ok(f"task withdraw T1 --as {LANZHI} --at {AT}")
    claimed = village.ok(f"task claim T1 --as {XINGCAN} --at {AT}")

    assert withdrawn.strip() == "已撤回对任务 T1 的领办 (名额 0/1)"
    assert claimed.strip() == "已领办任务 T1 (名额 1/1)"


def test_a_rejected_completion_may_be_submitted_once_more(village: Village) -> None:
    village.issue("T1")
    village.ok(f"task claim T1 --as {LANZHI} --at {AT}")
    _submit(village, LANZHI)

    rejected = village.ok(f"task reject T1 {LANZHI} --reason 照片看不清 --as {REVIEWER} --at {AT}")
    _submit(village, LANZHI, "2021-10-09")
    shown = village.ok("task show T1")

    assert "可再提交一次" in rejected
    assert re.search(r"吕兰枝 │ 待审核 │ +2 │", shown)


def test_cancelling_a_task_releases_open_claims(village: Village) -> None:
    village.issue("T1")
    village.ok(f"task claim T1 --as {LANZHI} --at {AT}")
    village.ok(f"task claim T1 --as {VOLUNTEER} --at {AT}")

    cancelled = village.ok(f"task cancel T1 --reason 上级通知暂停 --as {ORGANIZER} --at {AT}")
    listed = village.ok(f"task list --branch {BRANCH}")

    assert "释放 2 份领办" in cancelled
    assert re.search(r"T1 .* 0/3 .* 已取消", listed)


def test_revoked_and_adjusted_points_show_as_lines_of_the_balance(village: Village) -> None:
    village.issue("T1")
    for person in (LANZHI, XINGCAN):
        village.ok(f"task claim T1 --as {person} --at {AT}")
        _submit(village, person)
        village.ok(f"task approve T1 {person} --as {REVIEWER} --at {AT}")

    village.ok(f"points revoke T1 {XINGCAN} --reason 督查发现不实 --as {SECRETARY} --at {AT}")
    adjusted = village.ok(
        f"points adjust {LANZHI} --branch {BRANCH} --delta -2 --reason 无故缺席主题党日 "
        f"--as {SECRETARY} --at {AT}"
    )
    balance = village.ok(f"balance {XINGCAN}")
    wall = village.ok(f"wall {BRANCH} --cycle 2021-10 --status activist")

    assert re.search(r"已为 lv-lanzhi 扣 2 分 \(加减分, 调整编号 A[0-9a-f]{6}", adjusted)
    assert re.search(r"撤销积分 │ 环境卫生整治 │ +-5 │ T1 +│ 督查发现不实", balance)
    assert "合计 0 分 = 各行之和" in balance
    assert re.search(r"1 │ 吕兰枝 .* 3 │", wall)


def test_roles_end_and_party_status_changes_show_on_the_branch(village: Village) -> None:
    ended = village.ok(
        f"branch end-role {BRANCH} {REVIEWER} --role 审核员 --reason 换届 --as {SECRETARY} --at {AT}"
    )
    changed = village.ok(
        f"person status {LANZHI} --status 发展对象 --since 2021-10-08 --reason 支部大会讨论通过 "
        f"--as {SECRETARY} --at {AT}"
    )
    shown = village.ok(f"branch show {BRANCH}")

    assert "已免去 hu-wy 的审核员职务: 换届" in ended
    assert "已变更 lv-lanzhi 的政治面貌为发展对象" in changed
    assert re.search(r"hu-wy +│ 审核员 +│ 2021-10-07 09:00 │ 2021-10-08 09:00", shown)
    assert re.search(r"lv-lanzhi +│ 吕兰枝 │ 发展对象", shown)
