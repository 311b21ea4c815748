"""网格查询规则 — the 1+6+N rule and the support pairs' visiting rule, as pure functions
over typed rows (the views select the rows; these decide who falls short).

- 联户 1+6+N: each full or probationary member serves at least :data:`LINK_QUOTA`
  households of the branch's grid; members over :data:`EXEMPT_AGE` in the year, and those
  exempted (ill, say), are left out;
- 结对帮扶: a pair with no visit from a day up to the day asked about is stale.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from dangjian_core.people.events import PartyStatus

#: 1+6+N: each member serves at least this many households.
LINK_QUOTA = 6
#: Members older than this (in the year asked about) are exempt from the quota.
EXEMPT_AGE = 70
#: Who the quota applies to.
QUOTA_STATUSES = frozenset({PartyStatus.FULL, PartyStatus.PROBATIONARY})


@frozen
class MemberLinks:
    """联户情况 — one person on the roll: status, birth year, exemption, households served."""

    person_id: str
    name: str
    status: PartyStatus
    birth_year: int | None
    exempt: bool
    households: int


def owes_links(member: MemberLinks, year: int) -> bool:
    """Whether the 1+6+N quota applies to the member in ``year`` and they fall short of it."""
    if member.status not in QUOTA_STATUSES or member.exempt:
        return False
    if member.birth_year is not None and year - member.birth_year > EXEMPT_AGE:
        return False
    return member.households < LINK_QUOTA


def link_shortfalls(members: Iterable[MemberLinks], year: int) -> list[MemberLinks]:
    """The members who owe links in ``year``, in the order given."""
    return [member for member in members if owes_links(member, year)]


def is_stale(visit_days: Iterable[str], since: str, until: str | None = None) -> bool:
    """Whether a pair had no visit from ``since`` to ``until`` (both days included; ISO
    dates compare as text). A visit after ``until`` never counts: it did not yet exist on
    the day asked about."""
    last = last_visit(visit_days, until)
    return last is None or last < since


def last_visit(visit_days: Iterable[str], until: str | None = None) -> str | None:
    """The latest visit on or before ``until`` (any, when ``until`` is None)."""
    return max((d for d in visit_days if until is None or d <= until), default=None)
