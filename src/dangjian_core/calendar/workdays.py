"""工作日 — a calendar of working days and the arithmetic deadlines need.

A day is a working day unless it is a weekend day or a declared holiday (节假日); a
declared make-up working day (调休上班, e.g. a Saturday) is a working day even at a
weekend. An empty calendar knows only weekends.
"""

from __future__ import annotations

from datetime import date, timedelta

from attrs import field, frozen

from dangjian_core.kernel.errors import InvalidCommand

ONE_DAY = timedelta(days=1)
#: ``date.weekday()`` of Saturday; Saturday and Sunday are the weekend.
SATURDAY = 5


def is_weekend(day: date) -> bool:
    """Whether ``day`` is a Saturday or a Sunday."""
    return day.weekday() >= SATURDAY


@frozen
class Calendar:
    """工作日历 — declared holidays and make-up working days; a declared working day wins
    over a holiday on the same date."""

    holidays: frozenset[date] = field(factory=frozenset)
    workdays: frozenset[date] = field(factory=frozenset)

    def is_working(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        if day in self.workdays:
            return True
        return day not in self.holidays and not is_weekend(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The last day of a period of ``n`` working days beginning on ``start`` (``start``
        counts when it is a working day): ``add_working_days(monday, 1)`` is that Monday."""
        if n < 1:
            raise ValueError(f"a period needs at least one working day, not {n}")
        day, counted = start, 0
        while True:
            if self.is_working(day):
                counted += 1
                if counted == n:
                    return day
            day += ONE_DAY

    @property
    def declared_years(self) -> frozenset[int]:
        """The years for which holidays were declared (``calendar import-official`` or by hand)."""
        return frozenset(d.year for d in self.holidays)

    def notice_period_end(self, start: date, days: int) -> date:
        """The last day of a public notice of ``days`` working days from ``start``.

        A notice counts working days, so it may only start where the calendar knows the
        year's holidays: a 5-day 公示 posted on 2024-09-30 with no 国庆 declared would end
        in the middle of the holiday. Refused with :class:`HolidaysUndeclared` when the
        year of its start or of its end has no declared holidays.
        """
        end = self.add_working_days(start, days)
        missing = sorted({start.year, end.year} - self.declared_years)
        if missing:
            years = "、".join(str(y) for y in missing)
            raise HolidaysUndeclared(
                f"{years} 年的法定节假日尚未公布, 不能计算公示期; "
                f"请先运行 dangjian calendar import-official --year {missing[0]}",
                f"no holidays are declared for {years}, so a notice period cannot be counted; "
                f"run `dangjian calendar import-official --year {missing[0]}` first",
            )
        return end

    def working_days_between(self, first: date, last: date) -> int:
        """How many working days lie from ``first`` to ``last``, both included (0 when
        ``last`` is before ``first``)."""
        if last < first:
            return 0
        span = (last - first).days + 1
        weeks, rest = divmod(span, 7)
        count = weeks * 5 + sum(1 for i in range(rest) if not is_weekend(first + timedelta(days=i)))
        count -= sum(
            1
            for d in self.holidays
            if first <= d <= last and not is_weekend(d) and d not in self.workdays
        )
        count += sum(1 for d in self.workdays if first <= d <= last and is_weekend(d))
        return count

    def non_working_days(self, first: date, last: date) -> list[date]:
        """Every day from ``first`` to ``last`` (both included) that is not a working day."""
        days = (first + timedelta(days=i) for i in range((last - first).days + 1))
        return [d for d in days if not self.is_working(d)]


class HolidaysUndeclared(InvalidCommand):
    """节假日未公布 — a notice period would count working days in a year whose holidays the
    calendar does not know."""

    code = "holidays_undeclared"
