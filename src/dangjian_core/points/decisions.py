"""积分决策 — only the secretary of the unit adjusts points, always with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from dangjian_core import permissions
from dangjian_core.points.commands import AdjustPoints, PointsCommand
from dangjian_core.points.events import PointsAdjusted, PointsEvent
from dangjian_core.shared.errors import DomainError, UnknownSubject
from dangjian_core.shared.time import cycle_of
from dangjian_core.tasks.guards import points_cycle_open
from dangjian_core.units.guards import alive, other
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.roles import ADJUSTERS

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

AdjustmentState = PointsAdjusted | None


class PointsError(DomainError):
    """积分错误 — a points command was refused."""

    code = "points"


def initial_state() -> AdjustmentState:
    """An adjustment stream starts empty."""
    return None


def decide(
    command: PointsCommand, state: AdjustmentState, directory: Directory
) -> list[PointsEvent]:
    """Decide a points command; an adjustment id is used once."""
    match command:
        case AdjustPoints():
            return _adjust(command, state, directory)
        case _:
            assert_never(command)


def evolve_state(state: AdjustmentState, event: PointsEvent) -> AdjustmentState:  # noqa: ARG001
    """An adjustment's state is the adjustment itself (so the previous state is unused)."""
    match event:
        case PointsAdjusted():
            return event
        case _:
            assert_never(event)


def _adjust(
    command: AdjustPoints, state: AdjustmentState, directory: Directory
) -> list[PointsEvent]:
    branch = other(directory, command.branch_id)
    what = permissions.ADJUST
    permissions.enforce(
        permissions.hold_role(branch, command.actor_id, ADJUSTERS, command.at, what)
    )
    alive(branch, command.at)
    person = directory.person(command.person_id)
    home = (
        None if person is None else live_unit(directory, person.branch_at(command.at), command.at)
    )
    if home is None or home.unit_id != command.branch_id:
        raise UnknownSubject(
            f"{command.person_id} 不是本支部登记人员",
            f"{command.person_id} is not on branch {command.branch_id}'s roll",
        )
    cycle = cycle_of(command.at, branch.cycle_start_month)
    points_cycle_open(directory, command.branch_id, cycle)
    event = PointsAdjusted(
        command.adjustment_id,
        command.branch_id,
        command.person_id,
        cycle,
        command.category,
        command.delta,
        command.reason,
    )
    if state is not None:
        if state == event:
            return []
        raise PointsError(
            f"调整编号 {command.adjustment_id} 已被使用",
            f"adjustment id {command.adjustment_id} was already used",
        )
    return [event]
