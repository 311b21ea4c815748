"""工作日历 Working-day calendar: weekends off, declared holidays off, make-up days on.

Given the town (象珠镇党委, a top-level unit), when its leaders declare holidays or
make-up working days, then the calendar's arithmetic follows; the arithmetic itself is
checked against a day-by-day count for any calendar.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.calendar.commands import DeclareHolidays, DeclareWorkdays
from dangjian_core.calendar.events import HolidaysDeclared, WorkdaysDeclared
from dangjian_core.calendar.projections import calendar_of, days_off
from dangjian_core.calendar.state import CalendarError, working_days
from dangjian_core.calendar.workdays import Calendar, HolidaysUndeclared
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, build
from dangjian_core.kernel.ids import BranchId
from tests.calendars import official
from tests.core.org import DING, HU, TOWN, WANG, ZONGZHI, later, town

# 2024 国庆节: 10-01..10-07 off; Sunday 09-29 and Saturday 10-12 made up.
NATIONAL_DAY = tuple(date(2024, 10, d) for d in range(1, 8))
MAKE_UP = (date(2024, 9, 29), date(2024, 10, 12))
SEPT_27 = date(2024, 9, 27)  # a Friday


def holidays(*days: date, actor: str = WANG, unit: str = TOWN, name: str = "国庆节") -> Any:
    """The town's secretary declares ``days`` holidays (the default calendar)."""
    return DeclareHolidays("default", name, days, BranchId(unit), actor, later(1))


def workdays(*days: date, actor: str = WANG, name: str = "国庆节调休") -> Any:
    """The town's secretary declares ``days`` make-up working days."""
    return DeclareWorkdays("default", name, days, TOWN, actor, later(1))


def national_day() -> Calendar:
    return Calendar(frozenset(NATIONAL_DAY), frozenset(MAKE_UP))


# --- the arithmetic ------------------------------------------------------------------


def test_an_empty_calendar_rests_only_at_weekends() -> None:
    calendar = Calendar()

    assert [True, True, True, True, True, False, False] == [
        calendar.is_working(date(2024, 9, 2) + timedelta(days=i)) for i in range(7)
    ]


def test_a_holiday_rests_and_a_make_up_saturday_works() -> None:
    calendar = national_day()

    assert (False, True) == (
        calendar.is_working(date(2024, 10, 2)),
        calendar.is_working(MAKE_UP[1]),
    )


def test_five_working_days_from_a_friday_before_national_day_skip_the_holiday() -> None:
    # Fri 9-27, Sun 9-29 (made up), Mon 9-30, then 10-01..07 off, Tue 10-08, Wed 10-09.
    assert date(2024, 10, 9) == national_day().add_working_days(SEPT_27, 5)


def test_a_period_starting_on_a_rest_day_begins_on_the_next_working_day() -> None:
    assert date(2024, 10, 8) == national_day().add_working_days(date(2024, 10, 3), 1)


def test_a_period_needs_at_least_one_working_day() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Calendar().add_working_days(SEPT_27, 0)


def test_working_days_between_counts_both_ends() -> None:
    assert (5, 0, 1) == (
        national_day().working_days_between(SEPT_27, date(2024, 10, 9)),
        Calendar().working_days_between(date(2024, 9, 28), date(2024, 9, 29)),
        Calendar().working_days_between(SEPT_27, SEPT_27),
    )


def test_working_days_between_is_zero_when_the_end_comes_first() -> None:
    assert 0 == Calendar().working_days_between(SEPT_27, date(2024, 9, 1))


DAYS = st.dates(date(2023, 12, 1), date(2025, 2, 1))
CALENDARS = st.builds(Calendar, st.frozensets(DAYS, max_size=40), st.frozensets(DAYS, max_size=20))


@for_all(CALENDARS, DAYS, st.integers(1, 40))
def test_add_working_days_ends_on_a_working_day_after_exactly_n(
    calendar: Calendar, start: date, n: int
) -> None:
    end = calendar.add_working_days(start, n)

    assert (True, n) == (calendar.is_working(end), calendar.working_days_between(start, end))


@for_all(CALENDARS, DAYS, st.integers(1, 40))
def test_add_working_days_is_strictly_increasing_in_n(
    calendar: Calendar, start: date, n: int
) -> None:
    assert calendar.add_working_days(start, n) < calendar.add_working_days(start, n + 1)


@for_all(CALENDARS, DAYS, st.integers(-5, 60))
def test_working_days_between_agrees_with_counting_day_by_day(
    calendar: Calendar, first: date, length: int
) -> None:
    last = first + timedelta(days=length)
    days = [first + timedelta(days=i) for i in range(length + 1)]

    assert sum(calendar.is_working(d) for d in days) == calendar.working_days_between(first, last)


