"""任务权限 — who may act on a task: its issuers (书记、组织委员) issue and cancel, its
reviewers review (never their own claim), the secretary or deputy revokes, and only the
claimant claims, withdraws and submits. :func:`replay` asks the same of a recorded event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dangjian_core.kernel.authority import Rule, What, not_own, only_self, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.state import PERSON
from dangjian_core.tasks.events import (
    ClaimWaitlisted,
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    DrawEntered,
    DrawWindowClosed,
    PointsRevoked,
    SlotsDrawn,
    TaskCancelled,
    TaskClaimed,
    TaskConcluded,
    TaskEvent,
    TaskIssued,
    WaitlistLeft,
    WaitlistPromoted,
)
from dangjian_core.tasks.state import TaskState
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.permissions import hold_role, known
from dangjian_core.units.roles import ISSUERS, REVIEWERS, REVOKERS, Role
from dangjian_core.units.state import UnitState

ISSUE: What = ("发布任务", "issue tasks")
CANCEL: What = ("取消任务", "cancel tasks")
REVIEW: What = ("审核", "review")
REVOKE: What = ("撤销积分", "revoke points")
CLAIM: What = ("领办、撤回或提交", "claim, withdraw or submit")
CLOSE: What = ("结束任务", "conclude tasks")
DRAW: What = ("抽签", "hold the draw of tasks")

_RULES: dict[type[Any], tuple[tuple[Role, ...], What]] = {
    TaskIssued: (ISSUERS, ISSUE),
    TaskCancelled: (ISSUERS, CANCEL),
    CompletionApproved: (REVIEWERS, REVIEW),
    CompletionRejected: (REVIEWERS, REVIEW),
    PointsRevoked: (REVOKERS, REVOKE),
    TaskConcluded: (ISSUERS, CLOSE),
}


def replay(recorded: Recorded[TaskEvent], facts: Facts, before: TaskState | None) -> Rule | None:
    """The rule a recorded task event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    match event:
        case (
            TaskClaimed() | ClaimWithdrawn() | CompletionSubmitted() | DrawEntered()
            | ClaimWaitlisted() | WaitlistLeft()
        ):  # fmt: skip
            return only_self(actor, event.claimant_id, CLAIM)
        case WaitlistPromoted():
            return None  # decided with the withdrawal or final rejection that freed the slot
        case CompletionApproved() | CompletionRejected():
            rule = not_own(actor, event.claimant_id)
            if rule is not None:
                return rule
    if isinstance(event, SlotsDrawn | DrawWindowClosed):
        return _drawn(facts, before, actor, at)
    roles, what = _RULES[type(event)]
    if isinstance(event, TaskIssued):
        unit = known(facts, event.branch_id)
    elif before is None:
        return unknown(event.task_id)
    else:
        branch_id = before.issued.branch_id
        unit = live_unit(facts, branch_id, at) or known(facts, branch_id)
    return unit if isinstance(unit, Rule) else hold_role(unit, actor, roles, at, what)


def _drawn(facts: Facts, before: TaskState | None, actor: str, at: datetime) -> Rule | None:
    if before is None:
        return unknown("task")
    branch_id = before.issued.branch_id
    unit = live_unit(facts, branch_id, at) or known(facts, branch_id)
    return unit if isinstance(unit, Rule) else draw_slots(facts, unit, actor, at)


def draw_slots(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """抽签: anyone registered (the result is fixed by the seed and the rule, whoever
    asks), or the task's issuers."""
    if facts.get(PERSON, actor_id) is not None:
        return None
    return hold_role(unit, actor_id, ISSUERS, at, DRAW)


def close_task(unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """结束任务: the task's issuers (书记、组织委员)."""
    return hold_role(unit, actor_id, ISSUERS, at, CLOSE)


def may_review(facts: Facts, branch_id: str, reader_id: str, at: datetime) -> Rule | None:
    """Whether ``reader_id`` reviews completions of the branch's tasks at ``at`` (the same
    roles as :data:`REVIEW` asks of an approval), so a page lists them only to reviewers."""
    unit = live_unit(facts, branch_id, at) or known(facts, branch_id)
    return unit if isinstance(unit, Rule) else hold_role(unit, reader_id, REVIEWERS, at, REVIEW)
