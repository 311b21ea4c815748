"""Properties every concept of the catalog keeps, present and future.

The tests iterate :data:`dangjian_core.catalog.CONCEPTS`, so a concept added to the
catalog is covered without touching this file — and fails here until it has a story
(:data:`tests.core.every_concept.STORIES`) that takes every one of its commands. For each
concept, over generated plays of its story (refusals dropped, follow-ups handled, as the
application does):

- (a) deciding an accepted command again, against the state that holds its own outcome
  and the facts as they now stand, decides nothing (``[]``): the deciders' idempotency
  contract (ARCHITECTURE.md, ADR 0007). The one exception a story names is a command that
  records one more fact each time (``Story.appends``: logging a visit), which decides
  the same events again; and a command whose second use must be refused
  (``Story.refused_again``: accepting an invitation sets a password once). It is decided again at once: a guard may refuse a repeat, with a
  typed refusal, once the world has moved on (points of a cycle closed since);
- (b) the live authority check agrees with the replayed one: the log of a play has no
  flags, and every event a command produced, recorded as made by someone else, is
  flagged exactly when the live decision refuses that someone for want of authority (and
  passes when the live decision gives them the same events);
- (c) ``evolve`` never raises, for any sequence of the concept's events, however
  impossible, and folding or projecting the same log twice gives the same states and rows.
"""

from __future__ import annotations

import enum
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangjian_core import catalog
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.recorded import Recorded
from tests.core.every_concept import STORIES, Story
from tests.core.given import project
from tests.core.world import World

PLAYS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EVENTS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONCEPTS = pytest.mark.parametrize("concept", catalog.CONCEPTS, ids=lambda c: c.name)


def story_of(concept: Concept[Any, Any, Any]) -> Story:
    """The concept's story, or a failure that says what to write."""
    if concept.name not in STORIES:
        pytest.fail(
            f"concept {concept.name!r} has no story: add one to tests/core/every_concept.py"
        )
    return STORIES[concept.name]


def test_every_concept_in_the_catalog_has_a_story_taking_each_of_its_commands() -> None:
    missing = [c.name for c in catalog.CONCEPTS if c.name not in STORIES]
    untaken = {
        c.name: sorted(
            k.__name__ for k in set(c.commands) - {type(s) for s in STORIES[c.name].steps}
        )
        for c in catalog.CONCEPTS
        if c.name in STORIES
    }

    assert [] == missing, "these concepts need a story in tests/core/every_concept.py"
    assert {} == {name: kinds for name, kinds in untaken.items() if kinds}
    assert set(STORIES) <= {c.name for c in catalog.CONCEPTS}, "a story of no concept"


@CONCEPTS
def test_the_plausible_order_of_every_story_is_accepted_step_by_step(
    concept: Concept[Any, Any, Any],
) -> None:
    story = story_of(concept)
    world = story.world().copy()

    refused = [
        (type(s).__name__, r) for s in story.steps if isinstance(r := world.attempt(s), DomainError)
    ]
    produced = {type(r.event) for r in world.log[len(story.world().log) :]}

    assert [] == refused
    assert set(concept.events.values()) & produced


@st.composite
def plays(draw: st.DrawFn, story: Story) -> list[Any]:
    """Some of the story's steps in order, then steps in any order, some by someone else."""
    n = len(story.steps)
    prefix = draw(st.integers(0, n))
    who = st.integers(-1, len(story.actors) - 1)  # -1: the step's own actor
    extra = draw(st.lists(st.tuples(st.integers(0, n - 1), who), max_size=6))
    picks = [(i, -1) for i in range(prefix)] + extra
    return [
        story.steps[i] if a < 0 else attrs.evolve(story.steps[i], actor_id=story.actors[a])
        for i, a in picks
    ]


# --- (a) deciding again decides nothing -----------------------------------------------


@CONCEPTS
@PLAYS
@given(data=st.data())
def test_deciding_an_accepted_command_again_against_its_outcome_decides_nothing(
    concept: Concept[Any, Any, Any], data: st.DataObject
) -> None:
    story = story_of(concept)
    world = story.world().copy()
    for command in data.draw(plays(story)):
        outcome = world.attempt(command)
        if isinstance(outcome, DomainError):
            continue

        if isinstance(command, story.refused_again):
            with pytest.raises(DomainError):
                catalog.decide(command, world.state_of(command), world.facts())
            continue
        again = catalog.decide(command, world.state_of(command), world.facts())

        expected = outcome if isinstance(command, story.appends) else []
        assert expected == again, f"{command} decided again"


# --- (b) the live authority check and the replay agree --------------------------------


