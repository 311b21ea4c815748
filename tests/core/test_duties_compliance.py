"""职责履行 Compliance with a duty's cadence, computed for a day passed in: given the days
patrolled, when the gaps are asked for on a day, then every stretch without a patrol when
one was due, each reported exactly once; a patrol after the day never hides a gap."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core.duties.events import CadenceUnit
from dangjian_core.duties.queries import Cadence, Gap, compliance, gap_days, gaps

APRIL = date(2018, 4, 1)
EVERY_3 = Cadence(3, CadenceUnit.DAY, APRIL)
MONTHLY = Cadence(1, CadenceUnit.MONTH, APRIL)


def day(n: int) -> date:
    """The ``n``-th day of April (1 is 1 April), going on into May."""
    return APRIL + timedelta(days=n - 1)


def test_patrols_every_three_days_leave_no_gap() -> None:
    # Given 陈天云 patrolling on 3, 6, 9 and 12 April
    patrols = [day(3), day(6), day(9), day(12)]

    # When the record is asked for on 14 April; then it has no gap
    assert [] == gaps(EVERY_3, patrols, day(14))


def test_a_missed_patrol_is_a_gap_from_the_day_after_it_was_due() -> None:
    # Given patrols on 3 April and next on 12 April
    patrols = [day(3), day(12)]

    # When asked on 20 April; then 6–11 April is a gap (due on the 6th), and so is the
    # open stretch from 15 April (due on the 15th)
    assert [
        Gap(day(6), day(11), day(3), False),
        Gap(day(15), day(20), day(12), True),
    ] == gaps(EVERY_3, patrols, day(20))


def test_a_patrol_after_the_day_asked_about_does_not_hide_the_gap() -> None:
    # Given patrols on 3 April and 12 April; when asked on 10 April
    found = gaps(EVERY_3, [day(3), day(12)], day(10))

    # Then the gap from 6 April is open on the 10th
    assert [Gap(day(6), day(10), day(3), True)] == found


def test_no_patrol_at_all_is_one_gap_from_the_first_due_day() -> None:
    assert [Gap(day(3), day(9), None, True)] == gaps(EVERY_3, [], day(9))


def test_nothing_is_counted_after_the_duty_ended() -> None:
    ended = Cadence(3, CadenceUnit.DAY, APRIL, ended=day(8))

    assert [Gap(day(6), day(8), day(3), False)] == gaps(ended, [day(3)], day(30))


def test_a_monthly_visit_missed_in_a_month_is_a_gap_once_the_month_ended() -> None:
    # Given visits on 10 April and 3 June (none in May)
    visits = [date(2018, 4, 10), date(2018, 6, 3)]

    # When asked on 15 July; then May is a gap, and July (not yet over) is not
    found = gaps(MONTHLY, visits, date(2018, 7, 15))

    assert [Gap(date(2018, 5, 1), date(2018, 5, 31), date(2018, 4, 10), False)] == found


def test_the_record_counts_patrols_up_to_the_day_only() -> None:
    record = compliance(EVERY_3, [day(3), day(6), day(12)], day(10))

    assert (2, day(6), False) == (record.patrols, record.last, record.kept)


def _overdue_days(cadence: Cadence, patrols: list[date], on: date) -> list[date]:
    """Brute force: the days on which no patrol fell within the last ``every`` days (the
    day before the start counting as one)."""
    done = {d for d in patrols if cadence.since <= d <= on}
    found = []
    current = cadence.since
    while current <= on:
        window = [current - timedelta(days=n) for n in range(cadence.every)]
        start = cadence.since - timedelta(days=1)
        if not any(d in done or d == start for d in window):
            found.append(current)
        current += timedelta(days=1)
    return found


@settings(max_examples=200, deadline=None)
@given(
    st.sets(st.integers(-5, 80), max_size=25),
    st.integers(1, 10),
    st.integers(0, 90),
)
def test_every_overdue_day_is_in_exactly_one_gap(offsets: set[int], every: int, asked: int) -> None:
    cadence = Cadence(every, CadenceUnit.DAY, APRIL)
    patrols = [APRIL + timedelta(days=n) for n in offsets]
    on = APRIL + timedelta(days=asked)

    found = gaps(cadence, patrols, on)

    assert gap_days(found) == _overdue_days(cadence, patrols, on)
    assert all(a.last < b.first for a, b in itertools.pairwise(found))


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(0, 200), max_size=8), st.integers(0, 240))
def test_every_ended_month_without_a_visit_is_reported_once(offsets: set[int], asked: int) -> None:
    visits = [APRIL + timedelta(days=n) for n in offsets]
    on = APRIL + timedelta(days=asked)

    found = gaps(MONTHLY, visits, on)

    months = {(g.first.year, g.first.month) for g in found}
    assert len(months) == len(found)
    for gap in found:
        assert gap.last <= on
        assert not any(gap.first <= v <= gap.last for v in visits)
