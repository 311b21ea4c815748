"""积分决策 — ``decide`` and ``evolve`` for adjustments: a flat table over the rules in
:mod:`~dangjian_core.points.rules`; the state is :mod:`~dangjian_core.points.state`."""

from __future__ import annotations

from typing import assert_never

from dangjian_core.kernel.facts import Facts
from dangjian_core.points import rules
from dangjian_core.points.commands import AdjustPoints, PointsCommand
from dangjian_core.points.events import PointsAdjusted, PointsEvent
from dangjian_core.points.state import AdjustmentState


def decide(command: PointsCommand, state: AdjustmentState, facts: Facts) -> list[PointsEvent]:
    """Decide a points command; an adjustment id is used once."""
    match command:
        case AdjustPoints():
            return rules.adjust(command, state, facts)
        case _:
            assert_never(command)


def evolve(state: AdjustmentState, event: PointsEvent) -> AdjustmentState:  # noqa: ARG001
    """An adjustment's state is the adjustment itself (so the previous state is unused)."""
    match event:
        case PointsAdjusted():
            return event
        case _:
            assert_never(event)
