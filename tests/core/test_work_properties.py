"""中心工作的不变量 — properties of the cascade, over generated splits and trees.

- However shares are assigned and revised (accepted or refused), the shares an item gives
  never add up to more than its target as it stands (an accepted item's: its share as
  revised above), and a refusal writes nothing.
- Rolled up, a unit's done figure is its own progress plus its shares' done figures, and
  its status follows from done, target and deadline alone.
- Every work command decided again against its own outcome records nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId
from dangjian_core.work.commands import CancelWorkItem, LinkTasks, ReviseWorkShare
from dangjian_core.work.events import WorkItemId
from dangjian_core.work.queries import UnitProgress, WorkNode, WorkStatus, roll_up, walk
from dangjian_core.work.rules.items import terms
from dangjian_core.work.state import WorkItemState
from tests.core.org import GUANCHUAN, HU, LV, QINGWEIJIE, REGION, T1, WANG, ZONGZHI, later
from tests.core.test_work import (
    GC_ITEM,
    QWJ_ITEM,
    W1,
    ZHAO,
    ZONGZHI_ITEM,
    accept,
    assign,
    cascade_commands,
    issue,
    report,
    town,
)

#: (item, unit, actor) for every share the town's cascade can give.
SPLITS = [
    (W1, ZONGZHI, WANG),
    (W1, REGION, WANG),
    (ZONGZHI_ITEM, QINGWEIJIE, ZHAO),
    (ZONGZHI_ITEM, GUANCHUAN, ZHAO),
]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 50),
    st.lists(st.tuples(st.booleans(), st.sampled_from(SPLITS), st.integers(1, 60)), max_size=12),
)
def test_the_shares_an_item_gives_never_exceed_its_target(
    target: int, splits: list[tuple[bool, tuple[str, str, str], int]]
) -> None:
    village = town(issue(target=target))
    for step, (revising, (item, unit, actor), share) in enumerate(splits):
        before = len(village.log)
        at = later(11 + step / 100)
        if revising:
            command: Any = ReviseWorkShare(
                WorkItemId(item), BranchId(unit), share, "调整", actor, at
            )
        else:
            command = assign(item, unit, share, actor, at=at)
        outcome = village.attempt(command)
        if isinstance(outcome, DomainError):
            assert before == len(village.log)
        if item == W1 and unit == ZONGZHI and not isinstance(outcome, DomainError):
            village.attempt(accept(W1, ZONGZHI, ZHAO, at))

    directory = village.directory()
    for state in village.states.values():
        if isinstance(state, WorkItemState):
            whole, _ = terms(state, directory)
            assert sum(s.target for s in state.shares) <= whole


def trees(depth: int = 3) -> st.SearchStrategy[WorkNode]:
    """Any cascade up to ``depth`` levels below the top."""
    leaf_children: st.SearchStrategy[tuple[WorkNode, ...]] = st.just(())
    if depth > 0:
        leaf_children = st.lists(trees(depth - 1), max_size=3).map(tuple)
    return st.builds(
        WorkNode,
        item_id=st.just("W"),
        unit_id=st.sampled_from(["xiangzhu", "xz-zongzhi", "qingweijie"]),
        name=st.just("组织"),
        target=st.integers(1, 100),
        deadline=st.integers(0, 20).map(lambda d: later(d)),
        own=st.integers(0, 60),
        accepted=st.booleans(),
        children=leaf_children,
        cancelled=st.sampled_from([False, False, False, True]),
    )


@settings(max_examples=100, deadline=None)
@given(trees(), st.integers(0, 30))
def test_a_units_done_is_its_own_progress_plus_its_shares_done(node: WorkNode, day: int) -> None:
    at = later(day)

    progress = roll_up(node, at)

    for _, line in walk(progress):
        live = [c for c in line.children if _cancelled(line) or not _cancelled(c)]
        assert line.own + sum(child.done for child in live) == line.done
        assert _expected_status(line, at) == line.status
        if _cancelled(line):
            assert all(_cancelled(below) for _, below in walk(line))
    assert _cancelled_lines(node) == [_cancelled(line) for _, line in walk(progress)]
    if not node.cancelled:
        assert _live_total(node) == progress.done


def _cancelled_lines(node: WorkNode, above: bool = False) -> list[bool]:
    """Depth first, whether each node or a node above it is cancelled."""
    here = above or node.cancelled
    return [here, *(flag for c in node.children for flag in _cancelled_lines(c, here))]


def _cancelled(line: UnitProgress) -> bool:
    return line.status is WorkStatus.CANCELLED


def _live_total(node: WorkNode) -> int:
    """What a live node adds up: its own and its live children's, all the way down."""
    return node.own + sum(_live_total(c) for c in node.children if not c.cancelled)


def _expected_status(line: UnitProgress, at: Any) -> WorkStatus:
    if line.status is WorkStatus.CANCELLED:
        return WorkStatus.CANCELLED
    if line.done >= line.target:
        return WorkStatus.DONE
    return WorkStatus.OVERDUE if at > line.deadline else WorkStatus.IN_PROGRESS


def test_a_unit_reaching_its_target_after_the_deadline_is_done_not_overdue() -> None:
    node = WorkNode("W", "qingweijie", "清渭街村", 10, later(5), 10, True)

    assert WorkStatus.DONE == roll_up(node, later(5) + timedelta(days=1)).status


def test_every_work_command_decided_again_against_its_outcome_records_nothing() -> None:
    village = town()
    commands = [
        *cascade_commands(),
        LinkTasks(QWJ_ITEM, (T1,), LV, later(13)),
        report(QWJ_ITEM, 50, LV, "已整治 50 户"),
        accept(ZONGZHI_ITEM, GUANCHUAN, HU, later(30)),
        ReviseWorkShare(ZONGZHI_ITEM, GUANCHUAN, 150, "调整", ZHAO, later(31)),
        CancelWorkItem(GC_ITEM, "并入清渭街村", HU, later(32)),
        CancelWorkItem(W1, "上级统一安排", WANG, later(33)),
    ]
    for command in commands:
        village.handle(command)

        assert [] == village.handle(command)
