"""目录 — the concepts, and every registry the adapters use, derived from them.

Each concept describes itself (:class:`~dangjian_core.kernel.concept.Concept`); this
module lists them once and derives the rest: the stable stored name of every event, the
concept that decides a command or recorded an event, every read model, what must follow
an event, the rules concepts impose on each other's events, the audit trail's subjects
and the authority replay. Adding a concept adds one line to :data:`CONCEPTS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dangjian_core import (
    calendar,
    development,
    evaluation,
    grids,
    people,
    points,
    ratings,
    tasks,
    units,
    work,
)
from dangjian_core.kernel import audit as authority
from dangjian_core.kernel import trail
from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.concept import Concept, FollowUp, Guard, Projection
from dangjian_core.kernel.facts import Facts, WithOwn
from dangjian_core.kernel.readmodel import Change, Table
from dangjian_core.kernel.recorded import Recorded

#: Every concept, in the order they build on each other.
CONCEPTS: tuple[Concept[Any, Any, Any], ...] = (
    units.CONCEPT,
    people.CONCEPT,
    calendar.CONCEPT,
    grids.CONCEPT,
    tasks.CONCEPT,
    points.CONCEPT,
    evaluation.CONCEPT,
    ratings.CONCEPT,
    work.CONCEPT,
    development.CONCEPT,
)


def _stored_names(concepts: Iterable[Concept[Any, Any, Any]]) -> dict[str, type[Any]]:
    names: dict[str, type[Any]] = {}
    for concept in concepts:
        for name, event_type in concept.events.items():
            if name in names or event_type in names.values():
                raise AssertionError(f"{name}: every event needs exactly one stored name")
            names[name] = event_type
    return names


def _check_prefixes(concepts: Iterable[Concept[Any, Any, Any]]) -> None:
    heads = [f"{concept.stream_prefix}-" for concept in concepts]
    for head in heads:
        if any(other != head and other.startswith(head) for other in heads):
            raise AssertionError(f"stream prefix {head!r} is a prefix of another concept's")


_check_prefixes(CONCEPTS)

#: Stable stored names of every event type. These strings are a storage contract: a class
#: may be renamed or moved, but its stored name stays; a changed event gets a new name
#: (e.g. ``TaskIssued@2``) and an upcaster from the old one (see docs/programming-model.md).
EVENT_TYPES: Mapping[str, type[Any]] = _stored_names(CONCEPTS)
EVENT_NAMES: Mapping[type[Any], str] = {cls: name for name, cls in EVENT_TYPES.items()}

_BY_COMMAND = {command: c for c in CONCEPTS for command in c.commands}
_BY_PREFIX = {c.stream_prefix: c for c in CONCEPTS}
_BY_EVENT = {event: c for c in CONCEPTS for event in c.events.values()}
_GUARDS: dict[type[Any], list[Guard]] = {}
for _concept in CONCEPTS:
    for _guard in _concept.guards:
        for _guarded in _guard.on:
            _GUARDS.setdefault(_guarded, []).append(_guard)


def concept_of(command: Any) -> Concept[Any, Any, Any]:
    """The concept that decides ``command``."""
    try:
        return _BY_COMMAND[type(command)]
    except KeyError:
        raise TypeError(f"not a dangjian command: {type(command).__name__}") from None


def concept_of_event(event: Any) -> Concept[Any, Any, Any]:
    """The concept whose stream records ``event``."""
    try:
        return _BY_EVENT[type(event)]
    except KeyError:
        raise TypeError(f"not a dangjian event: {type(event).__name__}") from None


def concept_of_prefix(prefix: str) -> Concept[Any, Any, Any]:
    """The concept whose streams start ``<prefix>-``."""
    return _BY_PREFIX[prefix]


def concept_of_stream(stream_id: str) -> Concept[Any, Any, Any] | None:
    """The concept a stream belongs to (None for a stream of no concept)."""
    prefix, _, _ = stream_id.partition("-")
    return _BY_PREFIX.get(prefix)


def stream_of(command: Any) -> str:
    """The id of the stream ``command`` is decided against."""
    return concept_of(command).stream_of(command)


def decide(command: Any, state: Any, facts: Facts) -> list[Any]:
    """Decide ``command`` against its stream's state: the rules other concepts impose on
    the command, its concept's decision, then their rules on the events it decided
    (:class:`Guard`)."""
    concept = concept_of(command)
    own = WithOwn(facts, concept.stream_of(command), state)
    for guard in _GUARDS.get(type(command), ()):
        guard.check(command, own)
    events = list(concept.decide(command, state, facts))
    for event in events:
        for guard in _GUARDS.get(type(event), ()):
            guard.check(event, facts)
    return events


def subjects_of(event: Any) -> list[str]:
    """Every unit, task, person … an event concerns, as ``kind:id``."""
    return trail.subjects_of(event, concept_of_event(event).subjects)


def project_audit(recorded: Recorded[Any]) -> list[Change]:
    """The audit trail's index rows: one per subject the event concerns."""
    return trail.index_rows(recorded, concept_of_event(recorded.event).subjects)


PROJECTIONS: tuple[Projection, ...] = (
    *(projection for concept in CONCEPTS for projection in concept.projections),
    # Version 2: subjects come from each concept's declaration (work items, grid blocks,
    # objections … have trails), so stores indexed by version 1 rebuild on opening.
    Projection("audit", trail.TABLES, project_audit, version=2),
)
ALL_TABLES: tuple[Table, ...] = tuple(t for p in PROJECTIONS for t in p.tables)

_PROJECTORS = {
    event_type: tuple(
        p.project for p in PROJECTIONS if p.listens_to is None or event_type in p.listens_to
    )
    for event_type in EVENT_TYPES.values()
}


def project_all(recorded: Recorded[Any]) -> list[Change]:
    """Every row change one event makes across all read models."""
    return [c for project in _PROJECTORS[type(recorded.event)] for c in project(recorded)]


def follow_ups(recorded: Recorded[Any]) -> list[FollowUp]:
    """The commands that must follow one recorded event (a concept may follow any
    concept's events), with their deterministic command ids."""
    return [follow for concept in CONCEPTS for follow in concept.follow_ups(recorded)]


def violation(recorded: Recorded[Any], facts: Facts, before: Any) -> Rule | None:
    """The rule a recorded event's actor broke, or None: its concept's authority replay,
    against ``facts`` and its stream's state ``before`` as they stood just before it."""
    return concept_of_event(recorded.event).authority(recorded, facts, before)


def audit(log: Iterable[Recorded[Any]]) -> list[authority.Flag]:
    """Every event in ``log`` whose actor lacked the authority at the time."""
    return authority.audit(log, concept_of_event, lambda event: EVENT_NAMES[type(event)])
