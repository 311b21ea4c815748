"""评星决策 — the upper unit sets standards; the unit's leaders propose and fix ratings.

Who may act (:mod:`dangjian_core.permissions`): a standard for unit U is set from above U
(the secretary or organizing member of a unit above it, or the superior of its root);
ratings on U's board are proposed, fixed, lowered and removed by U's own secretary or
organizing member, or from above U.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core import permissions
from dangjian_core.ratings import rules
from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RatingCommand,
    RemoveRating,
    SetStarStandard,
)
from dangjian_core.ratings.events import (
    RatedKind,
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.ratings.rules import RatingError
from dangjian_core.ratings.scale import BoardState, Rating, posting_ends
from dangjian_core.shared.errors import UnknownSubject
from dangjian_core.units.guards import alive, other
from dangjian_core.units.hierarchy import lies_within

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.units.state import UnitState

__all__ = ["BoardState", "RatingError", "decide", "evolve_state", "initial_state"]


def initial_state() -> BoardState | None:
    """A board stream starts empty."""
    return None


def decide(
    command: RatingCommand, state: BoardState | None, directory: Directory
) -> list[RatingEvent]:
    """Decide a rating command against the board of its unit and year."""
    unit = alive(other(directory, command.unit_id), command.at)
    board = state or BoardState(command.unit_id, command.year)
    match command:
        case SetStarStandard():
            permissions.enforce(
                permissions.set_standards(directory, unit, command.actor_id, command.at)
            )
            return rules.set_standard(command, board)
        case ProposeRating():
            permissions.enforce(permissions.rate(directory, unit, command.actor_id, command.at))
            _within(command, unit, directory)
            return rules.propose(command, board, posting_ends(directory.calendar(), command.at))
        case FixRating():
            permissions.enforce(permissions.rate(directory, unit, command.actor_id, command.at))
            return rules.fix(command, board)
        case LowerRating() | RemoveRating():
            permissions.enforce(permissions.rate(directory, unit, command.actor_id, command.at))
            return rules.change(command, board)
        case _:
            assert_never(command)


def evolve_state(state: BoardState | None, event: RatingEvent) -> BoardState:
    """Fold one rating event into the board; never fails."""
    board = state or BoardState(event.unit_id, event.year)
    match event:
        case StarStandardSet():
            return evolve(board, standards={**board.standards, event.kind: event})
        case RatingProposed():
            rating = Rating(
                event.kind, event.subject_id, event.score, event.stars, event.posted_until
            )
            return evolve(board, ratings={**board.ratings, (event.kind, event.subject_id): rating})
        case RatingFixed() | RatingLowered() | RatingRemoved():
            return _update(board, event)
        case _:
            assert_never(event)


def _update(board: BoardState, event: RatingFixed | RatingLowered | RatingRemoved) -> BoardState:
    key = (event.kind, event.subject_id)
    rating = board.ratings[key]
    match event:
        case RatingFixed():
            rating = evolve(rating, fixed=True)
        case RatingLowered():
            rating = evolve(rating, stars=event.stars)
        case RatingRemoved():
            rating = evolve(rating, removed=True)
    return evolve(board, ratings={**board.ratings, key: rating})


def _within(command: ProposeRating, unit: UnitState, directory: Directory) -> None:
    """A rated branch lies under the unit; a rated member is on a roll under it."""
    if command.kind is RatedKind.BRANCH:
        inside = command.subject_id != unit.unit_id and lies_within(
            directory, command.subject_id, unit, command.at
        )
    else:
        person = directory.person(command.subject_id)  # type: ignore[arg-type]
        inside = person is not None and lies_within(
            directory, person.branch_at(command.at), unit, command.at
        )
    if not inside:
        raise UnknownSubject(
            f"{command.subject_id} 不是 {unit.unit_id} 所属的{command.kind.zh}",
            f"{command.subject_id} is not a {command.kind} under {unit.unit_id}",
        )
