"""Dissolving a unit with units below it is refused on every store, naming the children —
including a child founded after the store's views were last brought up to date."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from adapters.app import open_app
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units.commands import DissolveUnit, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.state import UnitHasChildren
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
