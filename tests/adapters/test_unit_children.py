"""Dissolving a unit with units below it is refused on every store, naming the children —
including a child founded after the store's views were last brought up to date."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from adapters.app import open_app
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units import hierarchy
from dangjian_core.units.commands import DissolveUnit, FoundUnit, MergeUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.state import UnitHasChildren, UnitState
from tests.core.org import COUNTY, DAY0

TOWN, VILLAGE, LATE = BranchId("town"), BranchId("village"), BranchId("late-village")


def _at(days: float) -> datetime:
    return DAY0 + timedelta(days=days)


def test_a_unit_with_children_is_not_dissolved_and_nothing_is_written(store_url: str) -> None:
    with open_app(store_url) as app:
        app.handle(FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "镇党委", None, 1, COUNTY, _at(0)))
        app.handle(FoundUnit(VILLAGE, UnitKind.BRANCH, "村党支部", TOWN, 1, COUNTY, _at(0)))
        app.queries.tree(_at(1))  # the views catch up here
        app.handle(FoundUnit(LATE, UnitKind.BRANCH, "新村党支部", TOWN, 1, COUNTY, _at(1)))
        before = app.store.max_position()

        with pytest.raises(UnitHasChildren) as refusal:
            app.handle(DissolveUnit(TOWN, "撤并", COUNTY, _at(2)))

        assert [LATE, VILLAGE] == sorted(refusal.value.children)
        assert before == app.store.max_position()
        app.handle(DissolveUnit(VILLAGE, "撤并", COUNTY, _at(2)))
        app.handle(DissolveUnit(LATE, "撤并", COUNTY, _at(2)))
        assert app.handle(DissolveUnit(TOWN, "撤并", COUNTY, _at(3))).changed


def test_a_dissolve_folds_only_the_units_ever_placed_under_it(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a town, a second town with a branch merged into it (so the branch now reports
    # to the first town), and ten unrelated towns
    other = BranchId("town-b")
    with open_app(store_url) as app:
        app.handle(FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "镇党委", None, 1, COUNTY, _at(0)))
        app.handle(FoundUnit(other, UnitKind.TOWN_COMMITTEE, "乙镇党委", None, 1, COUNTY, _at(0)))
        app.handle(FoundUnit(VILLAGE, UnitKind.BRANCH, "村党支部", other, 1, COUNTY, _at(0)))
        for n in range(10):
            town = BranchId(f"far-{n}")
            app.handle(FoundUnit(town, UnitKind.TOWN_COMMITTEE, "远镇", None, 1, COUNTY, _at(0)))
        app.handle(MergeUnit(other, TOWN, "合并", COUNTY, _at(1)))
        folded: list[str] = []
        among = hierarchy.children_among

        def spying(facts: Any, units: list[UnitState], unit_id: str, at: datetime) -> Any:
            folded.extend(unit.unit_id for unit in units)
            return among(facts, units, unit_id, at)

        def every_unit(*_: object) -> None:
            raise AssertionError("every unit was folded")

        monkeypatch.setattr(hierarchy, "children_among", spying)
        monkeypatch.setattr(hierarchy, "states_of", every_unit)

        # when the first town is to be dissolved
        with pytest.raises(UnitHasChildren) as refusal:
            app.handle(DissolveUnit(TOWN, "撤并", COUNTY, _at(2)))

        # then the branch handed over with the merged town is found, and only it was
        # folded: none of the unrelated towns
        assert ([VILLAGE], [VILLAGE]) == (list(refusal.value.children), folded)
