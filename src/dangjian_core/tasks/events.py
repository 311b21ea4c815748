"""任务事件 — every step of a task's life, from issue to revocation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.kernel.time import Cycle


class Audience(StrEnum):
    """领办对象 — who may claim a task."""

    ACTIVISTS = "activists"  # 入党申请人、积极分子、发展对象
    VOLUNTEERS = "volunteers"  # 志愿者、群众
    MEMBERS = "members"  # 预备党员、正式党员

    @property
    def zh(self) -> str:
        """The audience's Chinese name."""
        return {"activists": "积极分子", "volunteers": "志愿者", "members": "党员"}[self.value]


class SourceKind(StrEnum):
    """任务来源 — why the task exists."""

    UPPER = "upper"  # 上级部署 (needs a reference to the deployment)
    VILLAGE = "village"  # 村工作需要

    @property
    def zh(self) -> str:
        """The source's Chinese name."""
        return {"upper": "上级部署", "village": "村工作需要"}[self.value]


@frozen
class TaskIssued:
    """任务已发布 — the organizing member published a task with points and slots."""

    TITLE: ClassVar[str] = "任务已发布"

    task_id: TaskId
    branch_id: BranchId
    title: str
    category: str
    points: int
    slots: int
    deadline: datetime
    audiences: tuple[Audience, ...]
    source_kind: SourceKind
    source_reference: str
    #: Added later: events stored before grids decode with no target block.
    grid_block: str | None = None
    #: Added later: events stored before reservations decode as reserved for nobody.
    reserved_for: tuple[PersonId, ...] = ()
    #: Added later (fair claiming): the end of the draw window (抽签窗口), None for first
    #: come, first served from the start; ``draw_weighted`` weights the draw towards
    #: people with fewer approved tasks in the cycle.
    draw_until: datetime | None = None
    draw_weighted: bool = False
    #: Added later: a claim on the full task joins its waitlist (always, with a draw
    #: window); without it a full task refuses the claim (名额已满), as before.
    waitlist: bool = False


@frozen
class TaskClaimed:
    """任务已领办 — a person took one slot of a task."""

    TITLE: ClassVar[str] = "任务已领办"

    task_id: TaskId
    claimant_id: PersonId


@frozen
class ClaimWithdrawn:
    """领办已撤回 — a claimant gave their slot back before the deadline."""

    TITLE: ClassVar[str] = "领办已撤回"

    task_id: TaskId
    claimant_id: PersonId


@frozen
class CompletionSubmitted:
    """完成情况已提交 — a claimant reported the work done, with evidence, in a cycle."""

    TITLE: ClassVar[str] = "完成情况已提交"

    task_id: TaskId
    claimant_id: PersonId
    note: str
    photos: tuple[str, ...]
    cycle: Cycle
    attempt: int


@frozen
class CompletionApproved:
    """审核已通过 — a reviewer approved a completion; the points are credited."""

    TITLE: ClassVar[str] = "审核已通过"

    task_id: TaskId
    claimant_id: PersonId
    branch_id: BranchId
    cycle: Cycle
    category: str
    points: int
    reason: str


@frozen
class CompletionRejected:
    """审核未通过 — a reviewer rejected a completion; ``final`` when no resubmission is left."""

    TITLE: ClassVar[str] = "审核未通过"

    task_id: TaskId
    claimant_id: PersonId
    reason: str
    final: bool


@frozen
class TaskCancelled:
    """任务已取消 — the task was withdrawn; the listed open claims were released unpaid."""

    TITLE: ClassVar[str] = "任务已取消"

    task_id: TaskId
    reason: str
    released: tuple[PersonId, ...]


@frozen
class PointsRevoked:
    """积分已撤销 — points credited for a completion were taken back, with the reason."""

    TITLE: ClassVar[str] = "积分已撤销"

    task_id: TaskId
    claimant_id: PersonId
    branch_id: BranchId
    cycle: Cycle
    category: str
    points: int
    reason: str


@frozen
class DrawEntered:
    """抽签已报名 — a person asked for a slot during the task's draw window."""

    TITLE: ClassVar[str] = "抽签已报名"

    task_id: TaskId
    claimant_id: PersonId


@frozen
class ClaimWaitlisted:
    """已候补 — a person asked for a slot of a full task and joined its waitlist at
    ``position`` (1 is next)."""

    TITLE: ClassVar[str] = "已候补"

    task_id: TaskId
    claimant_id: PersonId
    position: int


@frozen
class WaitlistLeft:
    """候补已撤回 — a waiting person (or one entered in the draw) gave up their place."""

    TITLE: ClassVar[str] = "候补已撤回"

    task_id: TaskId
    claimant_id: PersonId


@frozen
class WaitlistPromoted:
    """候补已递补 — the first waiting person took the slot a withdrawal or a final
    rejection freed."""

    TITLE: ClassVar[str] = "候补已递补"

    task_id: TaskId
    claimant_id: PersonId


@frozen
class DrawWindowClosed:
    """抽签窗口已关闭 — recorded at or after the window's end when nothing else was, so
    that the log has an event there whose head seeds the draw."""

    TITLE: ClassVar[str] = "抽签窗口已关闭"

    task_id: TaskId


@frozen
class SlotsDrawn:
    """名额已抽签 — the draw window's slots were drawn among its entrants: the seed (the
    log's head at ``seed_position``, of kind ``seed_kind``), the rule, the cycle the window
    ended in, the entrants sorted by id with their approved tasks in that cycle (counted
    for a weighted rule, else 0), the winners and the waitlist in order."""

    TITLE: ClassVar[str] = "名额已抽签"

    task_id: TaskId
    seed: str
    seed_position: int
    seed_kind: str
    rule: str
    cycle: Cycle
    entrants: tuple[PersonId, ...]
    approved: tuple[int, ...]
    winners: tuple[PersonId, ...]
    waitlist: tuple[PersonId, ...]


@frozen
class TaskConcluded:
    """任务已结束 — after the deadline the task was closed: claimants who neither submitted
    nor withdrew are recorded as no-shows (未履约) in the cycle, the waitlist is dropped."""

    TITLE: ClassVar[str] = "任务已结束"

    task_id: TaskId
    branch_id: BranchId
    cycle: Cycle
    no_shows: tuple[PersonId, ...]
    dropped: tuple[PersonId, ...]


TaskEvent = (
    TaskIssued
    | TaskClaimed
    | ClaimWithdrawn
    | CompletionSubmitted
    | CompletionApproved
    | CompletionRejected
    | TaskCancelled
    | PointsRevoked
    | DrawEntered
    | ClaimWaitlisted
    | WaitlistLeft
    | WaitlistPromoted
    | DrawWindowClosed
    | SlotsDrawn
    | TaskConcluded
)


#: The stable stored name of every task event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[TaskEvent]] = {
    "TaskIssued": TaskIssued,
    "TaskClaimed": TaskClaimed,
    "ClaimWithdrawn": ClaimWithdrawn,
    "CompletionSubmitted": CompletionSubmitted,
    "CompletionApproved": CompletionApproved,
    "CompletionRejected": CompletionRejected,
    "TaskCancelled": TaskCancelled,
    "PointsRevoked": PointsRevoked,
    "DrawEntered": DrawEntered,
    "ClaimWaitlisted": ClaimWaitlisted,
    "WaitlistLeft": WaitlistLeft,
    "WaitlistPromoted": WaitlistPromoted,
    "DrawWindowClosed": DrawWindowClosed,
    "SlotsDrawn": SlotsDrawn,
    "TaskConcluded": TaskConcluded,
}
