"""公示期规则 — the notice-period rules the development list's 公示 and a village's 决议公开
and 实施结果公开 share (``dangjian_core.calendar.notices``)."""

from __future__ import annotations

from datetime import date

import pytest

from dangjian_core.calendar.notices import (
    NoticePeriod,
    early_breach,
    notice_period,
    outside_breach,
    period_breach,
)
from dangjian_core.calendar.workdays import Calendar, HolidaysUndeclared
from tests.calendars import official


def test_a_notice_runs_its_working_days_over_the_official_holidays() -> None:
    # 国庆 2018: 10-01 … 10-07 off, 09-29 and 09-30 (a weekend) made up: 28, 29, 30, 8, 9.
    period = notice_period(official(), date(2018, 9, 28), 5)

    assert period == NoticePeriod(date(2018, 9, 28), 5, date(2018, 10, 9))


def test_a_notice_in_a_year_without_declared_holidays_is_refused() -> None:
    with pytest.raises(HolidaysUndeclared):
        notice_period(Calendar(), date(2018, 9, 28), 5)


@pytest.mark.parametrize(
    ("days", "minimum", "rule"),
    [(0, 1, "notice_period_required"), (3, 5, "notice_period_minimum"), (5, 5, None)],
)
def test_a_notice_names_its_period_of_at_least_the_minimum(
    days: int, minimum: int, rule: str | None
) -> None:
    breach = period_breach(days, minimum)

    assert (breach and breach.rule) == rule


def test_objections_are_filed_within_the_period_both_ends_included() -> None:
    period = NoticePeriod(date(2018, 1, 19), 5, date(2018, 1, 25))

    assert outside_breach(period, date(2018, 1, 19)) is None
    assert outside_breach(period, date(2018, 1, 25)) is None
    late = outside_breach(period, date(2018, 1, 26))
    assert late is not None
    assert late.rule == "notice_period"
    assert "公示期为 2018-01-19 至 2018-01-25, 2018-01-26 不在公示期内" == late.zh


def test_what_waits_for_the_notice_happens_only_after_its_last_day() -> None:
    period = NoticePeriod(date(2018, 1, 19), 5, date(2018, 1, 25))

    early = early_breach(period, date(2018, 1, 25), ("确定名单", "confirm"))
    assert early is not None
    assert early.zh == "公示期至 2018-01-25, 期满后才能确定名单"
    assert early_breach(period, date(2018, 1, 26), ("确定名单", "confirm")) is None
