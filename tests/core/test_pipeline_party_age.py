"""Party age 党龄 and "my N-th decade in the party" (我入党的第N个十年, seed 000)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.people.events import PartyStatus
from dangjian_core.people.pipeline import add_years
from dangjian_core.people.queries import PartyAge, party_age
from dangjian_core.people.state import StatusPeriod

S = PartyStatus


def member_since(day: date) -> tuple[StatusPeriod, ...]:
    """Probationary a year before ``day``, full from ``day``."""
    return (
        StatusPeriod(S.PROBATIONARY, day.replace(year=day.year - 1)),
        StatusPeriod(S.FULL, day),
    )


@pytest.mark.parametrize(
    ("joined", "decade", "years"),
    [
        (date(2011, 7, 1), "第一个10年", 10),  # 朱雨霏: 10年前,我光荣加入中国共产党
        (date(2001, 7, 1), "第二个10年", 20),  # 王鸿挺: 在党20年
        (date(1991, 7, 1), "第三个10年", 30),  # 高南江: 30年党龄
        (date(1981, 7, 1), "第四个10年", 40),
        (date(1971, 7, 1), "第五个10年", 50),  # 吕宝有
        (date(1961, 7, 1), "第六个10年", 60),  # 吕端阳
    ],
)
def test_the_seed_members_are_in_their_nth_decade_on_1_july_2021(
    joined: date, decade: str, years: int
) -> None:
    age = party_age(member_since(joined), date(2021, 7, 1))

    assert age is not None
    assert (years, decade) == (age.years, age.decade_label)


def test_a_day_past_ten_years_begins_the_second_decade() -> None:
    age = party_age(member_since(date(2011, 7, 1)), date(2021, 7, 2))

    assert PartyAge(date(2011, 7, 1), 10, 2) == age


def test_party_age_counts_from_full_membership_not_probation() -> None:
    age = party_age(member_since(date(2020, 7, 1)), date(2021, 6, 30))

    assert PartyAge(date(2020, 7, 1), 0, 1) == age


def test_someone_not_yet_a_full_member_has_no_party_age() -> None:
    history = (
        StatusPeriod(S.ACTIVIST, date(2019, 1, 1)),
        StatusPeriod(S.PROBATIONARY, date(2021, 1, 1)),
    )

    assert party_age(history, date(2021, 7, 1)) is None
    assert party_age(member_since(date(2021, 7, 1)), date(2021, 6, 30)) is None


def test_time_suspended_does_not_count() -> None:
    history = (
        StatusPeriod(S.FULL, date(2000, 1, 1)),
        StatusPeriod(S.SUSPENDED, date(2005, 1, 1)),
        StatusPeriod(S.FULL, date(2007, 1, 1)),
    )

    age = party_age(history, date(2021, 1, 1))

    assert age is not None
    assert (date(2001, 12, 31), 19) == (age.counted_from, age.years)  # 730 days later


def test_time_transferred_out_still_counts() -> None:
    history = (
        StatusPeriod(S.FULL, date(2000, 1, 1)),
        StatusPeriod(S.TRANSFERRED_OUT, date(2005, 1, 1)),
        StatusPeriod(S.FULL, date(2007, 1, 1)),
    )

    assert PartyAge(date(2000, 1, 1), 21, 3) == party_age(history, date(2021, 1, 1))


def test_party_age_stops_growing_at_death() -> None:
    history = (StatusPeriod(S.FULL, date(1960, 1, 1)), StatusPeriod(S.DECEASED, date(2010, 1, 1)))

    age = party_age(history, date(2021, 1, 1))

    assert age is not None
    assert 50 == age.years


@for_all(
    st.dates(min_value=date(1921, 7, 1), max_value=date(2020, 1, 1)),
    st.integers(min_value=0, max_value=36500),
)
def test_years_are_completed_years_and_the_decade_is_the_one_being_completed(
    joined: date, days: int
) -> None:
    on = date.fromordinal(joined.toordinal() + days)

    age = party_age((StatusPeriod(S.FULL, joined),), on)

    assert age is not None
    assert add_years(joined, age.years) <= on < add_years(joined, age.years + 1)
    assert on <= add_years(joined, 10 * age.decade)
    assert age.decade == 1 or add_years(joined, 10 * (age.decade - 1)) < on
