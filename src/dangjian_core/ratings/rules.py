"""评星规则 — what each rating command must satisfy, after authority.

- 评星标准 ``set_standard``: set or replaced until the first rating of its kind is proposed
  (a computed criterion of it, the commitment score: :mod:`~dangjian_core.ratings.criteria`);
- 拟定 ``propose``: a standard is set; the score within its maximum, the criteria adding
  up to it; one live rating per subject, a branch under the unit or a member on a roll
  under it; posted (公示) for :data:`POSTING_DAYS` working days;
- 评定 ``fix``: only after the posting period; fixing twice changes nothing;
- 降低、撤销 ``change``: only a fixed rating, only to fewer stars.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local, local_date
from dangjian_core.people.state import PERSON
from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RemoveRating,
    SetStarStandard,
)
from dangjian_core.ratings.criteria import with_computed
from dangjian_core.ratings.events import (
    RatedKind,
    RatingCriterionComputed,
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.ratings.state import BoardState, Rating, RatingError
from dangjian_core.units.hierarchy import lies_within
from dangjian_core.units.state import UnitState

#: How many working days (工作日, from the working-day calendar) a proposed rating is
#: posted (公示) before it may be fixed.
POSTING_DAYS = 5


def posting_ends(calendar: Calendar, at: datetime) -> datetime:
    """公示截止 — when a rating proposed at ``at`` may first be fixed: the same time of day
    on the last of :data:`POSTING_DAYS` working days after the day of proposal."""
    last = calendar.notice_period_end(local_date(at) + timedelta(days=1), POSTING_DAYS)
    return datetime.combine(last, local(at).timetz())


def stars_for(standard: StarStandardSet, score: int, innovation: bool) -> int:
    """The stars ``score`` earns under ``standard``: the number of thresholds it reaches
    (0: fails); five stars also need an innovation project when the standard says so."""
    stars = sum(1 for minimum in standard.thresholds if score >= minimum)
    if stars == len(standard.thresholds) and standard.innovation_for_five and not innovation:
        return stars - 1
    return stars


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


def propose(
    command: ProposeRating,
    board: BoardState,
    until: datetime,
    criterion: RatingCriterionComputed | None = None,
) -> list[RatingEvent]:
    """Score within the standard's maximum, criteria adding up to it; one live rating each.
    A computed ``criterion`` (:mod:`~dangjian_core.ratings.criteria`) is added to the
    score typed in, and recorded before the rating it explains."""
    standard = board.standards.get(command.kind)
    if standard is None:
        raise RatingError(
            f"{command.year} 年{command.kind.zh}评星标准尚未设定",
            f"no {command.kind} star standard is set for {command.year}",
        )
    score, criteria = with_computed(command, criterion)
    if score > standard.max_score:
        raise InvalidCommand(
            f"得分 {score} 超过满分 {standard.max_score}",
            f"score {score} exceeds the maximum {standard.max_score}",
        )
    if command.criteria and sum(s for _, s in command.criteria) != command.score:
        raise InvalidCommand(
            "各项得分之和不等于总分", "the criteria scores do not add up to the score"
        )
    stars = stars_for(standard, score, command.innovation)
    existing = board.ratings.get((command.kind, command.subject_id))
    if existing is not None and not existing.removed:
        if not existing.fixed and (existing.score, existing.stars) == (score, stars):
            return []
        raise RatingError(
            f"{command.subject_id} {command.year} 年已有星级,只能降低或撤销",
            f"{command.subject_id} already has a {command.year} rating; lower or remove it",
        )
    proposed = RatingProposed(
        command.unit_id,
        command.year,
        command.kind,
        command.subject_id,
        score,
        criteria,
        command.innovation,
        stars,
        until,
    )
    return [proposed] if criterion is None else [criterion, proposed]


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


def within(command: ProposeRating, unit: UnitState, facts: Facts) -> None:
    """A rated branch lies under the unit; a rated member is on a roll under it."""
    if command.kind is RatedKind.BRANCH:
        inside = command.subject_id != unit.unit_id and lies_within(
            facts, command.subject_id, unit, command.at
        )
    else:
        person = facts.get(PERSON, command.subject_id)
        inside = person is not None and lies_within(
            facts, person.branch_at(command.at), unit, command.at
        )
    if not inside:
        raise UnknownSubject(
            f"{command.subject_id} 不是 {unit.unit_id} 所属的{command.kind.zh}",
            f"{command.subject_id} is not a {command.kind} under {unit.unit_id}",
        )
