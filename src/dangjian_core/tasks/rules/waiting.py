"""候补与抽签规则 — fair claiming: the draw window, the waitlist, the no-shows.

- 抽签窗口 ``draw_until``: a claim during the window enters the draw (抽签已报名); at its
  end :func:`draw` ranks the entrants by :mod:`~dangjian_core.tasks.draw` with the seed
  the adapter read from the log, grants the slots to the first ranked and puts the others
  on the waitlist in rank order; until the draw is held no claim is granted
  (:class:`DrawPending`); after it, first come, first served again;
- 候补 ``waitlist`` (a task issued with one, and every task with a draw window; without
  one a full task refuses the claim, 名额已满, first come first served): a claim on a full task joins the waitlist at the back, with its
  position; a withdrawal, or a final rejection before the deadline, frees a slot that the
  first waiting person takes at once (候补已递补, in the same decision); a waiting person
  may leave the waitlist (候补已撤回) and join again only at the back;
- 结束 ``close``: after the deadline, an issuer concludes the task: every claim still at
  已领办 (neither submitted nor withdrawn) is recorded as a no-show (未履约) in the cycle
  of the deadline; the waitlist is dropped. What a no-show costs is the points scheme's
  rule (:mod:`dangjian_core.evaluation.policies`).
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.time import cycle_of
from dangjian_core.tasks import draw as lots
from dangjian_core.tasks import permissions as p
from dangjian_core.tasks.commands import CloseDrawWindow, CloseTask, DrawSlots
from dangjian_core.tasks.events import (
    ClaimWaitlisted,
    DrawEntered,
    DrawWindowClosed,
    SlotsDrawn,
    TaskConcluded,
    TaskEvent,
    WaitlistLeft,
    WaitlistPromoted,
)
from dangjian_core.tasks.projections import CLAIMS
from dangjian_core.tasks.state import (
    WAITS,
    ClaimStatus,
    DeadlinePassed,
    DrawPending,
    NoDraw,
    NoSlotsLeft,
    TaskEnded,
    TaskState,
)
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.state import other


def not_granted(state: TaskState, claimant_id: PersonId, at: datetime) -> list[TaskEvent]:
    """A claim that does not take a slot at once: entered in the draw during the window,
    refused while the draw is pending, on the waitlist when the task is full; ``[]``
    when a slot is free (the caller grants it)."""
    task_id = state.issued.task_id
    if state.draw_due(at):
        raise DrawPending(
            f"任务「{state.issued.title}」的抽签窗口已结束,须先抽签再领办",
            f"the draw window of {task_id} has ended: the draw comes first",
        )
    if state.in_window(at):
        return [DrawEntered(task_id, claimant_id)]
    if state.taken < state.issued.slots:
        return []
    if not state.waitlisting:
        raise NoSlotsLeft(
            f"名额已满：任务「{state.issued.title}」{state.issued.slots} 个名额均已被领办",
            f"no slots left: all {state.issued.slots} slots of {task_id} are taken",
        )
    return [ClaimWaitlisted(task_id, claimant_id, len(state.waitlist) + 1)]


def leave(state: TaskState, claimant_id: PersonId) -> list[TaskEvent]:
    """候补已撤回: a waiting or entered person gives up their place."""
    return [WaitlistLeft(state.issued.task_id, claimant_id)]


def promoted(state: TaskState, freed: PersonId, at: datetime) -> list[TaskEvent]:
    """候补已递补: the first waiting person (not the one freeing the slot) takes the
    slot freed before the deadline; nothing when nobody waits."""
    waiting = [person for person in state.waitlist if person != freed]
    if not waiting or at >= state.issued.deadline or state.concluded:
        return []
    return [WaitlistPromoted(state.issued.task_id, waiting[0])]


def window_cycle(facts: Facts, state: TaskState) -> str:
    """The cycle the draw window ends in."""
    until = state.issued.draw_until
    assert until is not None
    return cycle_of(until, other(facts, state.issued.branch_id).cycle_start_month)


def approved_counts(
    facts: Facts, state: TaskState, entrants: tuple[PersonId, ...]
) -> dict[str, int]:
    """Each entrant's approved tasks in the cycle the draw window ends in."""
    cycle = window_cycle(facts, state)
    approved = ClaimStatus.APPROVED.value
    return {
        person: len(facts.rows(CLAIMS, {"person_id": person, "status": approved, "cycle": cycle}))
        for person in entrants
    }


