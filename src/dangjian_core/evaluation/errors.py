"""考评错误 — the refusals of the evaluation: closed cycles, open reviews, repeats."""

from __future__ import annotations

from dangjian_core.shared.errors import DomainError


class EvaluationError(DomainError):
    """考评错误 — an evaluation command was refused."""

    code = "evaluation"


class CycleAlreadyClosed(EvaluationError):
    """周期已结束 — the evaluation cycle is closed: its standings are frozen."""

    code = "cycle_closed"


class ReviewsPending(EvaluationError):
    """尚有待审核 — completions of the cycle still await review, so it cannot close."""

    code = "reviews_pending"


class OnceAYear(EvaluationError):
    """每年限一次 — a deduction item that applies at most once a year was applied already."""

    code = "once_a_year"
