"""The member pipeline 发展程序: the order of statuses and its waiting periods."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.commands import ChangePartyStatus, ExtendProbation
from dangjian_core.people.events import (
    PartyStatus,
    PartyStatusChanged,
    PersonRegistered,
    ProbationExtended,
)
from dangjian_core.people.pipeline import NEXT, NextStep, StatusRuleBroken, add_years, next_step
from dangjian_core.people.state import PersonState, StatusPeriod
from tests.core.given import given, then_state, when
from tests.support import BRANCH, CST, ORGANIZER

S = PartyStatus
LANFANG = PersonId("lv-lanfang")
AT = datetime(2024, 6, 1, 9, 0, tzinfo=CST)


def registered(status: PartyStatus, since: date) -> PersonRegistered:
    return PersonRegistered(LANFANG, BRANCH, "吕兰芳", status, since)


def changed(status: PartyStatus, since: date) -> PartyStatusChanged:
    return PartyStatusChanged(LANFANG, status, since, "支部大会决议")


def change(status: PartyStatus, since: date) -> ChangePartyStatus:
    return ChangePartyStatus(LANFANG, status, since, "支部大会决议", ORGANIZER, AT)


def extend(until: date) -> ExtendProbation:
    return ExtendProbation(LANFANG, until, "考察期表现需进一步观察", ORGANIZER, AT)


def refused_rule(command: object, state: PersonState) -> str:
    with pytest.raises(StatusRuleBroken) as refusal:
        when(command, state)
    assert "pipeline" == refusal.value.code
    return refusal.value.en


# --- one step at a time ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (S.VILLAGER, S.APPLICANT),
        (S.APPLICANT, S.ACTIVIST),
        (S.CANDIDATE, S.PROBATIONARY),
        (S.FULL, S.TRANSFERRED_OUT),
        (S.FULL, S.SUSPENDED),
        (S.SUSPENDED, S.FULL),
        (S.PROBATIONARY, S.DECEASED),
        (S.CANDIDATE, S.ACTIVIST),
    ],
)
def test_each_allowed_step_is_recorded(before: PartyStatus, after: PartyStatus) -> None:
    state = given(registered(before, date(2020, 1, 1)))

    assert [changed(after, date(2024, 5, 1))] == when(change(after, date(2024, 5, 1)), state)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (S.APPLICANT, S.CANDIDATE),
        (S.ACTIVIST, S.PROBATIONARY),
        (S.VILLAGER, S.FULL),
        (S.CANDIDATE, S.FULL),
        (S.DECEASED, S.FULL),
        (S.TRANSFERRED_OUT, S.SUSPENDED),
    ],
)
def test_skipping_a_step_is_refused_naming_the_rule(
    before: PartyStatus, after: PartyStatus
) -> None:
    en = refused_rule(change(after, date(2024, 5, 1)), given(registered(before, date(2015, 1, 1))))

    assert "rule status_order" in en


def test_nothing_follows_death() -> None:
    assert frozenset() == NEXT[S.DECEASED]


# --- waiting periods -------------------------------------------------------------------


def test_an_activist_becomes_a_candidate_after_a_full_year() -> None:
    state = given(registered(S.ACTIVIST, date(2023, 5, 1)))

    assert [changed(S.CANDIDATE, date(2024, 5, 1))] == when(
        change(S.CANDIDATE, date(2024, 5, 1)), state
    )


def test_an_activist_of_less_than_a_year_is_not_yet_a_candidate() -> None:
    state = given(registered(S.ACTIVIST, date(2023, 5, 2)))

    with pytest.raises(StatusRuleBroken) as refusal:
        when(change(S.CANDIDATE, date(2024, 5, 1)), state)

    assert "一年以上" in refusal.value.zh
    assert "2024-05-02" in refusal.value.zh
    assert "rule activist_year" in refusal.value.en


def test_the_year_as_activist_counts_from_the_latest_time_they_became_one() -> None:
    state = given(
        registered(S.ACTIVIST, date(2020, 1, 1)),
        changed(S.CANDIDATE, date(2021, 6, 1)),
        changed(S.ACTIVIST, date(2023, 9, 1)),
    )

    assert "activist_year" in refused_rule(change(S.CANDIDATE, date(2024, 5, 1)), state)


def test_a_probationary_member_becomes_full_after_a_year() -> None:
    state = given(registered(S.PROBATIONARY, date(2023, 5, 31)))

    too_soon = refused_rule(change(S.FULL, date(2024, 5, 30)), state)

    assert "probation_year" in too_soon
    assert [changed(S.FULL, date(2024, 5, 31))] == when(change(S.FULL, date(2024, 5, 31)), state)


def test_an_extended_probation_ends_when_extended() -> None:
    state = given(registered(S.PROBATIONARY, date(2023, 3, 1)))
    events = when(extend(date(2024, 9, 1)), state)
    state = then_state(state, events)

    assert [ProbationExtended(LANFANG, date(2024, 9, 1), "考察期表现需进一步观察")] == events
    assert "probation_year" in refused_rule(change(S.FULL, date(2024, 5, 1)), state)
    assert NextStep(S.FULL, date(2024, 9, 1)) == next_step(state.history, state.probation_until)


def test_probation_may_be_extended_by_at_most_a_year() -> None:
    state = given(registered(S.PROBATIONARY, date(2023, 3, 1)))

    assert "extend_at_most_a_year" in refused_rule(extend(date(2025, 3, 2)), state)
    assert [] != when(extend(date(2025, 3, 1)), state)


def test_an_extension_must_end_after_the_probation_would() -> None:
    state = given(registered(S.PROBATIONARY, date(2023, 3, 1)))

    assert "extend_later" in refused_rule(extend(date(2024, 2, 1)), state)


def test_only_probation_is_extended_and_extending_again_to_the_same_day_changes_nothing() -> None:
    full = given(registered(S.FULL, date(2020, 1, 1)))
    extended = given(
        registered(S.PROBATIONARY, date(2023, 3, 1)),
        ProbationExtended(LANFANG, date(2024, 9, 1), "x"),
    )

    assert "extend_probationary" in refused_rule(extend(date(2024, 9, 1)), full)
    assert [] == when(extend(date(2024, 9, 1)), extended)


def test_a_new_probation_forgets_an_old_extension() -> None:
    state = given(
        registered(S.PROBATIONARY, date(2020, 3, 1)),
        ProbationExtended(LANFANG, date(2021, 9, 1), "x"),
        changed(S.VILLAGER, date(2021, 9, 1)),
        changed(S.APPLICANT, date(2021, 10, 1)),
        changed(S.ACTIVIST, date(2021, 11, 1)),
        changed(S.CANDIDATE, date(2022, 12, 1)),
        changed(S.PROBATIONARY, date(2023, 1, 1)),
    )

    assert state.probation_until is None


def test_a_member_transferred_back_returns_to_the_status_they_left_with() -> None:
    state = given(
        registered(S.PROBATIONARY, date(2023, 3, 1)), changed(S.TRANSFERRED_OUT, date(2023, 6, 1))
    )

    assert "transfer_back" in refused_rule(change(S.FULL, date(2024, 5, 1)), state)
    assert [changed(S.PROBATIONARY, date(2024, 5, 1))] == when(
        change(S.PROBATIONARY, date(2024, 5, 1)), state
    )


def test_registering_imports_a_status_without_the_waiting_rules() -> None:
    state = given(registered(S.CANDIDATE, date(2024, 1, 1)))

    assert S.CANDIDATE == state.status


# --- the next step ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.VILLAGER, NextStep(S.APPLICANT, None)),
        (S.APPLICANT, NextStep(S.ACTIVIST, None)),
        (S.ACTIVIST, NextStep(S.CANDIDATE, date(2021, 2, 28))),
        (S.CANDIDATE, NextStep(S.PROBATIONARY, None)),
        (S.PROBATIONARY, NextStep(S.FULL, date(2021, 2, 28))),
        (S.FULL, None),
        (S.DECEASED, None),
    ],
)
def test_the_next_step_and_its_earliest_date(status: PartyStatus, expected: NextStep) -> None:
    history = (StatusPeriod(status, date(2020, 2, 29)),)

    assert expected == next_step(history, None)


def test_a_year_after_29_february_is_28_february() -> None:
    assert date(2021, 2, 28) == add_years(date(2020, 2, 29), 1)
