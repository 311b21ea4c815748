"""未履约 — what a no-show costs under the points scheme in force (a versioned rule, as the
scheme's other rules).

- 扣分: when a task is concluded (任务已结束), each no-show is followed by the deduction
  ``no-show`` in the unit's evaluation of the no-show's cycle, made by the same actor; the
  scheme's ``[no_show] deduction`` names the item applied (nothing without one);
- 限领: for ``[no_show] block_days`` days after the task was concluded, the person may
  claim no task of the unit (the scheme in force for the cycle of the claim decides).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from dangjian_core.evaluation.commands import ApplyDeduction
from dangjian_core.evaluation.scheme import NO_SHOW_CODE, Scheme
from dangjian_core.evaluation.state import EVALUATION, EvaluationError, evaluation_id
from dangjian_core.kernel.concept import FollowUp
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import cycle_of
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.events import TaskConcluded
from dangjian_core.tasks.projections import CLAIMS
from dangjian_core.tasks.state import TASK, ClaimStatus
from dangjian_core.units.state import UNIT


class ClaimingBlocked(EvaluationError):
    """限领中 — a recent no-show keeps the person from claiming, by the scheme's rule."""

    code = "claiming_blocked"


def deduction_id(task_id: str, person_id: str) -> str:
    """The deduction id of one no-show: the same for every retry of the follow-up."""
    digest = hashlib.sha256(f"{task_id}\n{person_id}".encode()).hexdigest()[:24]
    return f"no-show-{digest}"


def follow_ups(recorded: Recorded[Any]) -> list[FollowUp]:
    """Each no-show of a concluded task asks for the scheme's no-show deduction."""
    event = recorded.event
    if not isinstance(event, TaskConcluded):
        return []
    prefix = f"follow:{recorded.stream_id}:{recorded.version}"
    return [
        FollowUp(
            f"{prefix}:no-show:{person_id}",
            ApplyDeduction(
                BranchId(event.branch_id),
                event.cycle,
                deduction_id(event.task_id, person_id),
                PersonId(person_id),
                NO_SHOW_CODE,
                f"任务 {event.task_id} 领办后未履约",
                recorded.actor_id,
                recorded.at,
            ),
        )
        for person_id in event.no_shows
    ]


def blocked_until(facts: Facts, unit_id: str, person_id: str, at: datetime) -> datetime | None:
    """Until when a recent no-show keeps the person from claiming the unit's tasks."""
    unit = facts.get(UNIT, unit_id)
    if unit is None:
        return None
    evaluation = facts.get(EVALUATION, evaluation_id(unit_id, cycle_of(at, unit.cycle_start_month)))
    scheme = None if evaluation is None else evaluation.scheme
    days = 0 if scheme is None or scheme.no_show is None else scheme.no_show.block_days
    if not days:
        return None
    missed = facts.rows(CLAIMS, {"person_id": person_id, "status": ClaimStatus.NO_SHOW.value})
    ends = [
        datetime.fromisoformat(str(row["updated_at"])) + timedelta(days=days)
        for row in missed
        if row["updated_at"]
    ]
    latest = max(ends, default=None)
    return latest if latest is not None and latest > at else None


def not_blocked(command: ClaimTask, facts: Facts) -> None:
    """Refuse a claim while the person's recent no-show blocks claiming."""
    task = facts.get(TASK, command.task_id)
    if task is None:
        return
    until = blocked_until(facts, task.issued.branch_id, command.actor_id, command.at)
    if until is not None:
        raise ClaimingBlocked(
            f"{command.actor_id} 近期领办后未履约,按积分细则 {until.isoformat()} 前不能领办任务",
            f"{command.actor_id} had a no-show: by the points scheme, no claims until "
            f"{until.isoformat()}",
        )


def rule_text(scheme: Scheme | None) -> str | None:
    """The scheme's no-show rule in words, as the wall's explanation shows it."""
    rule = None if scheme is None else scheme.no_show
    if scheme is None or rule is None:
        return None
    parts = []
    item = scheme.no_show_item()
    if item is not None:
        once = "(每年限一次)" if item.once_a_year else ""
        parts.append(f"每次扣「{item.label}」{item.points} 分, 计入{item.category}{once}")
    if rule.block_days:
        parts.append(f"任务结束后 {rule.block_days} 天内不能领办任务")
    return "未履约(领办后既未提交也未撤回)按积分细则: " + "; ".join(parts)
