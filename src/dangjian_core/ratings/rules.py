"""评星规则 — the business rules behind each rating command (after authority)."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RemoveRating,
    SetStarStandard,
)
from dangjian_core.ratings.events import (
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.ratings.scale import BoardState, Rating, stars_for
from dangjian_core.shared.errors import DomainError, InvalidCommand, UnknownSubject


class RatingError(DomainError):
    """评星错误 — a rating command was refused by a rule of star rating."""

    code = "rating"


def set_standard(command: SetStarStandard, board: BoardState) -> list[RatingEvent]:
    """A standard may be set or replaced until the first rating of its kind is proposed."""
    event = StarStandardSet(
        command.unit_id,
        command.year,
        command.kind,
        command.thresholds,
        command.max_score,
        command.innovation_for_five,
    )
    if board.standards.get(command.kind) == event:
        return []
    if any(kind == command.kind for kind, _ in board.ratings):
        raise RatingError(
            f"{command.year} 年{command.kind.zh}评星已开始,标准不能再改",
            f"{command.kind} ratings for {command.year} have begun; the standard is fixed",
        )
    return [event]


def propose(command: ProposeRating, board: BoardState, until: datetime) -> list[RatingEvent]:
    """Score within the standard's maximum, criteria adding up to it; one live rating each."""
    standard = board.standards.get(command.kind)
    if standard is None:
        raise RatingError(
            f"{command.year} 年{command.kind.zh}评星标准尚未设定",
            f"no {command.kind} star standard is set for {command.year}",
        )
    if command.score > standard.max_score:
        raise InvalidCommand(
            f"得分 {command.score} 超过满分 {standard.max_score}",
            f"score {command.score} exceeds the maximum {standard.max_score}",
        )
    if command.criteria and sum(s for _, s in command.criteria) != command.score:
        raise InvalidCommand(
            "各项得分之和不等于总分", "the criteria scores do not add up to the score"
        )
    stars = stars_for(standard, command.score, command.innovation)
    existing = board.ratings.get((command.kind, command.subject_id))
    if existing is not None and not existing.removed:
        if not existing.fixed and (existing.score, existing.stars) == (command.score, stars):
            return []
        raise RatingError(
            f"{command.subject_id} {command.year} 年已有星级,只能降低或撤销",
            f"{command.subject_id} already has a {command.year} rating; lower or remove it",
        )
    return [
        RatingProposed(
            command.unit_id,
            command.year,
            command.kind,
            command.subject_id,
            command.score,
            command.criteria,
            command.innovation,
            stars,
            until,
        )
    ]


def fix(command: FixRating, board: BoardState) -> list[RatingEvent]:
    """Fixed only after the posting period; fixing twice changes nothing."""
    rating = _rating(board, command)
    if rating.fixed:
        return []
    if command.at < rating.posted_until:
        day = rating.posted_until.strftime("%Y-%m-%d %H:%M")
        raise RatingError(
            f"{command.subject_id} 的星级公示至 {day},期满后才能评定",
            f"{command.subject_id}'s rating is posted until {day}; it is fixed only after that",
        )
    return [
        RatingFixed(command.unit_id, command.year, command.kind, command.subject_id, rating.stars)
    ]


def change(command: LowerRating | RemoveRating, board: BoardState) -> list[RatingEvent]:
    """Only a fixed rating is lowered (to fewer stars) or removed; repeating is a no-op."""
    rating = _rating(board, command)
    if not rating.fixed:
        raise RatingError(
            f"{command.subject_id} 的星级尚未评定,不能降低或撤销",
            f"{command.subject_id}'s rating is not fixed yet; it cannot be lowered or removed",
        )
    head = (command.unit_id, command.year, command.kind, command.subject_id)
    if isinstance(command, RemoveRating):
        return [] if rating.removed else [RatingRemoved(*head, command.reason)]
    if command.stars == rating.stars:
        return []
    if command.stars > rating.stars:
        raise RatingError(
            f"只能降低星级:现为 {rating.stars} 星,不能改为 {command.stars} 星",
            f"a rating can only be lowered: it is {rating.stars} stars, not {command.stars}",
        )
    return [RatingLowered(*head, command.stars, command.reason)]


def _rating(board: BoardState, command: FixRating | LowerRating | RemoveRating) -> Rating:
    rating = board.ratings.get((command.kind, command.subject_id))
    if rating is None or (rating.removed and not isinstance(command, RemoveRating)):
        raise UnknownSubject(
            f"{command.subject_id} {command.year} 年没有拟定的星级",
            f"{command.subject_id} has no proposed {command.year} rating",
        )
    return rating