def replay_flags(world: World, command: Any, actor: str, events: list[Any]) -> list[Any]:
    """The rules the replay finds broken by ``events`` recorded as made by ``actor``."""
    facts = MemoryFacts(dict(world.states), world.views, len(world.log))
    stream, before = catalog.stream_of(command), world.state_of(command)
    flags = []
    for offset, event in enumerate(events):
        recorded = attrs.evolve(world.next_recorded(command, event, offset), actor_id=actor)
        flags.append(catalog.violation(recorded, facts, before))
        before = catalog.concept_of_event(event).evolve(before, event)
        facts.states[stream] = before
    return [flag for flag in flags if flag is not None]


def live(world: World, command: Any) -> list[Any] | DomainError:
    """What the live decision says now, without changing the world."""
    try:
        return catalog.decide(command, world.state_of(command), world.facts())
    except DomainError as refusal:
        return refusal


@CONCEPTS
@PLAYS
@given(data=st.data())
def test_the_replay_flags_an_event_exactly_when_the_live_check_refuses_its_actor(
    concept: Concept[Any, Any, Any], data: st.DataObject
) -> None:
    story = story_of(concept)
    world = story.world().copy()
    for command in data.draw(plays(story)):
        produced = live(world, command)
        if isinstance(produced, DomainError) or not produced:
            continue
        assert [] == replay_flags(world, command, command.actor_id, produced)
        for actor in story.actors:
            verdict = live(world, attrs.evolve(command, actor_id=actor))
            flags = replay_flags(world, command, actor, produced)
            if isinstance(verdict, story.authority):
                assert flags, f"{actor} was refused {command} live ({verdict}), not flagged"
            elif verdict == produced:
                assert [] == flags, f"{actor} may {command} live, but was flagged: {flags}"
        world.handle(command)

    assert [] == catalog.audit(world.log)


# --- (c) evolve never fails; replay is deterministic ----------------------------------

#: Few subject ids, so that generated events often concern the same streams.
IDS = st.sampled_from(["T1", "paixilv", "qingweijie", "lv-lanzhi", "chen-tianyun", "W1", "O1"])
TEXTS = st.sampled_from(["", "环境卫生整治", "default", "2021-10", "综合·群众评议", "x"])
OFFSETS = st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(-timedelta(hours=5))])
SIMPLE: dict[Any, st.SearchStrategy[Any]] = {
    str: TEXTS,
    int: st.integers(-3, 120),
    bool: st.booleans(),
    datetime: st.datetimes(datetime(2015, 1, 1), datetime(2030, 1, 1), timezones=OFFSETS),
    date: st.dates(date(2015, 1, 1), date(2030, 1, 1)),
}


def for_annotation(annotation: Any) -> st.SearchStrategy[Any]:
    """Any value of an event field's annotation (nested attrs values included)."""
    args = typing.get_args(annotation)
    if getattr(annotation, "__supertype__", None) is str:
        return IDS
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from(list(annotation))
    if type(None) in args:
        return st.none() | st.one_of(*(for_annotation(a) for a in args if a is not type(None)))
    if typing.get_origin(annotation) is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(for_annotation(args[0]), max_size=3).map(tuple)
        return st.tuples(*(for_annotation(arg) for arg in args))
    if annotation in SIMPLE:
        return SIMPLE[annotation]
    if isinstance(annotation, type) and attrs.has(annotation):
        return instances(annotation)
    raise TypeError(f"no strategy for {annotation!r}: teach tests/core/test_every_concept.py")


def instances(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Any instance of an attrs class, field by field."""
    hints = typing.get_type_hints(cls)
    return st.builds(cls, **{f.name: for_annotation(hints[f.name]) for f in attrs.fields(cls)})


@CONCEPTS
@EVENTS
@given(data=st.data())
def test_evolve_never_raises_for_any_sequence_of_the_concepts_events(
    concept: Concept[Any, Any, Any], data: st.DataObject
) -> None:
    kinds = st.sampled_from(sorted(concept.events.values(), key=lambda e: e.__name__))
    events = data.draw(st.lists(kinds.flatmap(instances), max_size=8))

    first, second = concept.fold(events), concept.fold(events)

    assert first == second


def refold(log: list[Recorded[Any]]) -> dict[str, Any]:
    """Every stream's state, folded from the recorded log alone."""
    states: dict[str, Any] = {}
    for recorded in log:
        concept = catalog.concept_of_event(recorded.event)
        before = states.get(recorded.stream_id, concept.initial())
        states[recorded.stream_id] = concept.evolve(before, recorded.event)
    return states


@CONCEPTS
@PLAYS
@given(data=st.data())
def test_replaying_a_plays_log_twice_gives_the_same_states_and_read_models(
    concept: Concept[Any, Any, Any], data: st.DataObject
) -> None:
    story = story_of(concept)
    world = story.world().copy()
    for command in data.draw(plays(story)):
        world.attempt(command)

    first, second = refold(world.log), refold(list(world.log))

    assert world.states == first == second
    assert world.views.dump() == project(world.log).dump() == project(list(world.log)).dump()
