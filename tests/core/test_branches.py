"""Branches 党支部: founding, appointing the committee and ending terms."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from dangjian_core.branches.commands import AppointRole, EndRole, FoundBranch
from dangjian_core.branches.decisions import BranchError, BranchState, RoleTerm
from dangjian_core.branches.events import BranchFounded, Role, RoleAssigned, RoleEnded
from dangjian_core.people.decisions import PersonState, StatusPeriod
from dangjian_core.people.events import PartyStatus
from dangjian_core.shared.errors import InvalidCommand, Unauthorized, UnknownSubject, build
from dangjian_core.shared.ids import BranchId, PersonId
from tests.core.given import given, other_branch, then_state, village_with, when
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
    TOWN,
    later,
)

NAME = "派溪吕村党支部"
FOUNDED = BranchFounded(BRANCH, NAME, 10, TOWN)
SINCE = T0 - timedelta(days=1)


def appoint(person: str, role: Role, actor: str, at: datetime = T0) -> AppointRole:
    return AppointRole(BRANCH, PersonId(person), role, actor, at)


def end(person: str, role: Role, actor: str, at: datetime | None = None) -> EndRole:
    return EndRole(BRANCH, PersonId(person), role, "换届", actor, at or later(24))


def assigned(person: str, role: Role, since: datetime = SINCE) -> RoleAssigned:
    return RoleAssigned(BRANCH, PersonId(person), role, since)


def with_secretary() -> BranchState:
    return given(FOUNDED, assigned(SECRETARY, Role.SECRETARY))


# --- founding -----------------------------------------------------------------------


def test_the_town_committee_founds_a_branch_as_its_superior() -> None:
    events = when(FoundBranch(BRANCH, NAME, 10, TOWN, SINCE), None)

    assert [FOUNDED] == events
    assert BranchState(BRANCH, NAME, 10, TOWN) == then_state(None, events)


def test_founding_the_same_branch_again_changes_nothing() -> None:
    assert [] == when(FoundBranch(BRANCH, NAME, 10, TOWN, later(1)), given(FOUNDED))


def test_founding_a_different_branch_under_a_taken_id_is_refused() -> None:
    with pytest.raises(BranchError) as refusal:
        when(FoundBranch(BRANCH, "寺前吕村党支部", 10, TOWN, later(1)), given(FOUNDED))

    assert "branch" == refusal.value.code
    assert BRANCH in refusal.value.zh


@pytest.mark.parametrize("month", [0, 13])
def test_a_cycle_start_month_outside_the_calendar_is_invalid(month: int) -> None:
    with pytest.raises(InvalidCommand):
        build(
            FoundBranch, branch_id=BRANCH, name=NAME, cycle_start_month=month, actor_id=TOWN, at=T0
        )


# --- appointing ---------------------------------------------------------------------


def test_the_superior_appoints_the_secretary() -> None:
    events = when(appoint(SECRETARY, Role.SECRETARY, TOWN), given(FOUNDED))

    assert [RoleAssigned(BRANCH, SECRETARY, Role.SECRETARY, T0)] == events
    assert then_state(given(FOUNDED), events).has_role(SECRETARY, [Role.SECRETARY], T0)


@pytest.mark.parametrize("role", [Role.DEPUTY_SECRETARY, Role.ORGANIZING, Role.REVIEWER])
def test_the_secretary_appoints_the_rest_of_the_committee(role: Role) -> None:
    events = when(appoint(ORGANIZER, role, SECRETARY), with_secretary())

    assert [RoleAssigned(BRANCH, ORGANIZER, role, T0)] == events


@pytest.mark.parametrize("role", list(Role))
def test_the_superior_may_appoint_any_role(role: Role) -> None:
    assert [assigned(ORGANIZER, role, T0)] == when(appoint(ORGANIZER, role, TOWN), given(FOUNDED))


def test_the_secretary_may_not_appoint_another_secretary() -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(appoint(ORGANIZER, Role.SECRETARY, SECRETARY), with_secretary())

    assert SECRETARY in refusal.value.zh
    assert "支部书记" in refusal.value.zh


def test_nobody_appoints_themselves() -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(appoint(SECRETARY, Role.DEPUTY_SECRETARY, SECRETARY), with_secretary())

    assert "不能任命自己" in refusal.value.zh


@pytest.mark.parametrize("actor", [ORGANIZER, MEMBER, "town-other"])
def test_a_person_who_is_neither_superior_nor_secretary_may_not_appoint(actor: str) -> None:
    state = given(
        FOUNDED, assigned(SECRETARY, Role.SECRETARY), assigned(ORGANIZER, Role.ORGANIZING)
    )

    with pytest.raises(Unauthorized):
        when(appoint(REVIEWER, Role.REVIEWER, actor), state)


def test_a_secretary_whose_term_ended_may_not_appoint() -> None:
    state = given(
        FOUNDED,
        assigned(SECRETARY, Role.SECRETARY),
        RoleEnded(BRANCH, SECRETARY, Role.SECRETARY, SINCE, T0, "调任"),
    )

    with pytest.raises(Unauthorized):
        when(appoint(REVIEWER, Role.REVIEWER, SECRETARY, later(1)), state)


def test_only_people_on_the_branchs_roll_can_be_appointed() -> None:
    with pytest.raises(UnknownSubject) as refusal:
        when(appoint("stranger", Role.REVIEWER, SECRETARY), with_secretary())

    assert "stranger" in refusal.value.zh


def test_someone_on_another_branchs_roll_cannot_be_appointed() -> None:
    outsider = PersonState(
        PersonId("lv-waicun"),
        other_branch().branch_id,
        "吕外村",
        (StatusPeriod(PartyStatus.FULL, date(2019, 7, 1)),),
    )
    village = village_with(people={outsider.person_id: outsider})

    with pytest.raises(UnknownSubject):
        when(appoint("lv-waicun", Role.REVIEWER, SECRETARY), with_secretary(), village)


def test_appointing_someone_to_a_role_they_hold_changes_nothing() -> None:
    state = given(FOUNDED, assigned(SECRETARY, Role.SECRETARY), assigned(REVIEWER, Role.REVIEWER))

    assert [] == when(appoint(REVIEWER, Role.REVIEWER, SECRETARY, later(1)), state)


def test_appointing_in_an_unknown_branch_is_refused() -> None:
    command = AppointRole(BranchId("nowhere"), SECRETARY, Role.SECRETARY, TOWN, T0)

    with pytest.raises(UnknownSubject) as refusal:
        when(command, None)

    assert "nowhere" in refusal.value.zh


# --- ending terms -------------------------------------------------------------------


def test_ending_a_role_closes_the_open_term_at_that_time() -> None:
    state = given(FOUNDED, assigned(SECRETARY, Role.SECRETARY), assigned(REVIEWER, Role.REVIEWER))

    events = when(end(REVIEWER, Role.REVIEWER, SECRETARY, later(24)), state)

    assert [RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, later(24), "换届")] == events
    after = then_state(state, events)
    assert RoleTerm(REVIEWER, Role.REVIEWER, SINCE, later(24)) in after.terms


def test_an_ended_role_counts_before_its_end_and_not_from_it() -> None:
    state = given(
        FOUNDED,
        assigned(REVIEWER, Role.REVIEWER),
        RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, later(24), "换届"),
    )

    held = [state.has_role(REVIEWER, [Role.REVIEWER], at) for at in (later(23), later(24))]

    assert [True, False] == held
    assert [] == state.holders(Role.REVIEWER, later(25))


def test_only_the_superior_ends_the_secretarys_term() -> None:
    state = with_secretary()

    with pytest.raises(Unauthorized) as refusal:
        when(end(SECRETARY, Role.SECRETARY, SECRETARY), state)
    events = when(end(SECRETARY, Role.SECRETARY, TOWN), state)

    assert "免去" in refusal.value.zh
    assert [RoleEnded(BRANCH, SECRETARY, Role.SECRETARY, SINCE, later(24), "换届")] == events


def test_ending_a_role_never_held_is_refused_naming_the_person_and_role() -> None:
    with pytest.raises(BranchError) as refusal:
        when(end(LANZHI, Role.REVIEWER, SECRETARY), with_secretary())

    assert LANZHI in refusal.value.zh
    assert "审核员" in refusal.value.zh


def test_ending_a_role_already_ended_changes_nothing() -> None:
    state = given(
        FOUNDED,
        assigned(SECRETARY, Role.SECRETARY),
        assigned(REVIEWER, Role.REVIEWER),
        RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, later(24), "换届"),
    )

    assert [] == when(end(REVIEWER, Role.REVIEWER, SECRETARY, later(30)), state)


def test_a_person_reappointed_after_a_term_has_the_new_term_ended() -> None:
    state = given(
        FOUNDED,
        assigned(SECRETARY, Role.SECRETARY),
        assigned(REVIEWER, Role.REVIEWER),
        RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, later(24), "换届"),
        assigned(REVIEWER, Role.REVIEWER, later(48)),
    )

    [event] = when(end(REVIEWER, Role.REVIEWER, SECRETARY, later(72)), state)

    assert (later(48), later(72)) == (event.since, event.until)
    assert then_state(state, [event]).has_role(REVIEWER, [Role.REVIEWER], later(30)) is False


def test_ending_a_role_in_an_unknown_branch_is_refused() -> None:
    with pytest.raises(UnknownSubject):
        when(end(REVIEWER, Role.REVIEWER, TOWN), None)
