"""People 人员: personal details kept private, names corrected, rolls by kind of unit."""

from __future__ import annotations

from datetime import date

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, build
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.trail import HIDDEN, describe
from dangjian_core.people.commands import RecordPersonDetails, RegisterPerson, RenamePerson
from dangjian_core.people.events import (
    Gender,
    PartyStatus,
    PersonDetailsRecorded,
    PersonRegistered,
    PersonRenamed,
)
from dangjian_core.people.state import PersonError
from dangjian_core.units.commands import MergeUnit
from dangjian_core.units.state import UnitError
from tests.core.given import given, then_state, when
from tests.core.org import GROUP, GUANCHUAN, HU, QINGWEIJIE, REGION, WANG, later, town
from tests.support import BRANCH, LANZHI, ORGANIZER, T0

NEWCOMER = PersonId("lv-lanfang")
ID_NUMBER = "11010519491231002X"
REGISTERED = PersonRegistered(NEWCOMER, BRANCH, "吕兰芳", PartyStatus.APPLICANT, date(2021, 3, 1))
DETAILS = PersonDetailsRecorded(NEWCOMER, Gender.FEMALE, 1998, "13800000000", ID_NUMBER)


def register(**details: object) -> RegisterPerson:
    return RegisterPerson(
        NEWCOMER,
        BRANCH,
        "吕兰芳",
        PartyStatus.APPLICANT,
        date(2021, 3, 1),
        ORGANIZER,
        T0,
        **details,
    )


def test_registering_with_personal_details_records_them_apart() -> None:
    events = when(
        register(gender=Gender.FEMALE, birth_year=1998, contact="13800000000", id_number=ID_NUMBER),
        None,
    )

    state = then_state(None, events)
    assert [REGISTERED, DETAILS] == events
    assert (Gender.FEMALE, 1998, "13800000000", ID_NUMBER) == state.details


def test_registering_without_details_records_only_the_registration() -> None:
    assert [REGISTERED] == when(register(), None)


def test_registering_again_with_other_details_is_refused() -> None:
    with pytest.raises(PersonError) as refusal:
        when(register(contact="13900000000"), given(REGISTERED, DETAILS))

    assert "已被占用" in refusal.value.zh


@pytest.mark.parametrize(
    "bad",
    [
        {"id_number": "110105194912310021"},  # wrong check character
        {"id_number": "12345"},
        {"birth_year": 1850},
        {"birth_year": True},
        {"contact": "1" * 41},
    ],
)
def test_malformed_personal_data_is_invalid(bad: dict[str, object]) -> None:
    fields = {
        "person_id": NEWCOMER,
        "branch_id": BRANCH,
        "name": "吕兰芳",
        "status": PartyStatus.APPLICANT,
        "status_since": date(2021, 3, 1),
        "actor_id": ORGANIZER,
        "at": T0,
    }
    with pytest.raises(InvalidCommand):
        build(RegisterPerson, **fields, **bad)


def test_a_roll_keeper_records_or_corrects_details_and_the_same_again_changes_nothing() -> None:
    command = RecordPersonDetails(
        NEWCOMER, Gender.FEMALE, 1998, "13800000000", ID_NUMBER, ORGANIZER, T0
    )

    assert [DETAILS] == when(command, given(REGISTERED))
    assert [] == when(command, given(REGISTERED, DETAILS))


def test_someone_else_may_not_record_details() -> None:
    command = RecordPersonDetails(NEWCOMER, Gender.MALE, None, "", "", LANZHI, T0)

    with pytest.raises(Unauthorized) as refusal:
        when(command, given(REGISTERED))

    assert "个人信息" in refusal.value.zh


def test_a_misspelled_name_is_corrected_with_a_reason() -> None:
    command = RenamePerson(NEWCOMER, "吕兰枋", "登记时错字", ORGANIZER, T0)

    events = when(command, given(REGISTERED))

    assert [PersonRenamed(NEWCOMER, "吕兰枋", "登记时错字")] == events
    assert "吕兰枋" == then_state(given(REGISTERED), events).name
    assert [] == when(command, then_state(given(REGISTERED), events))


def test_the_trail_never_shows_personal_data() -> None:
    line = describe(DETAILS)

    assert all(secret not in line for secret in ("13800000000", ID_NUMBER, "1998", "female"))
    assert f"contact={HIDDEN}" in line


@pytest.mark.parametrize("unit", [GROUP, REGION])
def test_party_groups_and_regional_committees_keep_no_roll(unit: str) -> None:
    refused = town().attempt(
        RegisterPerson(
            PersonId("x"),
            BranchId(unit),
            "某某",
            PartyStatus.FULL,
            date(2000, 1, 1),
            WANG,
            later(1),
        )
    )

    assert isinstance(refused, UnitError)
    assert "不设名册" in refused.zh


def test_after_a_merge_the_survivors_keepers_keep_the_merged_roll() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(5)))

    old_secretary = village.attempt(RenamePerson(HU, "胡泰莱", "错字", HU, later(6)))
    from_above = village.attempt(RenamePerson(HU, "胡泰莱", "错字", WANG, later(6)))

    assert isinstance(old_secretary, Unauthorized)
    assert [PersonRenamed(HU, "胡泰莱", "错字")] == from_above


def test_registering_in_a_merged_unit_is_refused() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(5)))

    refused = village.attempt(
        RegisterPerson(
            PersonId("x"), GUANCHUAN, "某某", PartyStatus.FULL, date(2000, 1, 1), WANG, later(6)
        )
    )

    assert isinstance(refused, UnitError)
