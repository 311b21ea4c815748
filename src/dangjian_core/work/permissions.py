"""中心工作权限 — a unit's work items are issued, split, revised, cancelled, linked to tasks
and reported on by the unit's own secretary or organizing member; a share is accepted
by the receiving unit's. :func:`replay` asks the same of a recorded work event."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.authority import Rule, What, enforce, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UNIT
from dangjian_core.work.events import WorkEvent, WorkItemIssued, WorkShareAccepted
from dangjian_core.work.state import WorkItemState

WORK: What = (
    "部署、分解、调整、取消或推进中心工作",
    "issue, split, revise, cancel or report on the work of",
)
ACCEPT_WORK: What = ("承接中心工作", "accept work for")


def run_work(
    facts: Facts, unit_id: str, actor_id: str, at: datetime, what: What = WORK
) -> Rule | None:
    """中心工作: the unit's own secretary or organizing member (``ACCEPT_WORK``: of the
    receiving unit)."""
    unit = facts.get(UNIT, unit_id)
    if unit is None:
        return unknown(unit_id)
    if unit.has_role(actor_id, (Role.SECRETARY, Role.ORGANIZING), at):
        return None
    return Rule(
        "lead_work",
        f"{actor_id} 无权为 {unit_id} {what[0]}(需其书记、组织委员)",
        f"{actor_id} may not {what[1]} {unit_id}: needs its secretary or organizing member",
    )


def lead(facts: Facts, unit_id: str, actor_id: str, at: datetime) -> None:
    """Refuse unless the actor is the unit's secretary or organizing member then."""
    enforce(run_work(facts, unit_id, actor_id, at))


def replay(
    recorded: Recorded[WorkEvent], facts: Facts, before: WorkItemState | None
) -> Rule | None:
    """The rule a recorded work event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, WorkShareAccepted):
        return run_work(facts, event.unit_id, actor, at, ACCEPT_WORK)
    if isinstance(event, WorkItemIssued):
        return run_work(facts, event.unit_id, actor, at)
    if before is None:
        return unknown(event.item_id)
    return run_work(facts, before.unit_id, actor, at)
