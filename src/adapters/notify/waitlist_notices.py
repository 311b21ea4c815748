"""候补与抽签通知 — the person promoted from a task's waitlist is told at once (候补递补),
and a draw's result is told with its seed and rule, so anyone can recompute it."""

from __future__ import annotations

from typing import Any

from adapters.notify.escaping import NAME, plain
from adapters.notify.notices import Notice, NoticeFacts, names, task_link
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import SlotsDrawn, WaitlistPromoted
from dangjian_core.tasks.state import TaskState


def waitlist_promoted(recorded: Recorded[Any], facts: NoticeFacts) -> Notice | None:
    """候补递补 — a freed slot went to the first waiting person, named here."""
    promoted: WaitlistPromoted = recorded.event
    task = facts.state_at(recorded.stream_id, recorded.version)
    if not isinstance(task, TaskState):
        return None
    who = plain(facts.name_of(promoted.claimant_id), NAME)
    return Notice(
        "waitlist_promoted",
        task.issued.branch_id,
        f"候补递补: {plain(task.issued.title)}",
        (
            plain(facts.unit_name(task.issued.branch_id)),
            f"- {who} 已由候补递补领办, 请在截止前完成并提交",
            f"- 名额 {task.taken}/{task.issued.slots}, 仍在候补 {len(task.waitlist)} 人",
        ),
        task_link("查看任务", promoted.task_id),
    )


def slots_drawn(recorded: Recorded[Any], facts: NoticeFacts) -> Notice | None:
    """抽签结果 — the winners, how many wait, and the seed and rule that decided it."""
    drawn: SlotsDrawn = recorded.event
    task = facts.state_at(recorded.stream_id, recorded.version)
    if not isinstance(task, TaskState):
        return None
    winners = [plain(facts.name_of(person), NAME) for person in drawn.winners]
    return Notice(
        "slots_drawn",
        task.issued.branch_id,
        f"抽签结果: {plain(task.issued.title)}",
        (
            plain(facts.unit_name(task.issued.branch_id)),
            f"- {len(drawn.entrants)} 人报名, {len(drawn.winners)} 人中签: {names(winners)}",
            f"- 其余 {len(drawn.waitlist)} 人按抽签顺序候补",
            f"- 种子: 日志第 {drawn.seed_position} 条的头 {drawn.seed[:16]}…, 规则 {drawn.rule}",
        ),
        task_link("查看任务", drawn.task_id),
    )
