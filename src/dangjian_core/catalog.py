"""目录 — the concepts, and every registry the adapters use, derived from them.

Each concept describes itself (:class:`~dangjian_core.kernel.concept.Concept`); this
module lists them once and derives the rest: the stable stored name of every event, the
concept that decides a command or recorded an event, every read model, what must follow
an event, the rules concepts impose on each other's events, the audit trail's subjects
and the authority replay. Adding a concept adds one line to :data:`CONCEPTS`; a test
derives the same registries for concepts of its own with :func:`derive`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dangjian_core import (
    accounts,
    calendar,
    campaigns,
    commitments,
    contests,
    coverage,
    development,
    duties,
    evaluation,
    grids,
    matters,
    people,
    points,
    ratings,
    tasks,
    units,
    work,
)
from dangjian_core.kernel import audit as replay
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
    accounts.CONCEPT,
    tasks.CONCEPT,
    points.CONCEPT,
    evaluation.CONCEPT,
    commitments.CONCEPT,
    ratings.CONCEPT,
    work.CONCEPT,
    development.CONCEPT,
    campaigns.CONCEPT,
    contests.CONCEPT,
    duties.CONCEPT,
    coverage.CONCEPT,
    matters.CONCEPT,
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


class Catalog:
    """目录 — every registry the adapters use, derived from a tuple of concepts.

    :data:`CONCEPTS` gives the library's own (its maps and functions are this module's
    names); a test derives one for a toy concept the same way (:func:`derive`).
    """

    def __init__(self, concepts: tuple[Concept[Any, Any, Any], ...]) -> None:
        _check_prefixes(concepts)
        self.concepts = concepts
        #: Stable stored names of every event type (see :data:`EVENT_TYPES`).
        self.event_types: Mapping[str, type[Any]] = _stored_names(concepts)
        self.event_names: Mapping[type[Any], str] = {c: n for n, c in self.event_types.items()}
        self._by_command = {command: c for c in concepts for command in c.commands}
        self._by_prefix = {c.stream_prefix: c for c in concepts}
        self._by_event = {event: c for c in concepts for event in c.events.values()}
        self._guards: dict[type[Any], list[Guard]] = {}
        for concept in concepts:
            for guard in concept.guards:
                for guarded in guard.on:
                    self._guards.setdefault(guarded, []).append(guard)
        self.projections: tuple[Projection, ...] = (
            *(projection for concept in concepts for projection in concept.projections),
            # Version 2: subjects come from each concept's declaration (work items, grid
            # blocks, objections … have trails), so stores indexed by version 1 rebuild.
            Projection("audit", trail.TABLES, self.project_audit, version=2),
        )
        self.all_tables: tuple[Table, ...] = tuple(t for p in self.projections for t in p.tables)
        self._projectors = {
            event_type: tuple(
                p.project
                for p in self.projections
                if p.listens_to is None or event_type in p.listens_to
            )
            for event_type in self.event_types.values()
        }

    def concept_of(self, command: Any) -> Concept[Any, Any, Any]:
        """The concept that decides ``command``."""
        try:
            return self._by_command[type(command)]
        except KeyError:
            raise TypeError(f"not a dangjian command: {type(command).__name__}") from None

    def concept_of_event(self, event: Any) -> Concept[Any, Any, Any]:
        """The concept whose stream records ``event``."""
        try:
            return self._by_event[type(event)]
        except KeyError:
            raise TypeError(f"not a dangjian event: {type(event).__name__}") from None

    def concept_of_prefix(self, prefix: str) -> Concept[Any, Any, Any]:
        """The concept whose streams start ``<prefix>-``."""
        return self._by_prefix[prefix]

    def concept_of_stream(self, stream_id: str) -> Concept[Any, Any, Any] | None:
        """The concept a stream belongs to (None for a stream of no concept)."""
        prefix, _, _ = stream_id.partition("-")
        return self._by_prefix.get(prefix)

    def stream_of(self, command: Any) -> str:
        """The id of the stream ``command`` is decided against."""
        return self.concept_of(command).stream_of(command)

    def decide(self, command: Any, state: Any, facts: Facts) -> list[Any]:
        """Decide ``command`` against its stream's state: the rules other concepts impose
        on the command, its concept's decision, then their rules on the events it decided
        (:class:`Guard`)."""
        concept = self.concept_of(command)
        own = WithOwn(facts, concept.stream_of(command), state)
        for guard in self._guards.get(type(command), ()):
            guard.check(command, own)
        events = list(concept.decide(command, state, facts))
        for event in events:
            for guard in self._guards.get(type(event), ()):
                guard.check(event, facts)
        return events

    def subjects_of(self, event: Any) -> list[str]:
        """Every unit, task, person … an event concerns, as ``kind:id``."""
        return trail.subjects_of(event, self.concept_of_event(event).subjects)

    def project_audit(self, recorded: Recorded[Any]) -> list[Change]:
        """The audit trail's index rows: one per subject the event concerns."""
        return trail.index_rows(recorded, self.concept_of_event(recorded.event).subjects)

    def project_all(self, recorded: Recorded[Any]) -> list[Change]:
        """Every row change one event makes across all read models."""
        projectors = self._projectors[type(recorded.event)]
        return [change for project in projectors for change in project(recorded)]

    def follow_ups(self, recorded: Recorded[Any]) -> list[FollowUp]:
        """The commands that must follow one recorded event (a concept may follow any
        concept's events), with their deterministic command ids."""
        return [follow for concept in self.concepts for follow in concept.follow_ups(recorded)]

    def violation(self, recorded: Recorded[Any], facts: Facts, before: Any) -> Rule | None:
        """The rule a recorded event's actor broke, or None: its concept's authority
        replay, against ``facts`` and its stream's state ``before`` as they stood just
        before it."""
        return self.concept_of_event(recorded.event).authority(recorded, facts, before)

    def audit(self, log: Iterable[Recorded[Any]]) -> list[replay.Flag]:
        """Every event in ``log`` whose actor lacked the authority at the time."""
        return replay.audit(log, self.concept_of_event, lambda event: self.event_names[type(event)])


def derive(concepts: tuple[Concept[Any, Any, Any], ...]) -> Catalog:
    """Every registry of ``concepts``: what this module derives from :data:`CONCEPTS`."""
    return Catalog(concepts)


_CATALOG = derive(CONCEPTS)

#: Stable stored names of every event type. These strings are a storage contract: a class
#: may be renamed or moved, but its stored name stays; a changed event gets a new name
#: (e.g. ``TaskIssued@2``) and an upcaster from the old one (see docs/programming-model.md).
EVENT_TYPES: Mapping[str, type[Any]] = _CATALOG.event_types
EVENT_NAMES: Mapping[type[Any], str] = _CATALOG.event_names
#: Every read model: each concept's, and the audit trail's index.
PROJECTIONS: tuple[Projection, ...] = _CATALOG.projections
ALL_TABLES: tuple[Table, ...] = _CATALOG.all_tables

# The library's registry, as functions (see :class:`Catalog` for each).
concept_of = _CATALOG.concept_of
concept_of_event = _CATALOG.concept_of_event
concept_of_prefix = _CATALOG.concept_of_prefix
concept_of_stream = _CATALOG.concept_of_stream
stream_of = _CATALOG.stream_of
decide = _CATALOG.decide
subjects_of = _CATALOG.subjects_of
project_audit = _CATALOG.project_audit
project_all = _CATALOG.project_all
follow_ups = _CATALOG.follow_ups
violation = _CATALOG.violation
audit = _CATALOG.audit
