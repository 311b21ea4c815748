"""职责履行查询 — compliance with a duty's cadence, as pure functions over the days it was
patrolled (the views select the days; these find the gaps). Always computed for a day
passed in (``on``), never the clock; a patrol after that day does not count.

- 按天 (every N days): a day is kept when some patrol falls within the N days ending on it
  (the day before the duty began counts as a patrol, so the first is due on its N-th
  day). A gap is each stretch of days not kept: from the N-th day after a patrol (the
  day the next one was due and did not come) to the day before the next patrol (or to
  ``on``: open);
- 按月 (every N calendar months): the months from the duty's start are cut into periods of
  N months (the first from the start day); a gap is each ended period with no patrol;
- nothing is counted after the duty ended, nor before it began; every gap is reported
  exactly once, in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from attrs import frozen

from dangjian_core.duties.events import CadenceUnit


@frozen
class Cadence:
    """履职周期 — at least once in every ``every`` days or calendar months, from ``since``
    until ``ended`` (if it ended)."""

    every: int
    unit: CadenceUnit
    since: date
    ended: date | None = None


@frozen
class Gap:
    """履职缺口 — a stretch with no patrol when one was due: ``first`` to ``last`` (both
    included), the patrol before it (``after``), and whether it was still open on the day
    asked about."""

    first: date
    last: date
    after: date | None
    open: bool

    @property
    def days(self) -> int:
        """How many days the gap lasted."""
        return (self.last - self.first).days + 1


@frozen
class Compliance:
    """履职情况 — on a day: patrols counted, gaps, and the last patrol by then."""

    on: date
    patrols: int
    last: date | None
    gaps: tuple[Gap, ...]

    @property
    def kept(self) -> bool:
        """Whether the duty had no gap at all up to the day."""
        return not self.gaps


def compliance(cadence: Cadence, patrol_days: Iterable[date], on: date) -> Compliance:
    """The duty's record as it stood on ``on``: the patrols from its start up to ``on``
    (and its end), and every gap."""
    end = on if cadence.ended is None else min(on, cadence.ended)
    days = sorted({d for d in patrol_days if cadence.since <= d <= end})
    found = gaps(cadence, days, on)
    return Compliance(on, len(days), days[-1] if days else None, tuple(found))


def gaps(cadence: Cadence, patrol_days: Iterable[date], on: date) -> list[Gap]:
    """Every gap in the duty's record up to ``on``, in order, each once."""
    end = on if cadence.ended is None else min(on, cadence.ended)
    days = sorted({d for d in patrol_days if cadence.since <= d <= end})
    if end < cadence.since:
        return []
    if cadence.unit == CadenceUnit.DAY:
        return _day_gaps(cadence, days, end, on)
    return _month_gaps(cadence, days, end)


def _day_gaps(cadence: Cadence, days: list[date], end: date, on: date) -> list[Gap]:
    every = timedelta(days=cadence.every)
    found = []
    anchor = cadence.since - timedelta(days=1)
    last: date | None = None
    for day in [*days, None]:
        limit = end if day is None else day - timedelta(days=1)
        due = anchor + every
        if limit >= due:
            still = day is None and end == on and cadence.ended is None
            found.append(Gap(due, limit, last, still))
        if day is not None:
            anchor = last = day
    return found


def _month_gaps(cadence: Cadence, days: list[date], end: date) -> list[Gap]:
    found = []
    first = cadence.since
    last: date | None = None
    while first <= end:
        after = _add_months(first.replace(day=1), cadence.every)
        closing = after - timedelta(days=1)
        within = [d for d in days if first <= d <= closing]
        if not within and closing <= end:
            found.append(Gap(first, closing, last, False))
        if within:
            last = within[-1]
        first = after
    return found


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def gap_days(found: Iterable[Gap]) -> list[date]:
    """Every day that lies in one of the gaps, in order (a day twice would be a gap
    reported twice)."""
    return [g.first + timedelta(days=n) for g in found for n in range(g.days)]
