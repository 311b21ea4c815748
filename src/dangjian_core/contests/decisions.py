"""擂台赛决策 — ``decide`` and ``evolve`` for a contest: flat tables over the rules in
:mod:`~dangjian_core.contests.rules`; who may act is :mod:`~dangjian_core.contests.permissions`.
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.calendar.state import working_days
from dangjian_core.contests import permissions as p
from dangjian_core.contests.commands import (
    AdoptContestScheme,
    AppointJudge,
    CloseRound,
    ContestCommand,
    CorrectScore,
    EnterContestant,
    FileReport,
    OpenContest,
    OpenRound,
    PublishResults,
    RecordInspection,
    RecordReview,
    SubmitScore,
)
from dangjian_core.contests.events import (
    ContestantEntered,
    ContestEvent,
    ContestInspectionRecorded,
    ContestJudgeAppointed,
    ContestOpened,
    ContestReportFiled,
    ContestResultsPublished,
    ContestReviewRecorded,
    ContestRoundClosed,
    ContestRoundOpened,
    ContestSchemeAdopted,
    ContestScoreCorrected,
    ContestScoreSubmitted,
)
from dangjian_core.contests.rules import field, results, rounds
from dangjian_core.contests.rules.common import entry_of
from dangjian_core.contests.state import ContestState, Entry, RoundStatus
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.units.state import alive, other


def decide(command: ContestCommand, state: ContestState | None, facts: Facts) -> list[ContestEvent]:
    """Decide a contest command against the contest."""
    actor, at = command.actor_id, command.at
    if isinstance(command, OpenContest):
        host = alive(other(facts, command.host_unit_id), at)
        enforce(p.organize(facts, host, actor, at))
        return list(field.open_contest(command, state))
    if state is None:
        raise UnknownSubject(
            f"擂台赛 {command.contest_id} 不存在", f"no such contest: {command.contest_id}"
        )
    host = other(facts, state.host_unit_id)
    match command:
        case AdoptContestScheme():
            enforce(p.organize(facts, host, actor, at))
            return list(field.adopt(command, state))
        case EnterContestant():
            enforce(p.organize(facts, host, actor, at))
            return list(field.enter(command, state, host, facts))
        case FileReport():
            enforce(p.report(facts, host, entry_of(state, command.unit_id), actor, at))
            return list(field.file_report(command, state))
        case AppointJudge():
            enforce(p.organize(facts, host, actor, at))
            return list(field.appoint(command, state, facts))
        case OpenRound():
            enforce(p.organize(facts, host, actor, at))
            return list(rounds.open_round(command, state, facts))
        case SubmitScore():
            enforce(p.judge(facts, state, entry_of(state, command.unit_id), actor, at))
            return list(rounds.submit(command, state))
        case CorrectScore():
            enforce(p.judge(facts, state, entry_of(state, command.unit_id), actor, at))
            return list(rounds.correct(command, state))
        case CloseRound():
            enforce(p.organize(facts, host, actor, at))
            return list(rounds.close(command, state, facts))
        case RecordInspection():
            enforce(p.organize(facts, host, actor, at))
            return list(results.inspect(command, state))
        case RecordReview():
            enforce(p.organize(facts, host, actor, at))
            return list(results.review(command, state))
        case PublishResults():
            enforce(p.organize(facts, host, actor, at))
            return list(results.publish(command, state, working_days(facts, command.calendar_id)))
        case _:
            assert_never(command)


def evolve(state: ContestState | None, event: ContestEvent) -> ContestState | None:
    """The contest after ``event`` (an event of a contest never opened changes nothing)."""
    if isinstance(event, ContestOpened):
        return ContestState(
            event.contest_id, event.host_unit_id, event.title, event.held_on, event.live_stream
        )
    if state is None:
        return None
    match event:
        case ContestSchemeAdopted():
            return attrs.evolve(state, schemes=(*state.schemes, event.scheme))
        case ContestantEntered():
            entry = Entry(event.unit_id, event.person_id, event.order)
            return attrs.evolve(state, entries={**state.entries, event.unit_id: entry})
        case ContestReportFiled():
            return field.evolve_report(state, event)
        case ContestJudgeAppointed():
            return attrs.evolve(state, judges={**state.judges, event.judge_id: event.home_unit_id})
        case ContestRoundOpened():
            return rounds.with_round(state, event.unit_id, RoundStatus.OPEN)
        case ContestScoreSubmitted() | ContestScoreCorrected():
            return rounds.with_sheet(state, event.unit_id, event.judge_id, event.marks)
        case ContestRoundClosed():
            return rounds.with_round(state, event.unit_id, RoundStatus.CLOSED)
        case ContestInspectionRecorded():
            seen = state.entries.get(event.unit_id)
            if seen is None:
                return state
            entries = {**state.entries, event.unit_id: attrs.evolve(seen, inspection=event.score)}
            return attrs.evolve(state, entries=entries)
        case ContestReviewRecorded():
            return attrs.evolve(state, reviews=(*state.reviews, event))
        case ContestResultsPublished():
            return attrs.evolve(state, published=event)
        case _:
            assert_never(event)
