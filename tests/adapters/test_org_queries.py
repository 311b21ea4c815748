"""The organisation read models on each store: the tree at a date, role holders, a person
with party age, the pipeline — the same answers the core gives from folded states."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from adapters.app import Dangjian, open_app
from dangjian_core.units.commands import MergeUnit, MoveUnit, RenameUnit
from dangjian_core.units.queries import tree_at
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UnitState
from tests.core.given import Village
from tests.core.org import (
    CHEN,
    GUANCHUAN,
    HU,
    LV,
    QINGWEIJIE,
    TOWN,
    WANG,
    ZONGZHI,
    later,
    setup,
)

HISTORY = [
    RenameUnit(QINGWEIJIE, "清渭街社区党支部", WANG, later(10)),
    MoveUnit(QINGWEIJIE, TOWN, "总支调整", WANG, later(20)),
    MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(30)),
]


@pytest.fixture
def town_app(store_url: str) -> Iterator[Dangjian]:
    """The 象珠镇 of :mod:`tests.core.org` and a year of changes, on each backend."""
    app = open_app(store_url)
    for command in [*setup(), *HISTORY]:
        app.handle(command)
    yield app
    app.close()


def folded() -> list[UnitState]:
    village = Village()
    for command in [*setup(), *HISTORY]:
        village.handle(command)
    return [s for s in village.states.values() if isinstance(s, UnitState)]


@pytest.mark.parametrize("days", [0.5, 15, 25, 35])
def test_the_tree_from_the_views_is_the_tree_from_the_streams(
    town_app: Dangjian, days: float
) -> None:
    assert tree_at(folded(), later(days)) == town_app.queries.tree(later(days))


def test_the_roll_of_the_survivor_includes_the_merged_units_people(town_app: Dangjian) -> None:
    people = {row["person_id"] for row in town_app.queries.branch(QINGWEIJIE).people}

    assert {HU, LV, CHEN} == people
    assert 3 == town_app.queries.roll_sizes()[QINGWEIJIE]


def test_role_holders_at_a_date_come_from_the_terms(town_app: Dangjian) -> None:
    before = town_app.queries.holders(GUANCHUAN, later(29))
    after = town_app.queries.holders(GUANCHUAN, later(30))

    assert [(HU, Role.SECRETARY)] == [(h.person_id, h.role) for h in before]
    assert [] == after


def test_a_person_has_a_party_age_and_the_pipeline_a_row_per_person(town_app: Dangjian) -> None:
    person = town_app.queries.person(WANG, date(2021, 7, 1))
    pipeline = town_app.queries.pipeline(QINGWEIJIE)

    assert person.party_age is not None
    assert (31, "第四个10年") == (person.party_age.years, person.party_age.decade_label)
    assert [(CHEN, None), (HU, None), (LV, None)] == [(e.person_id, e.next_step) for e in pipeline]
    assert [] == town_app.queries.pipeline(ZONGZHI)
