"""评诺计分 — how an assessment becomes a score, in whole hundredths of a point so that
every figure is exact and replays to the same number.

A body's grade is worth 100 (已兑现), the rule's ``partly_value`` (部分兑现) or 0 (未兑现);
a pledge's score is the sum over the weighted bodies of weight (percent) × value, which is
hundredths of a point out of 100.00 (the weights sum to 100, so the parts make the
whole). Its outcome follows from the rule's lines; a commitment's score is the mean of its
pledges' scores, rounded half up to a hundredth.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import frozen

from dangjian_core.commitments.values import AssessmentRule, AssessorBody, Fulfilment

#: A full score, in hundredths of a point (100.00).
FULL = 10_000


@frozen
class ScorePart:
    """评分构成 — one body's part of a pledge's score: its weight (percent), its grade, and
    what it adds, in hundredths of a point (weight × the grade's value)."""

    body: AssessorBody
    weight: int
    grade: Fulfilment
    points: int


def value_of(rule: AssessmentRule, grade: Fulfilment) -> int:
    """What a grade is worth out of 100 under ``rule``."""
    match grade:
        case Fulfilment.FULFILLED:
            return 100
        case Fulfilment.PARTLY:
            return rule.partly_value
        case Fulfilment.NOT_FULFILLED:
            return 0


def weighted(rule: AssessmentRule) -> tuple[AssessorBody, ...]:
    """The bodies whose grades count under ``rule`` (weight above 0), in a fixed order."""
    return tuple(body for body in AssessorBody if rule.weight(body) > 0)


def parts(rule: AssessmentRule, grades: Mapping[AssessorBody, Fulfilment]) -> tuple[ScorePart, ...]:
    """Each weighted body's part of a pledge's score (every weighted body must have graded)."""
    return tuple(
        ScorePart(
            body, rule.weight(body), grades[body], rule.weight(body) * value_of(rule, grades[body])
        )
        for body in weighted(rule)
    )


def outcome_of(rule: AssessmentRule, score: int) -> Fulfilment:
    """A pledge's outcome from its score (hundredths): at or above the rule's lines."""
    if score >= rule.fulfilled_from * 100:
        return Fulfilment.FULFILLED
    if score >= rule.partly_from * 100:
        return Fulfilment.PARTLY
    return Fulfilment.NOT_FULFILLED


def mean_score(scores: Iterable[int]) -> int:
    """The mean of pledge scores, rounded half up to a whole hundredth (0 for none)."""
    found = list(scores)
    if not found:
        return 0
    return (2 * sum(found) + len(found)) // (2 * len(found))


def show_score(hundredths: int) -> str:
    """A score as people read it: ``87.50``."""
    whole = abs(hundredths)
    return f"{'-' if hundredths < 0 else ''}{whole // 100}.{whole % 100:02d}"
