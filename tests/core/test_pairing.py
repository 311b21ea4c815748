"""Pairing support 结对帮扶: members paired with low-income households, visits logged
(seed 003: 平山镇 paired 327 members with 771 households)."""

from __future__ import annotations

from datetime import date, timedelta

from dangjian_core.grids.commands import AddHousehold, LogVisit, PairHousehold
from dangjian_core.grids.events import HouseholdPaired, VisitLogged
from dangjian_core.grids.state import GridError
from dangjian_core.kernel.errors import Unauthorized
from tests.core.given import Village
from tests.core.org import CHEN, DING, HOUSEHOLD, HU, LV, SMALL, WU, later, task_town

AT = later(10)


def paired() -> Village:
    """The task town with 陈天云 paired with 吕大伯's low-income household."""
    village = task_town()
    village.handle(PairHousehold(SMALL, HOUSEHOLD, CHEN, LV, AT))
    return village


def test_the_secretary_pairs_a_member_with_a_low_income_household_once() -> None:
    village = task_town()

    assert [HouseholdPaired(SMALL, HOUSEHOLD, CHEN)] == village.handle(
        PairHousehold(SMALL, HOUSEHOLD, CHEN, LV, AT)
    )
    assert [] == village.handle(PairHousehold(SMALL, HOUSEHOLD, CHEN, LV, AT))


def test_only_low_income_households_are_paired() -> None:
    village = task_town()
    village.handle(AddHousehold(SMALL, "qwj-h2", "吴大妈", False, LV, AT))

    assert isinstance(village.attempt(PairHousehold(SMALL, "qwj-h2", CHEN, LV, AT)), GridError)


def test_members_do_not_pair_themselves() -> None:
    refusal = task_town().attempt(PairHousehold(SMALL, HOUSEHOLD, CHEN, CHEN, AT))

    assert isinstance(refusal, Unauthorized)


def test_the_paired_member_logs_their_own_visit_but_not_for_someone_else() -> None:
    village = paired()
    day = AT.date()

    assert [VisitLogged(SMALL, HOUSEHOLD, CHEN, day, "送米面油")] == village.handle(
        LogVisit(SMALL, HOUSEHOLD, CHEN, day, "送米面油", CHEN, AT)
    )
    assert isinstance(
        village.attempt(LogVisit(SMALL, HOUSEHOLD, CHEN, day, "代记", WU, AT)), Unauthorized
    )
    assert isinstance(
        village.attempt(LogVisit(SMALL, HOUSEHOLD, WU, day, "未结对", WU, AT)), GridError
    )


def test_a_visit_is_not_logged_ahead_of_its_day() -> None:
    tomorrow = AT.date() + timedelta(days=1)

    refusal = paired().attempt(LogVisit(SMALL, HOUSEHOLD, CHEN, tomorrow, "预记", CHEN, AT))

    assert isinstance(refusal, GridError)


def test_visits_record_the_day_not_the_command_time() -> None:
    village = paired()
    village.handle(LogVisit(SMALL, HOUSEHOLD, CHEN, date(2018, 1, 5), "入户走访", CHEN, AT))

    [row] = village.views().select("visits", {"block_id": SMALL})

    assert "2018-01-05" == row["visited_on"]


def test_town_office_staff_on_the_towns_roll_pair_with_a_household() -> None:
    # Given the task town; 丁组委 is on the town committee's roll (机关单位职工, seed 003)
    village = task_town()

    # When 清渭街村's secretary pairs him with 吕大伯's household
    events = village.handle(PairHousehold(SMALL, HOUSEHOLD, DING, LV, AT))

    # Then the pair is made, and he logs his own visits
    assert [HouseholdPaired(SMALL, HOUSEHOLD, DING)] == events
    day = AT.date()
    assert [VisitLogged(SMALL, HOUSEHOLD, DING, day, "入户走访")] == village.handle(
        LogVisit(SMALL, HOUSEHOLD, DING, day, "入户走访", DING, AT)
    )


def test_a_member_of_another_village_does_not_pair_here() -> None:
    # 胡泰来 is on 官川村's roll, a branch beside 清渭街村, not above it
    refusal = task_town().attempt(PairHousehold(SMALL, HOUSEHOLD, HU, LV, AT))

    assert isinstance(refusal, GridError)
