"""任务状态 — a task and its claims as folded from the task's stream; every way a task
command can be refused, each with its own code. Other concepts read a task as
``facts.get(TASK, task_id)``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from attrs import field, frozen

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError, UnknownSubject
from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.events import Audience, TaskIssued


class ClaimStatus(StrEnum):
    """领办状态 — where a claim stands."""

    CLAIMED = "claimed"  # 已领办
    SUBMITTED = "submitted"  # 待审核
    APPROVED = "approved"  # 已通过
    REJECTED = "rejected"  # 未通过，可再提交一次
    FAILED = "failed"  # 未通过，不能再提交
    WITHDRAWN = "withdrawn"  # 已撤回
    RELEASED = "released"  # 任务取消，已释放
    REVOKED = "revoked"  # 积分已撤销
    ENTERED = "entered"  # 已报名抽签
    WAITING = "waiting"  # 候补中
    NO_SHOW = "no_show"  # 未履约

    @property
    def zh(self) -> str:
        """The status's Chinese name."""
        return CLAIM_STATUS_NAMES[self]


CLAIM_STATUS_NAMES = {
    ClaimStatus.CLAIMED: "已领办",
    ClaimStatus.SUBMITTED: "待审核",
    ClaimStatus.APPROVED: "已通过",
    ClaimStatus.REJECTED: "未通过(可再提交)",
    ClaimStatus.FAILED: "未通过",
    ClaimStatus.WITHDRAWN: "已撤回",
    ClaimStatus.RELEASED: "已释放",
    ClaimStatus.REVOKED: "已撤销积分",
    ClaimStatus.ENTERED: "已报名抽签",
    ClaimStatus.WAITING: "候补中",
    ClaimStatus.NO_SHOW: "未履约",
}

#: A claim in one of these holds a slot; withdrawn, released and failed claims free it.
HOLDS_SLOT = frozenset(
    {
        ClaimStatus.CLAIMED,
        ClaimStatus.SUBMITTED,
        ClaimStatus.APPROVED,
        ClaimStatus.REJECTED,
        ClaimStatus.REVOKED,
        ClaimStatus.NO_SHOW,
    }
)
#: Claims waiting for a slot: entered in the draw, or on the waitlist.
WAITS = frozenset({ClaimStatus.ENTERED, ClaimStatus.WAITING})
#: Claims still in progress; cancelling a task releases them.
OPEN = frozenset({ClaimStatus.CLAIMED, ClaimStatus.SUBMITTED, ClaimStatus.REJECTED})

#: Who counts as which audience; people out of the party's road (transferred out,
#: suspended, deceased) are in none.
AUDIENCE_OF = {
    PartyStatus.VILLAGER: Audience.VOLUNTEERS,
    PartyStatus.APPLICANT: Audience.ACTIVISTS,
    PartyStatus.ACTIVIST: Audience.ACTIVISTS,
    PartyStatus.CANDIDATE: Audience.ACTIVISTS,
    PartyStatus.PROBATIONARY: Audience.MEMBERS,
    PartyStatus.FULL: Audience.MEMBERS,
}

#: A completion may be submitted this many times (the first, and one resubmission).
MAX_ATTEMPTS = 2


@frozen
class Claim:
    """一份领办 — one person's claim on a task."""

    status: ClaimStatus
    attempts: int = 0
    note: str = ""
    photos: tuple[str, ...] = ()
    cycle: str = ""
    awarded: int = 0
    reason: str = ""


@frozen
class TaskState:
    """任务状态 — the task as issued, whether cancelled, every claim by person, the
    waitlist in order, whether its draw was held and whether it was concluded."""

    issued: TaskIssued
    cancelled: bool = False
    claims: Mapping[PersonId, Claim] = field(factory=dict)
    waitlist: tuple[PersonId, ...] = ()
    drawn: bool = False
    concluded: bool = False
    window_closed: bool = False

    @property
    def taken(self) -> int:
        """How many slots are held."""
        return sum(1 for claim in self.claims.values() if claim.status in HOLDS_SLOT)

    def claim_of(self, person_id: PersonId) -> Claim | None:
        """The person's claim, if any."""
        return self.claims.get(person_id)

    @property
    def entrants(self) -> tuple[PersonId, ...]:
        """Who entered the draw window and awaits the draw, sorted by id."""
        entered = ClaimStatus.ENTERED
        return tuple(sorted(p for p, c in self.claims.items() if c.status == entered))

    def in_window(self, at: datetime) -> bool:
        """Whether ``at`` falls in the task's draw window (claims are collected, not granted)."""
        until = self.issued.draw_until
        return until is not None and not self.drawn and at < until

    @property
    def waitlisting(self) -> bool:
        """Whether a claim on the full task waits (a waitlist, or a draw window)."""
        return self.issued.waitlist or self.issued.draw_until is not None

    def draw_due(self, at: datetime) -> bool:
        """Whether the draw window has ended and its draw is still to be held."""
        until = self.issued.draw_until
        return until is not None and not self.drawn and at >= until


#: A task's stream, ``task-<task id>``; None before it is issued.
TASK: Stream[TaskState | None] = Stream("task", nothing)


class TaskError(DomainError):
    """任务错误 — a task command was refused."""

    code = "task"


class TaskIdTaken(TaskError):
    """任务编号已被占用 — another task already has this id."""

    code = "task_id_taken"


class NoSlotsLeft(TaskError):
    """名额已满 — every slot of the task is taken."""

    code = "no_slots"


class DeadlinePassed(TaskError):
    """已过截止时间 — the step must happen before the task's deadline."""

    code = "deadline"


class NotEligible(TaskError):
    """不在领办范围 — the person is not in the task's audience or branch."""

    code = "not_eligible"


class SelfReview(TaskError):
    """不能审核本人 — nobody reviews their own claim."""

    code = "self_review"


class OutOfOrder(TaskError):
    """步骤不对 — the claim is not at the step this command needs."""

    code = "out_of_order"


class TaskClosed(TaskError):
    """任务已取消 — the task was cancelled."""

    code = "cancelled"


class DrawPending(TaskError):
    """抽签待进行 — the draw window has ended and its draw must be held first."""

    code = "draw_pending"


class NoDraw(TaskError):
    """无需抽签 — the task has no draw window, or its window has not ended."""

    code = "no_draw"


class TaskEnded(TaskError):
    """任务已结束 — the task was concluded after its deadline."""

    code = "concluded"


def existing(state: TaskState | None, task_id: str) -> TaskState:
    """The task, or a refusal naming the unknown task."""
    if state is None:
        raise UnknownSubject(f"任务 {task_id} 不存在", f"task {task_id} does not exist")
    return state


def live(state: TaskState | None, task_id: str) -> TaskState:
    """The task, if it exists and was not cancelled."""
    task = existing(state, task_id)
    if task.cancelled:
        raise TaskClosed(f"任务 {task_id} 已取消", f"task {task_id} was cancelled")
    return task
