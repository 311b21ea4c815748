"""红色全覆盖 The enterprise register (seed 004: 98 above-scale enterprises; 永康多德士工贸
founded its branch on the 9th): given the town of :mod:`tests.core.org`, when a register
command is handled, then the events or the typed refusal; and the coverage ratio on a day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core.coverage.events import (
    EnterpriseDelisted,
    EnterpriseListed,
    OrganizationForm,
    PartyOrganizationFounded,
)
from dangjian_core.coverage.queries import EnterpriseRow, coverage, over_time
from dangjian_core.coverage.state import CoverageError
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized
from tests.core.coverage_given import DUODESHI, JANUARY, JULY_9, at, delisting, founding, listing
from tests.core.org import CHEN, QINGWEIJIE, TOWN, task_town


def test_the_town_lists_an_enterprise_once() -> None:
    village = task_town()

    assert [EnterpriseListed(TOWN, DUODESHI, "永康多德士工贸", JANUARY)] == village.handle(
        listing()
    )
    assert [] == village.handle(listing())
    assert isinstance(village.attempt(listing(name="别的企业")), CoverageError)


def test_only_the_towns_leaders_keep_the_register() -> None:
    assert isinstance(task_town().attempt(listing(actor=CHEN)), Unauthorized)


def test_a_listed_enterprise_founds_its_party_organization_once() -> None:
    # Given 多德士工贸 on the register; when its branch is recorded as founded on 9 July
    village = task_town()
    village.handle(listing())
    events = village.handle(founding())

    # Then the founding is recorded; again, nothing changes; another day is refused
    assert [PartyOrganizationFounded(TOWN, DUODESHI, JULY_9, OrganizationForm.OWN, None)] == events
    assert [] == village.handle(founding())
    assert isinstance(village.attempt(founding(JULY_9 + timedelta(days=1))), CoverageError)


def test_an_unlisted_enterprise_founds_nothing() -> None:
    assert isinstance(task_town().attempt(founding()), CoverageError)


def test_a_founding_is_not_recorded_ahead_of_its_day() -> None:
    village = task_town()
    village.handle(listing())
    ahead = founding()
    early = type(ahead)(
        ahead.unit_id, DUODESHI, JULY_9, ahead.form, ahead.actor_id, at(JULY_9 - timedelta(days=1))
    )

    assert isinstance(village.attempt(early), InvalidCommand)


def test_the_organization_named_must_lie_under_the_town() -> None:
    village = task_town()
    village.handle(listing())

    assert isinstance(village.attempt(founding(branch_id="elsewhere")), CoverageError)
    [founded] = village.handle(founding(branch_id=QINGWEIJIE))
    assert isinstance(founded, PartyOrganizationFounded)


def test_an_enterprise_leaves_the_register_once_not_before_it_was_listed() -> None:
    village = task_town()
    village.handle(listing())
    day = date(2018, 9, 1)

    assert [EnterpriseDelisted(TOWN, DUODESHI, day, "迁出")] == village.handle(delisting(day))
    assert [] == village.handle(delisting(day))
    assert isinstance(village.attempt(delisting(day + timedelta(days=1))), CoverageError)
    later = task_town()
    later.handle(listing())
    assert isinstance(later.attempt(delisting(JANUARY - timedelta(days=1))), CoverageError)


def _row(n: int, founded: date | None, delisted: date | None = None) -> EnterpriseRow:
    return EnterpriseRow(f"e{n}", f"企业{n}", JANUARY, founded, delisted)


def test_the_ratio_counts_foundings_up_to_the_day_only() -> None:
    # Given 4 enterprises: two founded in March, one on 9 July, one never
    rows = [_row(1, date(2018, 3, 1)), _row(2, date(2018, 3, 5)), _row(3, JULY_9), _row(4, None)]

    # When the coverage is asked on 8 July and on 9 July
    before, after = over_time(rows, [JULY_9, JULY_9 - timedelta(days=1)])

    # Then 2 of 4 (e3, e4 uncovered), then 3 of 4
    assert (4, 2, ("e3", "e4"), 50.0) == (
        before.listed,
        before.covered,
        before.uncovered,
        before.percent,
    )
    assert (3, 75.0) == (after.covered, after.percent)


def test_a_delisted_enterprise_no_longer_counts() -> None:
    rows = [_row(1, None, delisted=date(2018, 5, 1)), _row(2, date(2018, 2, 1))]

    assert (1, 1) == (
        coverage(rows, date(2018, 6, 1)).listed,
        coverage(rows, date(2018, 6, 1)).covered,
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 200), st.none() | st.integers(0, 300)), max_size=30),
    st.integers(0, 365),
)
def test_every_enterprise_on_the_register_is_covered_or_named_uncovered_exactly_once(
    entries: list[tuple[int, int | None]], asked: int
) -> None:
    rows = [
        EnterpriseRow(
            f"e{n}",
            "企业",
            JANUARY + timedelta(days=listed),
            None if founded is None else JANUARY + timedelta(days=founded),
            None,
        )
        for n, (listed, founded) in enumerate(entries)
    ]
    found = coverage(rows, JANUARY + timedelta(days=asked))

    assert found.covered + len(found.uncovered) == found.listed
    assert len(set(found.uncovered)) == len(found.uncovered)
    assert 0.0 <= found.percent <= 100.0
