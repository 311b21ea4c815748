"""计算的评星项 — a criterion of a star standard computed from recorded facts rather than
typed in: the concluded commitment score (公开承诺 → 评诺, the commitments concept).

- 设定 ``set_criterion``: the kind's standard is set, the criterion worth no more than its
  maximum; set or replaced until the first rating of the kind is proposed;
- 计算 ``computed``: when a rating is proposed, the subject's latest concluded commitment
  score of the year (a member's own, a branch's collective one) earns
  ``points × score / 100`` (rounded half up); no concluded score, no proposal. The
  criterion is recorded as its own event, with its basis and source, before the rating
  it adds to, so the stars are explained from recorded facts like points are.
"""

from __future__ import annotations

from dangjian_core.commitments.projections import COMMITMENT_SCORES
from dangjian_core.commitments.queries import concluded_score
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.readmodel import Value
from dangjian_core.ratings.commands import ProposeRating, SetCommitmentCriterion
from dangjian_core.ratings.events import (
    CommitmentCriterionSet,
    RatingCriterionComputed,
    RatingEvent,
)
from dangjian_core.ratings.state import BoardState, RatingError

#: The name of the computed criterion on a rating.
COMMITMENT_CRITERION = "公开承诺"
#: The name given to the typed-in score when it is not itemised.
OTHER_CRITERIA = "其余各项"
#: A full commitment score, in hundredths of a point (100.00).
FULL_SCORE = 10_000


def criterion_points(out_of: int, score: int) -> int:
    """What a commitment score (hundredths of a point) earns of a criterion worth
    ``out_of`` points, rounded half up."""
    return (2 * out_of * score + FULL_SCORE) // (2 * FULL_SCORE)


def set_criterion(command: SetCommitmentCriterion, board: BoardState) -> list[RatingEvent]:
    """The criterion of a kind whose standard is set, until its ratings begin."""
    event = CommitmentCriterionSet(command.unit_id, command.year, command.kind, command.points)
    if board.criteria.get(command.kind) == event:
        return []
    standard = board.standards.get(command.kind)
    if standard is None:
        raise RatingError(
            f"{command.year} 年{command.kind.zh}评星标准尚未设定",
            f"no {command.kind} star standard is set for {command.year}",
        )
    if command.points > standard.max_score:
        raise RatingError(
            f"公开承诺 {command.points} 分超过满分 {standard.max_score}",
            f"the commitment criterion ({command.points}) exceeds the maximum {standard.max_score}",
        )
    if any(kind == command.kind for kind, _ in board.ratings):
        raise RatingError(
            f"{command.year} 年{command.kind.zh}评星已开始,标准不能再改",
            f"{command.kind} ratings for {command.year} have begun; the standard is fixed",
        )
    return [event]


def computed(
    command: ProposeRating, board: BoardState, facts: Facts
) -> RatingCriterionComputed | None:
    """The commitment criterion of a proposal, when the kind's standard counts it."""
    criterion = board.criteria.get(command.kind)
    if criterion is None:
        return None
    where: dict[str, Value] = {"year": command.year, "pledger_id": command.subject_id}
    found = concluded_score(facts.rows(COMMITMENT_SCORES, where))
    if found is None:
        raise RatingError(
            f"{command.subject_id} {command.year} 年的公开承诺尚未评诺, 不能计算评星项",
            f"{command.subject_id} has no concluded {command.year} commitment assessment",
        )
    return RatingCriterionComputed(
        command.unit_id,
        command.year,
        command.kind,
        command.subject_id,
        COMMITMENT_CRITERION,
        criterion_points(criterion.points, found.score),
        criterion.points,
        found.score,
        found.book_id,
    )


def with_computed(
    command: ProposeRating, criterion: RatingCriterionComputed | None
) -> tuple[int, tuple[tuple[str, int], ...]]:
    """The proposal's total score and criteria: those typed in, plus the computed one
    (the typed score named :data:`OTHER_CRITERIA` when it is not itemised)."""
    if criterion is None:
        return command.score, command.criteria
    typed = command.criteria or (((OTHER_CRITERIA, command.score),) if command.score else ())
    total = command.score + criterion.points
    return total, (*typed, (criterion.name, criterion.points))
