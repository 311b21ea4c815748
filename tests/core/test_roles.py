"""Roles 职务: terms appointed from the level above, ended, and held at a moment."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.units.commands import AppointRole, EndRole, MergeUnit
from dangjian_core.units.events import RoleAssigned, RoleEnded, UnitFounded, UnitKind
from dangjian_core.units.roles import OUTSIDE_ROLES, WORKING_ROLES, Role
from dangjian_core.units.state import RoleTerm, UnitError
from tests.core.given import given, then_state, when
from tests.core.org import (
    CHEN,
    COUNTY,
    DING,
    GROUP,
    GUANCHUAN,
    HU,
    LV,
    QINGWEIJIE,
    TOWN,
    WANG,
    appoint,
    later,
    register,
    town,
    unit,
)
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
)
from tests.support import (
    TOWN as PAIXILV_TOWN,
)

FOUNDED = UnitFounded(
    BRANCH, UnitKind.BRANCH, "派溪吕村党支部", None, PAIXILV_TOWN, 10, T0 - timedelta(days=1)
)
SINCE = T0 - timedelta(days=1)


def appoint_here(person: str, role: Role, actor: str, at: datetime = T0) -> AppointRole:
    return AppointRole(BRANCH, PersonId(person), role, actor, at)


def end(person: str, role: Role, actor: str, at: datetime | None = None) -> EndRole:
    return EndRole(BRANCH, PersonId(person), role, "换届", actor, at or T0 + timedelta(days=1))


def assigned(person: str, role: Role, since: datetime = SINCE) -> RoleAssigned:
    return RoleAssigned(BRANCH, PersonId(person), role, since)


def with_secretary() -> object:
    return given(FOUNDED, assigned(SECRETARY, Role.SECRETARY))


# --- who appoints -----------------------------------------------------------------------


def test_the_superior_of_a_root_branch_appoints_its_secretary() -> None:
    events = when(appoint_here(SECRETARY, Role.SECRETARY, PAIXILV_TOWN), given(FOUNDED))

    assert [RoleAssigned(BRANCH, SECRETARY, Role.SECRETARY, T0)] == events
    assert then_state(given(FOUNDED), events).has_role(SECRETARY, [Role.SECRETARY], T0)


@pytest.mark.parametrize("role", sorted(set(Role) - {Role.GROUP_LEADER}))
def test_the_level_above_may_appoint_every_role_of_a_branch(role: Role) -> None:
    [event] = when(appoint_here(ORGANIZER, role, PAIXILV_TOWN), given(FOUNDED))

    assert RoleAssigned(BRANCH, ORGANIZER, role, T0) == event


@pytest.mark.parametrize("role", WORKING_ROLES)
def test_the_units_own_secretary_designates_its_working_roles(role: Role) -> None:
    [event] = when(appoint_here(LANZHI, role, SECRETARY), with_secretary())

    assert RoleAssigned(BRANCH, LANZHI, role, T0) == event


@pytest.mark.parametrize("role", sorted(set(Role) - set(WORKING_ROLES) - {Role.GROUP_LEADER}))
def test_the_units_own_secretary_may_not_appoint_its_committee(role: Role) -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(appoint_here(ORGANIZER, role, SECRETARY), with_secretary())

    assert SECRETARY in refusal.value.zh
    assert role.zh in refusal.value.zh


@pytest.mark.parametrize("actor", [WANG, DING])
def test_the_parents_secretary_or_organizing_member_appoints_in_the_unit_below(
    actor: str,
) -> None:
    village = town()

    events = village.handle(appoint(QINGWEIJIE, LV, Role.SECRETARY, actor, later(1)))

    assert [RoleAssigned(QINGWEIJIE, LV, Role.SECRETARY, later(1))] == events


def test_a_secretary_of_a_sibling_unit_may_not_appoint() -> None:
    refused = town().attempt(appoint(QINGWEIJIE, LV, Role.SECRETARY, HU, later(1)))

    assert isinstance(refused, Unauthorized)


def test_nobody_appoints_themselves_not_even_from_above() -> None:
    village = town()

    refused = village.attempt(appoint(TOWN, DING, Role.DEPUTY_SECRETARY, DING, later(1)))

    assert isinstance(refused, Unauthorized)
    assert "不能任命自己" in refused.zh


def test_authority_is_decided_at_the_commands_time_from_the_role_history() -> None:
    village = town()
    village.handle(EndRole(TOWN, DING, Role.ORGANIZING, "调任", COUNTY, later(10)))

    before = village.attempt(appoint(QINGWEIJIE, LV, Role.SECRETARY, DING, later(9)))
    after = village.attempt(appoint(QINGWEIJIE, CHEN, Role.DEPUTY_SECRETARY, DING, later(10)))

    assert [RoleAssigned(QINGWEIJIE, LV, Role.SECRETARY, later(9))] == before
    assert isinstance(after, Unauthorized)


def test_a_secretary_whose_term_ended_may_not_appoint() -> None:
    state = given(
        FOUNDED,
        assigned(SECRETARY, Role.SECRETARY),
        RoleEnded(BRANCH, SECRETARY, Role.SECRETARY, SINCE, T0, "调任"),
    )

    with pytest.raises(Unauthorized):
        when(appoint_here(REVIEWER, Role.REVIEWER, SECRETARY, T0 + timedelta(hours=1)), state)


# --- who may hold a role ----------------------------------------------------------------


def test_a_committee_role_goes_to_someone_on_the_roll_of_the_unit_or_below() -> None:
    village = town()
    village.handle(register("zhu-yf", "xz-zongzhi", "朱雨霏", WANG))

    on_the_town_roll = village.attempt(appoint(QINGWEIJIE, WANG, Role.PUBLICITY, DING, later(1)))
    from_below = village.attempt(appoint("xz-zongzhi", LV, Role.DISCIPLINE, WANG, later(1)))

    assert isinstance(on_the_town_roll, UnknownSubject)
    assert [RoleAssigned(BranchId("xz-zongzhi"), LV, Role.DISCIPLINE, later(1))] == from_below


@pytest.mark.parametrize("role", OUTSIDE_ROLES)
def test_cadres_sent_from_elsewhere_need_not_be_on_the_units_roll(role: Role) -> None:
    village = town()

    events = village.handle(appoint(GUANCHUAN, DING, role, WANG, later(1)))

    assert [RoleAssigned(GUANCHUAN, DING, role, later(1))] == events


def test_a_party_groups_leader_comes_from_the_roll_of_its_branch() -> None:
    village = town()

    leader = village.handle(appoint(GROUP, CHEN, Role.GROUP_LEADER, WANG, later(1)))
    stranger = village.attempt(appoint(GROUP, HU, Role.GROUP_LEADER, WANG, later(1)))

    assert [RoleAssigned(GROUP, CHEN, Role.GROUP_LEADER, later(1))] == leader
    assert isinstance(stranger, UnknownSubject)


def test_a_party_group_has_a_leader_not_a_secretary_and_a_branch_no_group_leader() -> None:
    village = town()

    secretary = village.attempt(appoint(GROUP, CHEN, Role.SECRETARY, WANG, later(1)))
    leader = village.attempt(appoint(QINGWEIJIE, CHEN, Role.GROUP_LEADER, WANG, later(1)))

    assert isinstance(secretary, UnitError)
    assert isinstance(leader, UnitError)


def test_only_registered_people_can_be_appointed() -> None:
    with pytest.raises(UnknownSubject) as refusal:
        when(appoint_here("stranger", Role.REVIEWER, SECRETARY), with_secretary())

    assert "stranger" in refusal.value.zh


def test_appointing_someone_to_a_role_they_hold_changes_nothing() -> None:
    state = given(FOUNDED, assigned(SECRETARY, Role.SECRETARY), assigned(REVIEWER, Role.REVIEWER))

    assert [] == when(
        appoint_here(REVIEWER, Role.REVIEWER, SECRETARY, T0 + timedelta(hours=1)), state
    )


def test_appointing_in_an_unknown_unit_is_refused() -> None:
    command = AppointRole(BranchId("nowhere"), SECRETARY, Role.SECRETARY, PAIXILV_TOWN, T0)

    with pytest.raises(UnknownSubject) as refusal:
        when(command, None)

    assert "nowhere" in refusal.value.zh


def test_appointing_in_a_merged_unit_is_refused() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(5)))

    refused = village.attempt(appoint(GUANCHUAN, HU, Role.REVIEWER, WANG, later(6)))

    assert isinstance(refused, UnitError)


# --- ending terms -----------------------------------------------------------------------


def test_ending_a_role_closes_the_open_term_at_that_time() -> None:
    state = given(FOUNDED, assigned(SECRETARY, Role.SECRETARY), assigned(REVIEWER, Role.REVIEWER))
    at = T0 + timedelta(days=1)

    events = when(end(REVIEWER, Role.REVIEWER, SECRETARY, at), state)

    assert [RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, at, "换届")] == events
    assert RoleTerm(REVIEWER, Role.REVIEWER, SINCE, at) in then_state(state, events).terms


def test_an_ended_role_counts_before_its_end_and_not_from_it() -> None:
    at = T0 + timedelta(days=1)
    state = given(
        FOUNDED,
        assigned(REVIEWER, Role.REVIEWER),
        RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, at, "换届"),
    )

    held = [state.has_role(REVIEWER, [Role.REVIEWER], t) for t in (at - timedelta(hours=1), at)]

    assert [True, False] == held
    assert [] == state.holders(Role.REVIEWER, at + timedelta(hours=1))


def test_only_the_level_above_ends_the_secretarys_term() -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(end(SECRETARY, Role.SECRETARY, SECRETARY), with_secretary())
    [event] = when(end(SECRETARY, Role.SECRETARY, PAIXILV_TOWN), with_secretary())

    assert "免去" in refusal.value.zh
    assert SECRETARY == event.person_id


def test_ending_a_role_never_held_is_refused_naming_the_person_and_role() -> None:
    with pytest.raises(UnitError) as refusal:
        when(end(LANZHI, Role.REVIEWER, SECRETARY), with_secretary())

    assert LANZHI in refusal.value.zh
    assert "审核员" in refusal.value.zh


def test_ending_a_role_already_ended_changes_nothing() -> None:
    at = T0 + timedelta(days=1)
    state = given(
        FOUNDED,
        assigned(SECRETARY, Role.SECRETARY),
        assigned(REVIEWER, Role.REVIEWER),
        RoleEnded(BRANCH, REVIEWER, Role.REVIEWER, SINCE, at, "换届"),
    )

    assert [] == when(end(REVIEWER, Role.REVIEWER, SECRETARY, at + timedelta(days=5)), state)


def test_a_term_cannot_end_before_it_began() -> None:
    with pytest.raises(InvalidCommand):
        when(end(SECRETARY, Role.SECRETARY, PAIXILV_TOWN, SINCE), with_secretary())


def test_a_merge_ends_every_open_term_of_the_merged_unit() -> None:
    village = town()
    village.handle(appoint(GUANCHUAN, DING, Role.LIAISON, WANG, later(1)))

    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(5)))

    assert all(t.until == later(5) for t in unit(village, GUANCHUAN).terms)
    assert [] == unit(village, GUANCHUAN).holders(Role.SECRETARY, later(5))


def test_other_actors_may_not_end_terms() -> None:
    refused = town().attempt(EndRole(GUANCHUAN, HU, Role.SECRETARY, "x", MEMBER, later(1)))

    assert isinstance(refused, Unauthorized)
