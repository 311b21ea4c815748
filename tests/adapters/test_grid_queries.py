"""网格查询: the 1+6+N shortfall report and the stale-pairs report over the read models."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.views.grids import shortfalls, stale_pairs
from dangjian_core.grids.commands import (
    AddHousehold,
    ExemptFromLinking,
    LinkHousehold,
    LogVisit,
    PairHousehold,
)
from dangjian_core.grids.queries import is_stale
from dangjian_core.people.commands import RecordPersonDetails
from dangjian_core.people.events import Gender
from tests.core.given import Village
from tests.core.org import CHEN, HOUSEHOLD, LV, QINGWEIJIE, SMALL, WANG, WU, later, task_town

AT = later(10)


def paired() -> Village:
    """The task town with 陈天云 paired with 吕大伯's low-income household."""
    village = task_town()
    village.handle(PairHousehold(SMALL, HOUSEHOLD, CHEN, LV, AT))
    return village


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 60), max_size=6), st.integers(1, 90))
def test_a_pair_is_stale_exactly_when_no_visit_falls_in_the_period(
    offsets: list[int], period: int
) -> None:
    village = paired()
    for offset in offsets:
        day = AT.date() - timedelta(days=offset)
        village.handle(LogVisit(SMALL, HOUSEHOLD, CHEN, day, "走访", CHEN, AT))
    since = (AT.date() - timedelta(days=period)).isoformat()

    stale = stale_pairs(village.views(), QINGWEIJIE, since)  # type: ignore[arg-type]

    assert bool(stale) == all(offset > period for offset in offsets)
    if stale:
        assert (CHEN, "吕大伯", len(offsets)) == (
            stale[0].person_id,
            stale[0].head,
            stale[0].visits,
        )


def test_members_below_six_households_are_listed_unless_old_or_exempt() -> None:
    village = task_town()
    for n in range(2, 7):
        village.handle(AddHousehold(SMALL, f"h{n}", f"户主{n}", False, LV, AT))
        village.handle(LinkHousehold(SMALL, f"h{n}", CHEN, LV, AT))
    village.handle(RecordPersonDetails(LV, Gender.MALE, 1940, "", "", WANG, AT))
    village.handle(ExemptFromLinking(SMALL, WU, "患病", LV, AT))

    short = shortfalls(village.views(), QINGWEIJIE, 2018)  # type: ignore[arg-type]

    assert [] == short  # 陈天云 serves six; 吕革新 is 78; 吴志远 is exempt


def test_a_gap_before_the_day_asked_about_is_not_hidden_by_a_later_visit() -> None:
    # Given 陈天云 paired with 吕大伯, visiting 12 days ago and then only 1 day ago
    village = paired()
    today = AT.date()
    for back in (12, 1):
        day = today - timedelta(days=back)
        village.handle(LogVisit(SMALL, HOUSEHOLD, CHEN, day, "走访", CHEN, AT))

    # When the pairs are checked as they stood 3 days ago, for the 7 days before that
    until = today - timedelta(days=3)
    since = (until - timedelta(days=7)).isoformat()
    stale = stale_pairs(village.views(), QINGWEIJIE, since, until.isoformat())  # type: ignore[arg-type]

    # Then the pair is stale, its last visit by then 12 days ago (one visit by then)
    last = (today - timedelta(days=12)).isoformat()
    assert [(last, 1)] == [(s.last_visit, s.visits) for s in stale]


def test_visits_after_the_day_asked_about_never_count() -> None:
    assert is_stale(["2018-04-12"], "2018-04-03", "2018-04-10")
    assert not is_stale(["2018-04-05", "2018-04-12"], "2018-04-03", "2018-04-10")
    assert not is_stale(["2018-04-12"], "2018-04-03")