def close_window(command: CloseDrawWindow, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """关闭抽签窗口: once, after the window's end, before the draw; anyone registered."""
    unit = live_unit(facts, state.issued.branch_id, command.at) or other(
        facts, state.issued.branch_id
    )
    enforce(p.draw_slots(facts, unit, command.actor_id, command.at))
    if state.window_closed or state.drawn:
        return []
    if not state.draw_due(command.at):
        raise NoDraw(
            f"任务「{state.issued.title}」没有抽签窗口,或窗口尚未结束",
            f"task {state.issued.task_id} has no draw window, or it has not ended",
        )
    return [DrawWindowClosed(state.issued.task_id)]


def draw(command: DrawSlots, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """抽签: once, after the window's end, among the entrants, by the documented rule."""
    unit = live_unit(facts, state.issued.branch_id, command.at) or other(
        facts, state.issued.branch_id
    )
    enforce(p.draw_slots(facts, unit, command.actor_id, command.at))
    if state.drawn:
        return []
    if not state.draw_due(command.at):
        raise NoDraw(
            f"任务「{state.issued.title}」没有抽签窗口,或窗口尚未结束",
            f"task {state.issued.task_id} has no draw window, or it has not ended",
        )
    entrants = state.entrants
    counts = approved_counts(facts, state, entrants) if state.issued.draw_weighted else None
    free = state.issued.slots - state.taken
    result = lots.draw(command.seed, state.issued.task_id, entrants, free, counts)
    rule = lots.WEIGHTED_RULE if counts is not None else lots.RULE
    return [
        SlotsDrawn(
            state.issued.task_id,
            command.seed,
            command.seed_position,
            command.seed_kind,
            rule,
            window_cycle(facts, state),
            entrants,
            tuple((counts or {}).get(person, 0) for person in entrants),
            tuple(PersonId(w) for w in result.winners),
            tuple(PersonId(w) for w in result.waitlist),
        )
    ]


def close(command: CloseTask, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """结束任务: an issuer, after the deadline; 已领办 claims are the no-shows."""
    unit = live_unit(facts, state.issued.branch_id, command.at) or other(
        facts, state.issued.branch_id
    )
    enforce(p.close_task(unit, command.actor_id, command.at))
    if state.concluded:
        return []
    if command.at < state.issued.deadline:
        raise DeadlinePassed(
            f"任务截止({state.issued.deadline.isoformat()})后才能结束",
            f"task {state.issued.task_id} may be concluded only after its deadline",
        )
    if state.draw_due(command.at):
        raise DrawPending(
            f"任务「{state.issued.title}」的抽签尚未进行,须先抽签",
            f"the draw of {state.issued.task_id} is still to be held",
        )
    start_month = other(facts, state.issued.branch_id).cycle_start_month
    no_shows = tuple(
        sorted(pid for pid, claim in state.claims.items() if claim.status == ClaimStatus.CLAIMED)
    )
    dropped = tuple(pid for pid, claim in state.claims.items() if claim.status in WAITS)
    issued = state.issued
    cycle = cycle_of(issued.deadline, start_month)
    return [
        TaskConcluded(issued.task_id, issued.branch_id, cycle, no_shows, tuple(sorted(dropped)))
    ]


def not_concluded(state: TaskState) -> None:
    """Refuse a claimant's step on a concluded task."""
    if state.concluded:
        raise TaskEnded(
            f"任务「{state.issued.title}」已结束", f"task {state.issued.task_id} was concluded"
        )
