"""A world to play commands in, kept the way the application keeps it: the whole catalog
decides (guards included), events are recorded, folded and projected, follow-ups are
handled, and the facts of a decision are every stream's state and every read model.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import attrs

from dangjian_core.calendar.commands import DEFAULT_CALENDAR
from dangjian_core.calendar.state import CALENDAR, CalendarState
from dangjian_core.catalog import (
    ALL_TABLES,
    concept_of,
    concept_of_event,
    decide,
    follow_ups,
    project_all,
    stream_of,
)
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.readmodel import MemoryViews
from dangjian_core.kernel.recorded import Recorded
from tests.calendars import with_official
from tests.core.given import Village


class World:
    """世界 — every stream's state, the recorded log and every read model, kept the way
    the application keeps them; facts for a decision are all of them."""

    def __init__(self) -> None:
        self.states: dict[str, Any] = {}
        self.versions: dict[str, int] = {}
        self.log: list[Recorded[Any]] = []
        self.views = MemoryViews(ALL_TABLES)

    @classmethod
    def of(cls, log: list[Recorded[Any]]) -> World:
        """The world a recorded log leaves."""
        world = cls()
        for recorded in log:
            world.record(recorded.stream_id, recorded.actor_id, recorded.at, recorded.event)
        return world

    def facts(self) -> MemoryFacts:
        """What a decision may know now: every state and read model; the default calendar
        has the official holidays of the years nobody declared (as after go-live's
        ``calendar import-official``)."""
        default = CALENDAR.id(DEFAULT_CALENDAR)
        given = self.states.get(default) or CalendarState(DEFAULT_CALENDAR)
        calendar = attrs.evolve(given, calendar=with_official(given.calendar))
        return MemoryFacts({**self.states, default: calendar}, self.views, len(self.log))

    def state_of(self, command: Any) -> Any:
        """The state of the stream ``command`` is decided against."""
        return self.states.get(stream_of(command), concept_of(command).initial())

    def next_recorded(self, command: Any, event: Any, offset: int = 0) -> Recorded[Any]:
        """How ``event`` would be recorded as the ``offset``-th event after the log."""
        stream = stream_of(command)
        version = self.versions.get(stream, 0) + offset + 1
        return Recorded(
            len(self.log) + offset + 1, stream, version, command.actor_id, command.at, event
        )

    def record(self, stream: str, actor: str, at: Any, event: Any) -> Recorded[Any]:
        """Fold, number, log and project one event."""
        concept = concept_of_event(event)
        self.states[stream] = concept.evolve(self.states.get(stream, concept.initial()), event)
        self.versions[stream] = self.versions.get(stream, 0) + 1
        recorded = Recorded(len(self.log) + 1, stream, self.versions[stream], actor, at, event)
        self.log.append(recorded)
        self.views.apply(project_all(recorded))
        return recorded

    def handle(self, command: Any) -> list[Any]:
        """Decide and record ``command``, then its follow-ups (refused ones are dropped,
        as the application reports and keeps them); its own refusal propagates."""
        events = decide(command, self.state_of(command), self.facts())
        pending = [self.record(stream_of(command), command.actor_id, command.at, e) for e in events]
        while pending:
            for follow in follow_ups(pending.pop(0)):
                try:
                    found = decide(follow.command, self.state_of(follow.command), self.facts())
                except DomainError:
                    continue
                stream, cmd = stream_of(follow.command), follow.command
                pending += [self.record(stream, cmd.actor_id, cmd.at, e) for e in found]
        return events

    def attempt(self, command: Any) -> list[Any] | DomainError:
        """Like :meth:`handle`, but a refusal is returned instead of raised."""
        try:
            return self.handle(command)
        except DomainError as refusal:
            return refusal

    def copy(self) -> World:
        """A world to play on, leaving this one as it is."""
        return World.of(self.log)


def village_world(build: Callable[[], Village], *then: Any) -> Callable[[], World]:
    """A cached world: a seed village's log, then ``then`` handled as the application would."""

    @cache
    def world() -> World:
        made = World.of(build().log)
        for command in then:
            made.handle(command)
        return made

    return world
