"""积分决策 — only the branch secretary adjusts points, always with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from dangjian_core.branches.events import Role
from dangjian_core.points.commands import AdjustPoints, PointsCommand
from dangjian_core.points.events import PointsAdjusted, PointsEvent
from dangjian_core.shared.errors import DomainError, Unauthorized, UnknownSubject
from dangjian_core.shared.time import cycle_of

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
    branch = directory.branch(command.branch_id)
    if branch is None:
        raise UnknownSubject(
            f"支部 {command.branch_id} 不存在", f"branch {command.branch_id} does not exist"
        )
    if not branch.has_role(command.actor_id, [Role.SECRETARY], command.at):
        raise Unauthorized(
            f"{command.actor_id} 无权调整积分(需支部书记)",
            f"{command.actor_id} may not adjust points: only the branch secretary may",
        )
    person = directory.person(command.person_id)
    if person is None or person.branch_id != command.branch_id:
        raise UnknownSubject(
            f"{command.person_id} 不是本支部登记人员",
            f"{command.person_id} is not on branch {command.branch_id}'s roll",
        )
    event = PointsAdjusted(
        command.adjustment_id,
        command.branch_id,
        command.person_id,
        cycle_of(command.at, branch.cycle_start_month),
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