# --- declaring -----------------------------------------------------------------------


def test_the_top_level_secretary_declares_national_day() -> None:
    village = town()

    events = village.handle(holidays(*NATIONAL_DAY))

    assert [HolidaysDeclared("default", "国庆节", NATIONAL_DAY, TOWN)] == events
    assert frozenset(NATIONAL_DAY) == working_days(village.directory()).holidays


def test_make_up_days_are_declared_by_the_organizing_member() -> None:
    village = town()
    village.handle(holidays(*NATIONAL_DAY))

    events = village.handle(workdays(*MAKE_UP, actor=DING))

    assert [WorkdaysDeclared("default", "国庆节调休", MAKE_UP, TOWN)] == events
    assert national_day() == working_days(village.directory())


def test_declaring_the_same_days_again_changes_nothing() -> None:
    village = town()
    village.handle(holidays(*NATIONAL_DAY))
    village.handle(workdays(*MAKE_UP))

    assert ([], []) == (village.handle(holidays(*NATIONAL_DAY)), village.handle(workdays(*MAKE_UP)))


def test_only_the_days_not_yet_declared_are_recorded() -> None:
    village = town()
    village.handle(holidays(*NATIONAL_DAY[:3]))

    events = village.handle(holidays(*NATIONAL_DAY))

    assert [HolidaysDeclared("default", "国庆节", NATIONAL_DAY[3:], TOWN)] == events


def test_a_holiday_declared_a_working_day_works_again() -> None:
    village = town()
    village.handle(holidays(*NATIONAL_DAY))

    village.handle(workdays(date(2024, 10, 7), name="更正"))

    assert working_days(village.directory()).is_working(date(2024, 10, 7))


def test_an_ordinary_weekday_cannot_be_declared_a_make_up_day() -> None:
    village = town()

    refusal = village.attempt(workdays(SEPT_27))

    assert isinstance(refusal, CalendarError)
    assert "2024-09-27" in refusal.zh
    assert [] == village.log[len(town().log) :]


def test_a_branch_secretary_may_not_declare_holidays() -> None:
    refusal = town().attempt(holidays(*NATIONAL_DAY, actor=HU))

    assert isinstance(refusal, Unauthorized)


def test_a_unit_with_a_parent_cannot_declare_holidays() -> None:
    refusal = town().attempt(holidays(*NATIONAL_DAY, unit=ZONGZHI))

    assert isinstance(refusal, Unauthorized)
    assert "最高一级" in refusal.zh


def test_a_declaration_needs_days() -> None:
    fields = {"calendar_id": "default", "name": "国庆节", "days": (), "unit_id": TOWN}
    with pytest.raises(InvalidCommand, match="days"):
        build(DeclareHolidays, **fields, actor_id=WANG, at=later(1))


def test_a_years_days_off_name_the_holiday_or_the_weekend() -> None:
    rows = [{"day": d.isoformat(), "kind": "holiday"} for d in NATIONAL_DAY] + [
        {"day": d.isoformat(), "kind": "workday"} for d in MAKE_UP
    ]
    calendar = calendar_of(rows)
    names = dict.fromkeys(NATIONAL_DAY, "国庆节")

    off = days_off(calendar, 2024, names)

    october = [(o.day.day, o.reason) for o in off if o.day.month == 10]
    assert [(d, "国庆节") for d in range(1, 8)] + [(13, "周末")] == october[:8]
    assert 104 + 7 - 2 - 2 == len(off)  # 2024: 104 weekend days, 2 holidays at a weekend


def test_a_notice_posted_before_national_day_ends_after_it_and_its_make_up_saturday() -> None:
    calendar = official()

    assert date(2024, 10, 11) == calendar.notice_period_end(date(2024, 9, 30), 5)


def test_a_notice_in_a_year_without_declared_holidays_is_refused_with_the_command_to_run() -> None:
    calendar = Calendar(frozenset({date(2024, 10, 1)}))

    with pytest.raises(HolidaysUndeclared) as refused:
        calendar.notice_period_end(date(2025, 9, 30), 5)

    assert "import-official --year 2025" in str(refused.value)
    assert "holidays_undeclared" == refused.value.code


def test_a_notice_running_into_an_undeclared_year_is_refused() -> None:
    calendar = Calendar(frozenset({date(2024, 10, 1)}))

    with pytest.raises(HolidaysUndeclared, match="2025"):
        calendar.notice_period_end(date(2024, 12, 27), 5)
