"""赛后 — the field inspection's scores, the reviewer's comments and the published
results.

Rules:

- an inspection score is recorded only under a scheme that counts one, once per
  contestant (the same again changes nothing), before the results are published;
- a reviewer's comments are recorded once per reviewer (the same again changes
  nothing), before the results are published;
- the results are published once every contestant's round has closed and, where the
  scheme counts it, every inspection is recorded; as a notice starting no earlier than
  the contest's day, for a number of working days counted on the calendar
  (:meth:`~dangjian_core.calendar.workdays.Calendar.notice_period_end`, which refuses a
  year whose holidays are not declared); publishing the same again changes nothing.
"""

from __future__ import annotations

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.contests import scoring
from dangjian_core.contests.commands import PublishResults, RecordInspection, RecordReview
from dangjian_core.contests.events import (
    ContestInspectionRecorded,
    ContestResultsPublished,
    ContestReviewRecorded,
    Placing,
)
from dangjian_core.contests.rules.common import entry_of, not_published, refuse
from dangjian_core.contests.rules.rounds import scheme_of
from dangjian_core.contests.state import ContestState, RoundStatus
from dangjian_core.contests.values import ContestScheme, score_of, show
from dangjian_core.kernel.ids import BranchId


def inspect(command: RecordInspection, contest: ContestState) -> list[ContestInspectionRecorded]:
    """实地考察: under a scheme that counts it, once per contestant."""
    entry = entry_of(contest, command.unit_id)
    scheme = scheme_of(contest)
    if entry.inspection == command.score:
        return []
    not_published(contest)
    if not scheme.inspection_weight:
        raise refuse(
            f"评分细则「{scheme.name}」不计实地考察得分",
            f"the scheme {scheme.name!r} counts no field inspection",
        )
    if entry.inspection is not None:
        raise refuse(
            f"{command.unit_id} 的实地考察得分已记录为 {entry.inspection}, 不能改记",
            f"the inspection score of {command.unit_id} is recorded ({entry.inspection})",
        )
    return [
        ContestInspectionRecorded(command.contest_id, command.unit_id, command.score, command.note)
    ]


def review(command: RecordReview, contest: ContestState) -> list[ContestReviewRecorded]:
    """点评: once per reviewer."""
    event = ContestReviewRecorded(
        command.contest_id,
        command.reviewer,
        command.reviewer_title,
        command.strengths,
        command.expectations,
    )
    if event in contest.reviews:
        return []
    not_published(contest)
    if any(r.reviewer == command.reviewer for r in contest.reviews):
        raise refuse(
            f"{command.reviewer} 的点评已记录",
            f"the comments of {command.reviewer} are recorded",
        )
    return [event]


def ranking_of(contest: ContestState, scheme: ContestScheme) -> tuple[scoring.Ranked, ...]:
    """The ranking of the closed rounds under ``scheme``."""
    scores = [
        scoring.contestant_score(
            scheme,
            e.unit_id,
            e.order,
            {j: {m.criterion: score_of(m.value) for m in marks} for j, marks in e.sheets.items()},
            None if e.inspection is None else score_of(e.inspection),
        )
        for e in contest.entries.values()
        if e.round is RoundStatus.CLOSED
    ]
    return scoring.rank_contestants(scheme, scores)


def publish(
    command: PublishResults, contest: ContestState, calendar: Calendar
) -> list[ContestResultsPublished]:
    """公示: every round closed, every inspection in, a period on the calendar."""
    done = contest.published
    if done is not None and (done.start, done.days) == (command.start, command.days):
        return []
    not_published(contest)
    scheme = scheme_of(contest)
    waiting = sorted(u for u, e in contest.entries.items() if e.round is not RoundStatus.CLOSED)
    if waiting or not contest.entries:
        raise refuse(
            f"尚未亮分: {'、'.join(waiting) or '无参赛者'}(全部亮分后才能公示结果)",
            f"rounds not closed yet: {', '.join(waiting) or 'no contestants'}",
        )
    if scheme.inspection_weight:
        unseen = sorted(u for u, e in contest.entries.items() if e.inspection is None)
        if unseen:
            raise refuse(
                f"尚缺实地考察得分: {'、'.join(unseen)}(评分细则计实地考察 {scheme.inspection_weight}%)",
                f"inspection scores missing: {', '.join(unseen)}",
            )
    if command.start < contest.held_on:
        raise refuse(
            f"公示不能早于擂台赛举办日 {contest.held_on}",
            f"the notice may not start before the contest's day {contest.held_on}",
        )
    end = calendar.notice_period_end(command.start, command.days)
    placings = tuple(
        Placing(
            BranchId(r.score.unit_id),
            r.rank,
            show(r.score.on_site),
            "" if r.score.inspection is None else show(r.score.inspection),
            show(r.score.final),
        )
        for r in ranking_of(contest, scheme)
    )
    version = len(contest.schemes)
    return [
        ContestResultsPublished(
            command.contest_id, version, command.start, end, command.days, placings
        )
    ]
