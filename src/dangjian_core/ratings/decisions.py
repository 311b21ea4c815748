"""评星决策 — ``decide`` and ``evolve`` for star boards: flat tables over the rules in
:mod:`~dangjian_core.ratings.rules`; who may act is :mod:`~dangjian_core.ratings.permissions`
(a standard for unit U is set from above U; ratings on U's board are proposed, fixed,
lowered and removed by U's own secretary or organizing member, or from above U).
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.calendar.state import working_days
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.ratings import criteria, rules
from dangjian_core.ratings import permissions as p
from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RatingCommand,
    RemoveRating,
    SetCommitmentCriterion,
    SetStarStandard,
)
from dangjian_core.ratings.events import (
    CommitmentCriterionSet,
    RatingCriterionComputed,
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.ratings.state import BoardState, Rating
from dangjian_core.units.state import alive, other


def decide(command: RatingCommand, state: BoardState | None, facts: Facts) -> list[RatingEvent]:
    """Decide a rating command against the board of its unit and year."""
    unit = alive(other(facts, command.unit_id), command.at)
    board = state or BoardState(command.unit_id, command.year)
    match command:
        case SetStarStandard():
            enforce(p.set_standards(facts, unit, command.actor_id, command.at))
            return rules.set_standard(command, board)
        case SetCommitmentCriterion():
            enforce(p.set_standards(facts, unit, command.actor_id, command.at))
            return criteria.set_criterion(command, board)
        case ProposeRating():
            enforce(p.rate(facts, unit, command.actor_id, command.at))
            rules.within(command, unit, facts)
            until = rules.posting_ends(working_days(facts), command.at)
            return rules.propose(command, board, until, criteria.computed(command, board, facts))
        case FixRating():
            enforce(p.rate(facts, unit, command.actor_id, command.at))
            return rules.fix(command, board)
        case LowerRating() | RemoveRating():
            enforce(p.rate(facts, unit, command.actor_id, command.at))
            return rules.change(command, board)
        case _:
            assert_never(command)


def evolve(state: BoardState | None, event: RatingEvent) -> BoardState:
    """Fold one rating event into the board; never fails (a change to a rating never
    proposed leaves the board as it was)."""
    board = state or BoardState(event.unit_id, event.year)
    match event:
        case StarStandardSet():
            return attrs.evolve(board, standards={**board.standards, event.kind: event})
        case CommitmentCriterionSet():
            return attrs.evolve(board, criteria={**board.criteria, event.kind: event})
        case RatingCriterionComputed():
            return board  # it explains the proposal that follows; the rating holds the total
        case RatingProposed():
            rating = Rating(
                event.kind, event.subject_id, event.score, event.stars, event.posted_until
            )
            ratings = {**board.ratings, (event.kind, event.subject_id): rating}
            return attrs.evolve(board, ratings=ratings)
        case RatingFixed() | RatingLowered() | RatingRemoved():
            return _update(board, event)
        case _:
            assert_never(event)


def _update(board: BoardState, event: RatingFixed | RatingLowered | RatingRemoved) -> BoardState:
    key = (event.kind, event.subject_id)
    rating = board.ratings.get(key)
    if rating is None:
        return board
    match event:
        case RatingFixed():
            rating = attrs.evolve(rating, fixed=True)
        case RatingLowered():
            rating = attrs.evolve(rating, stars=event.stars)
        case RatingRemoved():
            rating = attrs.evolve(rating, removed=True)
    return attrs.evolve(board, ratings={**board.ratings, key: rating})
