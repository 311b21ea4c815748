"""积分规则 — adjusting points outside tasks (加分/扣分), after authority (the secretary).

- 调整 ``adjust``: for someone on the roll of the living unit, in the cycle of the
  command's time, always with a reason; an adjustment id is used once (the same
  adjustment again changes nothing). (A closed evaluation cycle admits no more
  adjustments: :mod:`dangjian_core.evaluation.policies`.)
"""

from __future__ import annotations

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import cycle_of
from dangjian_core.people.state import PERSON
from dangjian_core.points import permissions as p
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.points.events import PointsAdjusted, PointsEvent
from dangjian_core.points.state import AdjustmentState, PointsError
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.permissions import hold_role
from dangjian_core.units.roles import ADJUSTERS
from dangjian_core.units.state import alive, other


def adjust(command: AdjustPoints, state: AdjustmentState, facts: Facts) -> list[PointsEvent]:
    branch = other(facts, command.branch_id)
    enforce(hold_role(branch, command.actor_id, ADJUSTERS, command.at, p.ADJUST))
    alive(branch, command.at)
    person = facts.get(PERSON, command.person_id)
    home = None if person is None else live_unit(facts, person.branch_at(command.at), command.at)
    if home is None or home.unit_id != command.branch_id:
        raise UnknownSubject(
            f"{command.person_id} 不是本支部登记人员",
            f"{command.person_id} is not on branch {command.branch_id}'s roll",
        )
    cycle = cycle_of(command.at, branch.cycle_start_month)
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
