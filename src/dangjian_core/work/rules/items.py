"""中心工作规则 — the checks behind each work command (after the item exists).

An item is issued by its unit's leaders, due after it is issued. A share goes to a unit
directly below the item's unit (or, for a regional committee's item, to a member village
of the region then), due no later than the item; the shares together never
exceed the item's target. A share is accepted by the receiving unit's leaders, on the
stream its derived id names, with the target and deadline the item above gave it.

An accepted item's target and deadline are the share's as the item above gives it *now*
(:func:`terms`, through the facts): a revised share bounds the splits made after it.
Nothing is decided on a cancelled item, nor on one below a cancelled item (:func:`live`).
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units.events import UnitKind
from dangjian_core.units.hierarchy import live_unit, parent_of
from dangjian_core.units.state import UnitState, alive, other
from dangjian_core.work import permissions as p
from dangjian_core.work.commands import AcceptWorkShare, AssignWorkShare, IssueWorkItem
from dangjian_core.work.events import (
    WorkEvent,
    WorkItemIssued,
    WorkShareAccepted,
    WorkShareAssigned,
    share_id,
)
from dangjian_core.work.state import WORK_ITEM, WorkError, WorkItemState, existing

#: A cascade deeper than this is damaged data, not a real tree (党委 → 总支 → 支部 → 小组).
MAX_DEPTH = 16


def terms(item: WorkItemState, facts: Facts) -> tuple[int, datetime]:
    """The item's target and deadline as they stand: an accepted item's are those of the
    share the item above gives it now (perhaps revised since it was accepted)."""
    if item.parent_item_id is not None:
        parent = facts.get(WORK_ITEM, item.parent_item_id)
        share = None if parent is None else parent.share(item.unit_id)
        if share is not None and share.share_id == item.item_id:
            return share.target, share.deadline
    return item.target, item.deadline


def live(item: WorkItemState, facts: Facts) -> None:
    """Refuse if the item, or any item above it, was cancelled."""
    if item.cancelled:
        raise WorkError(f"工作 {item.item_id} 已取消", f"work item {item.item_id} was cancelled")
    above = cancelled_above(item, facts)
    if above is not None:
        raise WorkError(
            f"工作 {item.item_id} 的上级工作 {above} 已取消",
            f"work item {above}, above {item.item_id}, was cancelled",
        )


def cancelled_above(item: WorkItemState, facts: Facts) -> str | None:
    """The nearest item above ``item`` that was cancelled, if any (walking up the
    facts)."""
    parent_id = item.parent_item_id
    for _ in range(MAX_DEPTH):
        if parent_id is None:
            return None
        parent = facts.get(WORK_ITEM, parent_id)
        if parent is None:
            return None
        if parent.cancelled:
            return parent.item_id
        parent_id = parent.parent_item_id
    return None


def issue(command: IssueWorkItem, state: WorkItemState | None, facts: Facts) -> list[WorkEvent]:
    """Issue an item of a living unit, due after now; the same issue again is a no-op."""
    unit = other(facts, command.unit_id)
    p.lead(facts, command.unit_id, command.actor_id, command.at)
    event = WorkItemIssued(
        command.item_id,
        command.unit_id,
        command.title,
        command.measure,
        command.target,
        command.deadline,
    )
    if state is not None:
        live(state, facts)
        if state.parent_item_id is None and _head(state) == _head(event):
            return []
        raise WorkError(
            f"工作编号 {command.item_id} 已被占用", f"item id {command.item_id} is taken"
        )
    alive(unit, command.at)
    if command.deadline <= command.at:
        raise InvalidCommand("截止时间须晚于部署时间", "the deadline must come after the issue")
    return [event]


def assign(command: AssignWorkShare, item: WorkItemState, facts: Facts) -> list[WorkEvent]:
    """Give a unit directly below a share, within the item's deadline and target."""
    unit = alive(other(facts, command.unit_id), command.at)
    deadline = command.deadline or terms(item, facts)[1]
    given = item.share(command.unit_id)
    if given is not None:
        if (given.target, given.deadline) == (command.target, deadline):
            return []
        raise WorkError(
            f"{item.item_id} 已分解给 {command.unit_id}: {given.target}{item.measure}"
            "; 改动须修改份额并说明理由",
            f"{item.item_id} already gave {command.unit_id} a share of {given.target}; "
            "revise the share (with a reason) to change it",
        )
    here = live_unit(facts, item.unit_id, command.at)
    if here is None or not below(facts, here, unit, command.at):
        raise WorkError(
            f"{command.unit_id} 不是 {item.unit_id} 的直接下级组织或区域共建成员",
            f"{command.unit_id} is neither directly below {item.unit_id} nor a member of it",
        )
    within(item, facts, deadline, item.assigned, command.target)
    share = share_id(item.item_id, command.unit_id)
    return [WorkShareAssigned(item.item_id, command.unit_id, share, command.target, deadline)]


def below(facts: Facts, here: UnitState, unit: UnitState, at: datetime) -> bool:
    """Whether ``unit`` takes work from ``here`` at ``at``: it reports directly to it, or
    ``here`` is a regional committee (区域委员会) ``unit`` is a member of then."""
    above = parent_of(facts, unit, at)
    if above is not None and above.unit_id == here.unit_id:
        return True
    return here.kind == UnitKind.REGIONAL_COMMITTEE and unit.unit_id in here.members_at(at)


def within(item: WorkItemState, facts: Facts, deadline: datetime, others: int, target: int) -> None:
    """Refuse a share due after the item, or a share of ``target`` that with the ``others``
    would exceed the item's target, both as the item stands now (:func:`terms`)."""
    whole, due = terms(item, facts)
    if deadline > due:
        raise WorkError(
            "分解的截止时间不能晚于本级工作的截止时间",
            f"a share may not be due after its item ({due.isoformat()})",
        )
    if others + target > whole:
        left = whole - others
        raise WorkError(
            f"分解目标超出: {item.item_id} 目标 {whole}{item.measure}, 尚可分解 {left}",
            f"shares would exceed {item.item_id}'s target {whole}: {left} left to assign",
        )


def accept(command: AcceptWorkShare, state: WorkItemState | None, facts: Facts) -> list[WorkEvent]:
    """Accept the share the item above gave the unit, as the item the share id names."""
    unit = other(facts, command.unit_id)
    lead_for = p.ACCEPT_WORK
    rule = p.run_work(facts, command.unit_id, command.actor_id, command.at, lead_for)
    enforce(rule)
    parent = existing(facts.get(WORK_ITEM, command.parent_item_id), command.parent_item_id)
    live(parent, facts)
    share = parent.share(command.unit_id)
    if share is None:
        raise WorkError(
            f"{command.parent_item_id} 没有给 {command.unit_id} 分解工作",
            f"{command.parent_item_id} gave {command.unit_id} no share",
        )
    event = WorkShareAccepted(
        share.share_id,
        BranchId(command.unit_id),
        parent.item_id,
        parent.title,
        parent.measure,
        share.target,
        share.deadline,
    )
    if state is not None:
        live(state, facts)
        if state.parent_item_id == parent.item_id and _head(state)[:4] == _head(event)[:4]:
            return []  # accepted already (the share may have been revised since)
        raise WorkError(f"工作编号 {share.share_id} 已被占用", f"item id {share.share_id} is taken")
    alive(unit, command.at)
    return [event]


def _head(item: WorkItemState | WorkItemIssued | WorkShareAccepted) -> tuple[object, ...]:
    return (item.item_id, item.unit_id, item.title, item.measure, item.target, item.deadline)
