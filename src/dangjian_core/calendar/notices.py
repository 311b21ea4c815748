"""公示期规则 — the rules every public notice (公示) keeps, whichever concept posts it: the
development list's 公示 and a village matter's 决议公开 and 实施结果公开.

- a notice has a period: ``days`` working days (at least one, and at least the minimum the
  posting rule sets) counted from the day it is posted, on a calendar whose holidays are
  declared (:meth:`Calendar.notice_period_end`);
- objections are filed within the period, both ends included;
- what waits for the notice (confirming the list, implementing the resolution) happens only
  after the period's last day.

Each check returns the :class:`Breach` it finds, or None; the concept raises its own error
with the breach's rule code and messages, so the rule is named the same everywhere.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from dangjian_core.calendar.workdays import Calendar


@frozen
class NoticePeriod:
    """公示期 — a notice posted on ``posted_on`` for ``days`` working days, until ``end``
    (both included)."""

    posted_on: date
    days: int
    end: date

    def open_on(self, day: date) -> bool:
        """Whether ``day`` falls within the period."""
        return self.posted_on <= day <= self.end

    def over_on(self, day: date) -> bool:
        """Whether the period has run out by ``day``."""
        return day > self.end


@frozen
class Breach:
    """违反公示规则 — the rule a notice command broke: its code and the messages that name
    it."""

    rule: str
    zh: str
    en: str


def period_breach(days: int, minimum: int = 1) -> Breach | None:
    """A notice must name its period: at least ``minimum`` (and at least one) working
    days."""
    if days >= max(minimum, 1):
        return None
    if days <= 0:
        return Breach(
            "notice_period_required",
            "公示须写明公示期(工作日天数)",
            "a notice must name its period in working days",
        )
    return Breach(
        "notice_period_minimum",
        f"公示期不少于 {minimum} 个工作日, 不能只公示 {days} 天",
        f"a notice runs at least {minimum} working days, not {days}",
    )


def notice_period(calendar: Calendar, posted_on: date, days: int) -> NoticePeriod:
    """The period of a notice posted on ``posted_on`` for ``days`` working days; refused
    (:class:`HolidaysUndeclared`) where the calendar does not know the year's holidays."""
    return NoticePeriod(posted_on, days, calendar.notice_period_end(posted_on, days))


def outside_breach(period: NoticePeriod, day: date) -> Breach | None:
    """Objections are filed during the period, both ends included."""
    if period.open_on(day):
        return None
    start, end = period.posted_on, period.end
    return Breach(
        "notice_period",
        f"公示期为 {start} 至 {end}, {day} 不在公示期内",
        f"objections are filed from {start} to {end}, not on {day}",
    )


def early_breach(period: NoticePeriod, day: date, what: tuple[str, str]) -> Breach | None:
    """``what`` (Chinese, English) waits until the period is over."""
    if period.over_on(day):
        return None
    return Breach(
        "after_notice",
        f"公示期至 {period.end}, 期满后才能{what[0]}",
        f"the notice runs until {period.end}; {what[1]} after it",
    )
