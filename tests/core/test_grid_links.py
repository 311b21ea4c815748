"""1+6+N: who owes links, and which pairs went unvisited — the grid's pure query rules."""

from __future__ import annotations

import pytest

from dangjian_core.grids.queries import (
    EXEMPT_AGE,
    LINK_QUOTA,
    MemberLinks,
    is_stale,
    link_shortfalls,
    owes_links,
)
from dangjian_core.people.events import PartyStatus

YEAR = 2024


def member(**changes: object) -> MemberLinks:
    fields: dict[str, object] = {
        "person_id": "hu",
        "name": "胡",
        "status": PartyStatus.FULL,
        "birth_year": 1970,
        "exempt": False,
        "households": LINK_QUOTA - 1,
    }
    return MemberLinks(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "owes"),
    [
        ({}, True),
        ({"households": LINK_QUOTA}, False),
        ({"status": PartyStatus.PROBATIONARY}, True),
        ({"status": PartyStatus.ACTIVIST}, False),
        ({"exempt": True}, False),
        ({"birth_year": YEAR - EXEMPT_AGE}, True),  # exactly seventy: still asked
        ({"birth_year": YEAR - EXEMPT_AGE - 1}, False),
        ({"birth_year": None}, True),
    ],
)
def test_the_quota_applies_to_members_under_seventy_not_exempted(
    changes: dict[str, object], owes: bool
) -> None:
    assert owes == owes_links(member(**changes), YEAR)


def test_shortfalls_keep_the_roll_order() -> None:
    members = [member(person_id="b"), member(person_id="a", households=6), member(person_id="c")]

    assert ["b", "c"] == [m.person_id for m in link_shortfalls(members, YEAR)]


def test_a_pair_is_stale_without_a_visit_since_the_day() -> None:
    assert is_stale([], "2024-03-01")
    assert is_stale(["2024-02-28"], "2024-03-01")
    assert not is_stale(["2024-02-28", "2024-03-01"], "2024-03-01")
