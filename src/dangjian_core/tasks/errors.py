"""任务错误 — every way a task command can be refused, each with its own code."""

from __future__ import annotations

from dangjian_core.shared.errors import DomainError


class TaskError(DomainError):
    """任务错误 — a task command was refused."""

    code = "task"


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
