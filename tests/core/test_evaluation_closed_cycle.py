"""结束周期之后 After a cycle is closed its standings are frozen: approving, revoking and
adjusting points of that cycle are refused; other cycles and other units are untouched."""

from __future__ import annotations

import attrs
import pytest

from dangjian_core.evaluation.events import CycleClosed
from dangjian_core.evaluation.state import CycleAlreadyClosed, FrozenStandings
from dangjian_core.kernel.ids import AdjustmentId
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import ApproveCompletion, RevokePoints
from dangjian_core.tasks.events import CompletionApproved
from tests import support
from tests.core.evaluation_given import AFTER, CYCLE, at, village
from tests.core.given import T1, approved, claimed, given, issued, submitted, when

LANZHI = support.LANZHI
CLOSED = given(CycleClosed(support.BRANCH, CYCLE, FrozenStandings(AFTER, ())))


def approve() -> ApproveCompletion:
    return ApproveCompletion(T1, LANZHI, None, "", support.REVIEWER, at(2))


def test_an_approval_in_a_closed_cycle_is_refused() -> None:
    task = given(issued(), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(CycleAlreadyClosed, match="已结束"):
        when(approve(), task, village(CLOSED))


def test_an_approval_in_an_open_cycle_is_credited() -> None:
    task = given(issued(), claimed(LANZHI), submitted(LANZHI))

    [event] = when(approve(), task, village())

    assert isinstance(event, CompletionApproved)


def test_a_revocation_in_a_closed_cycle_is_refused() -> None:
    task = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI))
    revoke = RevokePoints(T1, LANZHI, "督查发现未实际完成", support.SECRETARY, at(3))

    with pytest.raises(CycleAlreadyClosed):
        when(revoke, task, village(CLOSED))


def test_an_adjustment_in_a_closed_cycle_is_refused() -> None:
    adjust = AdjustPoints(
        AdjustmentId("A1"), support.BRANCH, LANZHI, 3, "疫情防控表现突出", support.SECRETARY, at(5)
    )

    with pytest.raises(CycleAlreadyClosed):
        when(adjust, None, village(CLOSED))
    assert 1 == len(when(adjust, None, village()))


def test_another_units_closed_cycle_does_not_block_this_one() -> None:
    other = attrs.evolve(CLOSED, unit_id="siqianlv")
    task = given(issued(), claimed(LANZHI), submitted(LANZHI))
    directory = attrs.evolve(village(), evaluations={("siqianlv", CYCLE): other})

    assert 1 == len(when(approve(), task, directory))
