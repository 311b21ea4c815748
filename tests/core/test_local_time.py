"""Days and cycles are counted in the unit's local time, whatever offset an instant is
written with: points never change year because a service sent UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.kernel.time import LOCAL, cycle_of, local_date
from dangjian_core.tasks.commands import SubmitCompletion
from tests import support
from tests.core.given import NOTE, PHOTOS, T1, claimed, given, issued, when

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
instants = st.datetimes(
    min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30), timezones=st.just(UTC)
)


def test_the_last_evening_of_september_in_utc_is_already_october_in_the_village() -> None:
    utc = datetime(2021, 9, 30, 17, 0, tzinfo=UTC)
    assert ("2021-10", date(2021, 10, 1)) == (cycle_of(utc, 10), local_date(utc))


@for_all(instants, offsets, offsets, st.integers(min_value=1, max_value=12))
def test_an_instant_written_with_any_two_offsets_lands_on_the_same_day_and_cycle(
    instant: datetime, first: timezone, second: timezone, start_month: int
) -> None:
    one, other = instant.astimezone(first), instant.astimezone(second)
    expected = (cycle_of(instant.astimezone(LOCAL), start_month), instant.astimezone(LOCAL).date())
    assert expected == (cycle_of(one, start_month), local_date(one))
    assert expected == (cycle_of(other, start_month), local_date(other))


@for_all(offsets)
def test_a_completion_submitted_at_the_turn_of_the_cycle_counts_in_the_same_cycle_in_any_offset(
    offset: timezone,
) -> None:
    # 2021-10-01 00:30 in the village: the new cycle, however the time is written.
    instant = datetime(2021, 9, 30, 16, 30, tzinfo=UTC).astimezone(offset)
    state = given(issued(), claimed(support.LANZHI))
    command = SubmitCompletion(T1, NOTE, PHOTOS, support.LANZHI, instant)
    (event,) = when(command, state)
    assert "2021-10" == event.cycle
