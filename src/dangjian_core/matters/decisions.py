"""村务决策 — ``decide`` and ``evolve`` for a village's decisions: flat tables over the
rules in :mod:`~dangjian_core.matters.rules` and :mod:`~dangjian_core.matters.meetings`,
after the authority of :mod:`~dangjian_core.matters.permissions`."""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

import attrs

from dangjian_core.calendar.state import working_days
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.matters import meetings, publications, rules
from dangjian_core.matters import permissions as p
from dangjian_core.matters.commands import (
    AdoptProcedure,
    AnswerMatterObjection,
    FileMatterObjection,
    GatherSuggestions,
    HoldMeeting,
    MatterCommand,
    OpenMatter,
    PublishNotice,
    RecordImplementation,
    SetRoll,
)
from dangjian_core.matters.events import (
    ImplementationRecorded,
    MatterEvent,
    MatterNoticePublished,
    MatterObjectionAnswered,
    MatterObjectionFiled,
    MatterOpened,
    MeetingHeld,
    MeetingOutcome,
    ProcedureAdopted,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.state import Matter, MatterObjection, VillageMatters
from dangjian_core.units.state import alive, other


def decide(command: MatterCommand, state: VillageMatters | None, facts: Facts) -> list[MatterEvent]:
    """Decide a decision command against the village's book."""
    unit = alive(other(facts, command.unit_id), command.at)
    book = state or VillageMatters(command.unit_id)
    actor, at = command.actor_id, command.at
    match command:
        case AdoptProcedure():
            enforce(p.lead(facts, unit, actor, at, p.ADOPT))
            return rules.adopt(command, book)
        case SetRoll():
            enforce(p.lead(facts, unit, actor, at, p.ROLL))
            return rules.set_roll(command, book)
        case OpenMatter():
            enforce(p.committee(facts, unit, actor, at, p.OPEN))
            return rules.open_matter(command, book)
        case GatherSuggestions():
            enforce(p.committee(facts, unit, actor, at, p.RECORD))
            return rules.gather(command, book)
        case HoldMeeting():
            enforce(p.committee(facts, unit, actor, at, p.RECORD))
            return meetings.hold(command, book, unit, facts)
        case PublishNotice():
            enforce(p.committee(facts, unit, actor, at, p.PUBLISH))
            return publications.publish(command, book, working_days(facts, command.calendar_id))
        case RecordImplementation():
            enforce(p.committee(facts, unit, actor, at, p.IMPLEMENT))
            return publications.implement(command, book)
        case FileMatterObjection():
            enforce(p.object_to(facts, actor))
            return publications.file_objection(command, book)
        case AnswerMatterObjection():
            enforce(p.committee(facts, unit, actor, at, p.ANSWER))
            return publications.answer(command, book)
        case _:
            assert_never(command)


def evolve(state: VillageMatters | None, event: MatterEvent) -> VillageMatters | None:
    """The village's book after one event."""
    book = state or VillageMatters(event.unit_id)
    match event:
        case ProcedureAdopted():
            return attrs.evolve(book, procedures=(*book.procedures, event.procedure))
        case RollSet():
            kept = tuple(r for r in book.rolls.get(event.body, ()) if r.since != event.since)
            return attrs.evolve(book, rolls={**book.rolls, event.body: (*kept, event)})
        case MatterOpened():
            if event.matter_id in book.matters:
                return book
            return _with(book, Matter(event))
        case SuggestionsGathered() | MatterNoticePublished():
            return _on(book, event.matter_id, lambda m: _advance(m, event, 1))
        case MeetingHeld():
            return _on(book, event.matter_id, lambda m: _met(m, event))
        case ImplementationRecorded():
            return _on(book, event.matter_id, lambda m: attrs.evolve(m, implementation=event))
        case MatterObjectionFiled():
            filed = MatterObjection(event)
            return _on(
                book,
                event.matter_id,
                lambda m: attrs.evolve(m, objections={**m.objections, event.objection_id: filed}),
            )
        case MatterObjectionAnswered():
            return _on(book, event.matter_id, lambda m: _answered(m, event))
        case _:
            assert_never(event)


def _with(book: VillageMatters, matter: Matter) -> VillageMatters:
    return attrs.evolve(book, matters={**book.matters, matter.opened.matter_id: matter})


def _on(book: VillageMatters, matter_id: str, change: Callable[[Matter], Matter]) -> VillageMatters:
    matter = book.matters.get(matter_id)
    return book if matter is None else _with(book, change(matter))


def _advance(
    matter: Matter, event: SuggestionsGathered | MatterNoticePublished, steps: int
) -> Matter:
    return attrs.evolve(
        matter, records=(*matter.records, event), next_step=matter.next_step + steps
    )


def _met(matter: Matter, event: MeetingHeld) -> Matter:
    records = (*matter.records, event)
    match event.outcome:
        case MeetingOutcome.PASSED:
            return attrs.evolve(
                matter, records=records, next_step=matter.next_step + len(event.steps)
            )
        case MeetingOutcome.ENDED:
            return attrs.evolve(matter, records=records, ended=True)
        case MeetingOutcome.RETURNED:
            return attrs.evolve(matter, records=records, next_step=matter.procedure.proposal)
        case _:
            assert_never(event.outcome)


def _answered(matter: Matter, event: MatterObjectionAnswered) -> Matter:
    objection = matter.objections.get(event.objection_id)
    if objection is None:
        return matter
    answered = attrs.evolve(objection, answer=event.answer)
    return attrs.evolve(matter, objections={**matter.objections, event.objection_id: answered})
