"""任务命令 — what people ask of a task; each names its actor and time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.kernel.ids import BranchId, PersonId, TaskId, check_id, is_valid_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between as _int_between
from dangjian_core.kernel.validation import text as _text
from dangjian_core.tasks.events import Audience, SourceKind

MAX_POINTS = 100
MAX_SLOTS = 1000
#: The longest draw window: a week.
MAX_DRAW_MINUTES = 7 * 24 * 60


def _audiences(_instance: object, _attribute: object, value: Any) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(item, Audience) for item in value)
    ):
        raise ValueError(f"audiences 须为非空的领办对象元组 / non-empty tuple expected: {value!r}")


def _optional_id(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_id(instance, attribute, value)


def _people(_instance: object, _attribute: object, value: Any) -> None:
    """A tuple of distinct, well-formed person ids (at most 1000)."""
    ok = isinstance(value, tuple) and len(value) <= 1000 and len(set(value)) == len(value)
    if not ok or not all(is_valid_id(item) for item in value):
        raise ValueError(f"reserved_for 须为不重复的人员编号元组 / distinct person ids: {value!r}")


def _photos(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, tuple) or len(value) > 20:
        raise ValueError(f"photos 须为至多20项的元组 / at most 20 photo refs: {value!r}")
    if not all(isinstance(item, str) and 0 < len(item) <= 200 for item in value):
        raise ValueError(f"照片引用须为1–200字 / photo refs are 1–200 chars: {value!r}")


@frozen
class IssueTask:
    """发布任务 — publish a task with its points, slots, deadline, audience and source."""

    task_id: TaskId = field(validator=check_id)
    branch_id: BranchId = field(validator=check_id)
    title: str = field(validator=_text(1, 100))
    category: str = field(validator=_text(1, 30))
    points: int = field(validator=_int_between(1, MAX_POINTS))
    slots: int = field(validator=_int_between(1, MAX_SLOTS))
    deadline: datetime = field(validator=check_aware)
    audiences: tuple[Audience, ...] = field(validator=_audiences)
    source_kind: SourceKind = field(validator=validators.instance_of(SourceKind))
    source_reference: str = field(validator=_text(0, 200))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    #: A small grid block the task is aimed at: only people assigned there may claim it.
    grid_block: str | None = field(default=None, validator=_optional_id)
    #: Only these people may claim the task (empty: anyone in the audience).
    reserved_for: tuple[PersonId, ...] = field(default=(), validator=_people)
    #: 抽签窗口: for this many minutes after issuing, claims are collected and the slots
    #: drawn at its end (0: first come, first served from the start).
    draw_minutes: int = field(default=0, validator=_int_between(0, MAX_DRAW_MINUTES))
    #: Weight the draw towards people with fewer approved tasks this cycle.
    draw_weighted: bool = field(default=False, validator=validators.instance_of(bool))
    #: 候补: a claim on the full task joins the waitlist instead of being refused.
    waitlist: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class ClaimTask:
    """领办任务 — the actor takes one slot of the task for themselves."""

    task_id: TaskId = field(validator=check_id)
    actor_id: PersonId = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class WithdrawClaim:
    """撤回领办 — the actor gives their slot back."""

    task_id: TaskId = field(validator=check_id)
    actor_id: PersonId = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class SubmitCompletion:
    """提交完成情况 — the claimant reports the work done, with a note and photo references."""

    task_id: TaskId = field(validator=check_id)
    note: str = field(validator=_text(1, 1000))
    photos: tuple[str, ...] = field(validator=_photos)
    actor_id: PersonId = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ApproveCompletion:
    """审核通过 — approve a claimant's completion; fewer points than offered need a reason."""

    task_id: TaskId = field(validator=check_id)
    claimant_id: PersonId = field(validator=check_id)
    points: int | None = field(validator=validators.optional(_int_between(1, MAX_POINTS)))
    reason: str = field(validator=_text(0, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RejectCompletion:
    """审核不通过 — reject a claimant's completion, with a reason."""

    task_id: TaskId = field(validator=check_id)
    claimant_id: PersonId = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CancelTask:
    """取消任务 — withdraw a task; open claims are released without points."""

    task_id: TaskId = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RevokePoints:
    """撤销积分 — take back the points of an approved completion, with the finding."""

    task_id: TaskId = field(validator=check_id)
    claimant_id: PersonId = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


def _seed(_instance: object, _attribute: object, value: Any) -> None:
    ok = isinstance(value, str) and 16 <= len(value) <= 128
    if not ok or any(ch not in "0123456789abcdef" for ch in value):
        raise ValueError(f"种子须为十六进制小写 / seed must be lowercase hex: {value!r}")


@frozen
class DrawSlots:
    """抽签 — at the window's end, draw the slots among the entrants with the seed the
    adapter read from the log: its head at ``seed_position`` (of kind ``seed_kind``)."""

    task_id: TaskId = field(validator=check_id)
    seed: str = field(validator=_seed)
    seed_position: int = field(validator=_int_between(1, 2**62))
    seed_kind: str = field(validator=_text(1, 40))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CloseDrawWindow:
    """关闭抽签窗口 — mark the window's end in the log (by the server clock), when no other
    event was recorded since, so that the draw has a seed position."""

    task_id: TaskId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CloseTask:
    """结束任务 — after the deadline, record the no-shows and drop the waitlist."""

    task_id: TaskId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


TaskCommand = (
    IssueTask
    | ClaimTask
    | WithdrawClaim
    | SubmitCompletion
    | ApproveCompletion
    | RejectCompletion
    | CancelTask
    | RevokePoints
    | DrawSlots
    | CloseDrawWindow
    | CloseTask
)
