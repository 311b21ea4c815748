"""People 人员: registration on a branch's roll and the party-status history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.people.commands import ChangePartyStatus, RegisterPerson
from dangjian_core.people.events import PartyStatus, PartyStatusChanged, PersonRegistered
from dangjian_core.people.state import PersonError, PersonState, StatusPeriod
from dangjian_core.units.roles import Role
from tests.core.given import given, other_branch, term, then_state, village_with, when
from tests.support import (
    BRANCH,
    LANZHI,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
    TOWN,
    XINGCAN,
    later,
)

NEWCOMER = PersonId("lv-lanfang")
JOINED = date(2021, 3, 1)
REGISTERED = PersonRegistered(NEWCOMER, BRANCH, "吕兰芳", PartyStatus.APPLICANT, JOINED)


def register(
    actor: str = ORGANIZER, name: str = "吕兰芳", since: date = JOINED, at: datetime = T0
) -> RegisterPerson:
    return RegisterPerson(NEWCOMER, BRANCH, name, PartyStatus.APPLICANT, since, actor, at)


def change(
    status: PartyStatus = PartyStatus.ACTIVIST,
    since: date = date(2021, 10, 1),
    actor: str = ORGANIZER,
    at: datetime = T0,
) -> ChangePartyStatus:
    return ChangePartyStatus(NEWCOMER, status, since, "支委会确定为积极分子", actor, at)


# --- registering --------------------------------------------------------------------


def test_the_organizing_member_puts_a_person_on_the_roll() -> None:
    events = when(register(), None)

    assert [REGISTERED] == events
    expected = PersonState(
        NEWCOMER, BRANCH, "吕兰芳", (StatusPeriod(PartyStatus.APPLICANT, JOINED),)
    )
    assert expected == then_state(None, events)


@pytest.mark.parametrize("actor", [SECRETARY, TOWN])
def test_the_secretary_and_the_superior_keep_the_roll_too(actor: str) -> None:
    assert [REGISTERED] == when(register(actor=actor), None)


def test_the_deputy_secretary_keeps_the_roll_too() -> None:
    village = village_with(
        extra_terms=(term("lv-fsj", Role.DEPUTY_SECRETARY, T0 - timedelta(days=1)),)
    )

    assert [REGISTERED] == when(register(actor="lv-fsj"), None, village)


@pytest.mark.parametrize("actor", [REVIEWER, LANZHI])
def test_people_who_do_not_keep_the_roll_may_not_register(actor: str) -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(register(actor=actor), None)

    assert actor in refusal.value.zh
    assert "登记" in refusal.value.zh


def test_a_status_held_from_a_future_date_is_refused() -> None:
    with pytest.raises(InvalidCommand) as refusal:
        when(register(since=T0.date() + timedelta(days=1)), None)

    assert "status_since" in refusal.value.en


def test_a_status_held_from_today_is_accepted() -> None:
    [event] = when(register(since=T0.date()), None)

    assert T0.date() == event.status_since


def test_registering_the_same_person_again_changes_nothing() -> None:
    assert [] == when(register(at=later(1)), given(REGISTERED))


def test_registering_someone_else_under_a_taken_id_is_refused_naming_the_id() -> None:
    with pytest.raises(PersonError) as refusal:
        when(register(name="吕兰花"), given(REGISTERED))

    assert "person" == refusal.value.code
    assert NEWCOMER in refusal.value.zh


def test_registering_in_an_unknown_branch_is_refused() -> None:
    command = RegisterPerson(
        NEWCOMER, BranchId("nowhere"), "吕兰芳", PartyStatus.APPLICANT, JOINED, TOWN, T0
    )

    with pytest.raises(UnknownSubject) as refusal:
        when(command, None)

    assert "nowhere" in refusal.value.zh


# --- party status -------------------------------------------------------------------


def test_a_status_change_is_recorded_from_its_date() -> None:
    state = given(REGISTERED)

    events = when(change(), state)

    assert [
        PartyStatusChanged(
            NEWCOMER, PartyStatus.ACTIVIST, date(2021, 10, 1), "支委会确定为积极分子"
        )
    ] == events
    after = then_state(state, events)
    assert PartyStatus.ACTIVIST == after.status
    assert (
        StatusPeriod(PartyStatus.APPLICANT, JOINED),
        StatusPeriod(PartyStatus.ACTIVIST, date(2021, 10, 1)),
    ) == after.history


def test_changing_to_the_status_already_held_changes_nothing() -> None:
    state = given(REGISTERED, *when(change(), given(REGISTERED)))

    assert [] == when(change(at=later(1)), state)


def test_a_change_dated_before_the_last_change_is_refused() -> None:
    with pytest.raises(InvalidCommand) as refusal:
        when(change(since=JOINED - timedelta(days=1)), given(REGISTERED))

    assert "上次变更" in refusal.value.zh


def test_a_change_dated_the_same_day_as_the_last_change_is_accepted() -> None:
    [event] = when(change(since=JOINED), given(REGISTERED))

    assert JOINED == event.since


def test_a_change_dated_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidCommand):
        when(change(since=T0.date() + timedelta(days=1)), given(REGISTERED))


def test_changing_the_status_of_an_unregistered_person_is_refused() -> None:
    with pytest.raises(UnknownSubject) as refusal:
        when(change(), None)

    assert NEWCOMER in refusal.value.zh


def test_only_a_roster_keeper_changes_a_party_status() -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(change(actor=XINGCAN), given(REGISTERED))

    assert "政治面貌" in refusal.value.zh


def test_a_roster_keeper_of_another_branch_may_not_change_the_status() -> None:
    elsewhere = PersonRegistered(
        NEWCOMER, other_branch().branch_id, "吕兰芳", PartyStatus.APPLICANT, JOINED
    )
    village = village_with(branches=(other_branch(superior="town-other"),))

    with pytest.raises(Unauthorized):
        when(change(actor=ORGANIZER), given(elsewhere), village)
