"""考评约束 — what a closed evaluation cycle requires of other concepts' commands.

- 周期已结束: once a unit's cycle is closed its standings are frozen, so no approval
  (:class:`~dangjian_core.tasks.commands.ApproveCompletion`), revocation
  (:class:`~dangjian_core.tasks.commands.RevokePoints`) or adjustment
  (:class:`~dangjian_core.points.commands.AdjustPoints`) may touch its points — not even
  a repeat of one made before the close.
- 未履约: a no-show costs what the scheme's no-show rule says — a deduction (a follow-up
  of the concluded task) and days without claiming (a guard on claims):
  :mod:`~dangjian_core.evaluation.no_shows`.
"""

from __future__ import annotations

from dangjian_core.evaluation.no_shows import follow_ups, not_blocked
from dangjian_core.evaluation.state import EVALUATION, closed_refusal, evaluation_id
from dangjian_core.kernel.concept import Guard
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import cycle_of
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, RevokePoints
from dangjian_core.tasks.state import TASK
from dangjian_core.units.state import UNIT


def open_cycle(facts: Facts, unit_id: str, cycle: str) -> None:
    """Refuse a change to the points of a unit's closed cycle."""
    evaluation = facts.get(EVALUATION, evaluation_id(unit_id, cycle))
    if evaluation is not None and evaluation.closed is not None:
        raise closed_refusal(evaluation)


def cycle_open(command: ApproveCompletion | RevokePoints | AdjustPoints, facts: Facts) -> None:
    """Refuse a command on points of a closed cycle: a claim's cycle is the one it was
    submitted in; an adjustment's, the cycle of its time."""
    if isinstance(command, AdjustPoints):
        unit = facts.get(UNIT, command.branch_id)
        if unit is not None:
            open_cycle(facts, unit.unit_id, cycle_of(command.at, unit.cycle_start_month))
        return
    task = facts.get(TASK, command.task_id)
    claim = None if task is None else task.claim_of(command.claimant_id)
    if task is not None and claim is not None:
        open_cycle(facts, task.issued.branch_id, claim.cycle)


__all__ = ["GUARDS", "follow_ups", "open_cycle"]

GUARDS = (
    Guard((ApproveCompletion, RevokePoints, AdjustPoints), cycle_open),
    Guard((ClaimTask,), not_blocked),
)
