"""Adjusting points 加分/扣分: only the secretary, for someone on the roll, once per id."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject, build
from dangjian_core.kernel.ids import AdjustmentId, BranchId, PersonId
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from dangjian_core.points.commands import ADJUSTMENT_CATEGORY, AdjustPoints
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.points.state import PointsError
from tests.core.given import given, other_branch, then_state, village_with, when
from tests.support import (
    BRANCH,
    CST,
    LANZHI,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    later,
)

A1 = AdjustmentId("A1")
REASON = "疫情防控表现突出"


def adjust(
    delta: int = 2,
    person: str = LANZHI,
    actor: str = SECRETARY,
    at: datetime | None = None,
    reason: str = REASON,
) -> AdjustPoints:
    return AdjustPoints(A1, BRANCH, PersonId(person), delta, reason, actor, at or later(1))


def test_the_secretary_adds_points_with_a_reason() -> None:
    events = when(adjust(2), None)

    expected = PointsAdjusted(A1, BRANCH, LANZHI, "2021-10", ADJUSTMENT_CATEGORY, 2, REASON)
    assert [expected] == events
    assert expected == then_state(None, events)


def test_the_secretary_deducts_points_with_a_reason() -> None:
    [event] = when(adjust(-3, reason="无故缺席主题党日"), None)

    assert (-3, "加减分") == (event.delta, event.category)


def test_an_adjustment_may_name_its_own_category() -> None:
    command = AdjustPoints(A1, BRANCH, LANZHI, 1, REASON, SECRETARY, later(1), "志愿服务")

    [event] = when(command, None)

    assert "志愿服务" == event.category


@pytest.mark.parametrize(
    ("at", "cycle"),
    [
        (datetime(2022, 9, 30, 23, 59, tzinfo=CST), "2021-10"),
        (datetime(2022, 10, 1, 0, 0, tzinfo=CST), "2022-10"),
    ],
)
def test_an_adjustment_counts_in_the_cycle_of_its_time(at: datetime, cycle: str) -> None:
    [event] = when(adjust(at=at), None)

    assert cycle == event.cycle


@pytest.mark.parametrize("actor", [ORGANIZER, REVIEWER, LANZHI, "town-xiangzhu"])
def test_only_the_branch_secretary_adjusts_points(actor: str) -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(adjust(actor=actor), None)

    assert "unauthorized" == refusal.value.code
    assert actor in refusal.value.zh
    assert "书记" in refusal.value.zh


def test_a_person_not_on_the_roll_gets_no_adjustment() -> None:
    with pytest.raises(UnknownSubject) as refusal:
        when(adjust(person="stranger"), None)

    assert "stranger" in refusal.value.zh


def test_a_person_of_another_branch_gets_no_adjustment_here() -> None:
    outsider = PersonState(
        PersonId("lv-waicun"),
        other_branch().branch_id,
        "吕外村",
        (StatusPeriod(PartyStatus.ACTIVIST, date(2020, 1, 1)),),
    )
    village = village_with(people={outsider.person_id: outsider})

    with pytest.raises(UnknownSubject) as refusal:
        when(adjust(person="lv-waicun"), None, village)

    assert BRANCH in refusal.value.en


def test_an_adjustment_in_an_unknown_branch_is_refused() -> None:
    command = AdjustPoints(A1, BranchId("nowhere"), LANZHI, 2, REASON, SECRETARY, later(1))

    with pytest.raises(UnknownSubject) as refusal:
        when(command, None)

    assert "nowhere" in refusal.value.zh


def test_repeating_the_same_adjustment_changes_nothing() -> None:
    state = given(*when(adjust(2), None))

    assert [] == when(adjust(2), state)


def test_reusing_an_adjustment_id_for_another_adjustment_is_refused_naming_the_id() -> None:
    state = given(*when(adjust(2), None))

    with pytest.raises(PointsError) as refusal:
        when(adjust(5), state)

    assert "points" == refusal.value.code
    assert "A1" in refusal.value.zh


@pytest.mark.parametrize("delta", [0, 101, -101, True])
def test_a_zero_or_oversized_delta_is_invalid(delta: object) -> None:
    with pytest.raises(InvalidCommand) as refusal:
        build(
            AdjustPoints,
            adjustment_id=A1,
            branch_id=BRANCH,
            person_id=LANZHI,
            delta=delta,
            reason=REASON,
            actor_id=SECRETARY,
            at=later(1),
        )

    assert "AdjustPoints" in refusal.value.zh


def test_an_adjustment_needs_a_reason() -> None:
    with pytest.raises(InvalidCommand):
        build(
            AdjustPoints,
            adjustment_id=A1,
            branch_id=BRANCH,
            person_id=LANZHI,
            delta=2,
            reason="",
            actor_id=SECRETARY,
            at=later(1),
        )
