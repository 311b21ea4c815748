"""职责 Duties with a cadence (seed 004, 城西新区): given the town of :mod:`tests.core.org`,
when a duty command is handled, then the events or the typed refusal; a refusal writes
nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dangjian_core.duties.commands import EndDuty, HandOverDuty, ReportProblem
from dangjian_core.duties.events import (
    DutyAssigned,
    DutyEnded,
    DutyHandedOver,
    PatrolLogged,
    ProblemReported,
    ProblemRouted,
)
from dangjian_core.duties.state import DutyError
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import PersonId
from tests.core.duties_given import (
    APRIL,
    ROAD,
    at,
    patrol,
    problem,
    road,
    roads,
    route,
    task_follow,
    workshop,
)
from tests.core.org import CHEN, COUNTY, DING, HU, LV, TOWN, WANG, task_town


def test_the_town_secretary_makes_a_member_road_chief_once() -> None:
    # Given the town; when its secretary assigns 西周路 to 陈天云
    village = task_town()
    events = village.handle(road())

    # Then the duty is recorded with its cadence; the same assignment again changes nothing
    [assigned] = events
    assert isinstance(assigned, DutyAssigned)
    assert (CHEN, 3, APRIL) == (assigned.holder_id, assigned.every, assigned.since)
    assert [] == village.handle(road())


def test_a_duty_id_is_not_reused_for_another_object() -> None:
    refusal = roads().attempt(road(object_name="东周路"))

    assert isinstance(refusal, DutyError)


def test_only_the_units_leaders_assign_duties() -> None:
    assert isinstance(task_town().attempt(road(actor=CHEN)), Unauthorized)


def test_the_holder_must_be_on_the_roll_of_the_unit_or_under_it() -> None:
    refusal = task_town().attempt(road(holder_id=PersonId("stranger")))

    assert isinstance(refusal, DutyError)
    assert "登记人员" in refusal.zh


def test_the_chief_logs_their_own_patrol_with_evidence() -> None:
    village = roads()
    day = APRIL + timedelta(days=2)

    [logged] = village.handle(patrol(day))

    assert PatrolLogged(ROAD, CHEN, day, "路面整洁", ("photo-1.jpg",)) == logged


def test_the_leaders_may_enter_a_patrol_for_the_chief_but_others_may_not() -> None:
    village = roads()
    day = APRIL + timedelta(days=2)

    assert [PatrolLogged(ROAD, CHEN, day, "路面整洁", ("photo-1.jpg",))] == village.handle(
        patrol(day, actor=WANG)
    )
    assert isinstance(village.attempt(patrol(day, actor=HU)), Unauthorized)


def test_a_patrol_is_not_logged_ahead_of_its_day_nor_before_the_duty_began() -> None:
    village = roads()
    day = APRIL + timedelta(days=3)
    ahead = patrol(day).__class__(ROAD, day, "预记", CHEN, at(day - timedelta(days=1)))

    assert isinstance(village.attempt(ahead), InvalidCommand)
    assert isinstance(village.attempt(patrol(APRIL - timedelta(days=1))), DutyError)


def test_patrols_on_an_unknown_duty_are_refused() -> None:
    assert isinstance(task_town().attempt(patrol(APRIL)), UnknownSubject)


def test_a_hand_over_moves_the_duty_and_later_patrols_are_the_new_holders() -> None:
    village = roads()
    day = APRIL + timedelta(days=10)

    assert [DutyHandedOver(ROAD, LV, day)] == village.handle(
        HandOverDuty(ROAD, LV, day, WANG, at(day))
    )
    [logged] = village.handle(patrol(day + timedelta(days=1), actor=LV))
    assert isinstance(logged, PatrolLogged)
    assert LV == logged.holder_id
    assert isinstance(village.attempt(patrol(day + timedelta(days=1))), Unauthorized)


def test_an_ended_duty_takes_no_patrol_after_its_end() -> None:
    village = roads()
    day = APRIL + timedelta(days=20)

    assert [DutyEnded(ROAD, day, "道路移交")] == village.handle(
        EndDuty(ROAD, day, "道路移交", WANG, at(day))
    )
    assert [] == village.handle(EndDuty(ROAD, day, "道路移交", WANG, at(day)))
    assert isinstance(village.attempt(patrol(day + timedelta(days=1))), DutyError)


def test_the_chief_reports_a_problem_without_a_follow_up() -> None:
    village = roads()

    [reported] = village.handle(problem(actor=CHEN))

    assert isinstance(reported, ProblemReported)
    assert reported.follow is None
    assert [] == village.handle(problem(actor=CHEN))


def test_only_the_leaders_turn_a_problem_into_a_task() -> None:
    village = roads()

    assert isinstance(village.attempt(problem(actor=CHEN, follow=task_follow())), Unauthorized)
    [reported] = village.handle(problem(follow=task_follow()))
    assert isinstance(reported, ProblemReported)
    assert reported.follow == task_follow()


def test_a_reported_problem_is_routed_once() -> None:
    village = roads()
    village.handle(problem(actor=CHEN))
    routed = route()

    assert [ProblemRouted(ROAD, TOWN, "P1", task_follow())] == village.handle(routed)
    assert [] == village.handle(routed)
    assert isinstance(village.attempt(route(task_id="T-other")), DutyError)
    assert isinstance(village.attempt(route("P9")), DutyError)
    assert isinstance(village.attempt(route("P1", "T-x", actor=CHEN)), Unauthorized)


def test_a_workshop_instructor_from_the_town_office_is_on_the_towns_roll() -> None:
    village = task_town()

    [assigned] = village.handle(workshop())

    assert isinstance(assigned, DutyAssigned)
    assert DING == assigned.holder_id
    assert isinstance(task_town().attempt(workshop(actor=COUNTY + "-x")), Unauthorized)


def test_a_follow_up_without_its_title_or_deadline_is_malformed() -> None:
    day = APRIL + timedelta(days=4)

    with pytest.raises(ValueError, match="截止时间"):
        ReportProblem(ROAD, "P1", day, "堆放", WANG, at(day), to=task_follow().kind, follow_id="T9")
