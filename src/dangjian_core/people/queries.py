"""人员查询 — 党龄: party age and "my N-th decade in the party" (我入党的第N个十年, seed 000).

Party age counts from the day a person became a full member (the Party Constitution:
党龄从预备期满转为正式党员之日算起); time suspended or out of the party does not count.
At exactly ten years a member is completing their first decade (第一个10年), as in the
seed story where "10年前,我光荣加入中国共产党" heads 第一个10年.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from dangjian_core.people.events import PartyStatus
from dangjian_core.people.pipeline import add_years

if TYPE_CHECKING:
    from dangjian_core.people.state import StatusPeriod

#: Statuses during which party age grows, once a person has been a full member.
COUNTED = frozenset({PartyStatus.FULL, PartyStatus.TRANSFERRED_OUT})
_NUMERALS = "一二三四五六七八九十"


@frozen
class PartyAge:
    """党龄 — completed years as a full member, the day they count from, and the decade."""

    counted_from: date
    years: int
    decade: int

    @property
    def decade_label(self) -> str:
        """``第一个10年`` … as the seed story titles its members."""
        numeral = _NUMERALS[self.decade - 1] if self.decade <= len(_NUMERALS) else str(self.decade)
        return f"第{numeral}个10年"


def party_age(history: tuple[StatusPeriod, ...], on: date) -> PartyAge | None:
    """The party age on ``on``, or None for someone not (yet) a full member then."""
    periods = [p for p in history if p.since <= on]
    firsts = [p.since for p in periods if p.status == PartyStatus.FULL]
    if not firsts:
        return None
    uncounted = timedelta()
    ends = [p.since for p in periods[1:]] + [on]
    for period, end in zip(periods, ends, strict=True):
        if end > firsts[0] and period.status not in COUNTED:
            uncounted += end - max(period.since, firsts[0])
    start = firsts[0] + uncounted
    years = _completed_years(start, on)
    decade = 1
    while add_years(start, 10 * decade) < on:
        decade += 1
    return PartyAge(start, years, decade)


def _completed_years(start: date, on: date) -> int:
    years = on.year - start.year
    return years if add_years(start, years) <= on else years - 1
