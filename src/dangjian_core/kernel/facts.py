"""事实 — what a decision may know of other streams, asked of one lookup.

A decision needs facts from other streams: who holds which role in the unit at the time,
what a claimant's party status is, whether the cycle is closed. It asks them of
:class:`Facts`: ``facts.get(UNITS, "paixilv")`` is the folded state of that unit's stream,
``facts.ids(UNITS)`` every unit with a stream, and ``facts.rows(LEDGER, where)`` rows of a
read model as of the end of the log. The application answers from the store, under the
same lock as the decision; tests and replays answer from :class:`MemoryFacts`. Decisions
stay pure: the same facts, the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from dangjian_core.kernel.readmodel import MemoryViews, Table, Value

if TYPE_CHECKING:
    from dangjian_core.kernel.concept import Stream

S = TypeVar("S")
Row = dict[str, Value]


class Facts(Protocol):
    """事实 — states of other streams and rows of read models, as of the decision."""

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """The folded state of the stream for ``subject_id`` (its initial
        state when the stream has no events)."""

    def ids(self, stream: Stream[Any]) -> list[str]:
        """The subject ids of every stream of this kind, sorted."""

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]:
        """The rows of a read-model table whose columns equal ``where``, with every
        recorded event applied."""

    def position(self) -> int:
        """The log position the facts reflect (0 for none)."""


class MemoryFacts:
    """固定事实 — facts over given states (by stream id) and in-memory views.

    Tests build one from plain values; the authority replay and the in-memory village
    keep one up to date as they fold the log.
    """

    def __init__(
        self,
        states: Mapping[str, Any] | None = None,
        views: MemoryViews | None = None,
        position: int = 0,
    ) -> None:
        self.states: dict[str, Any] = dict(states or {})
        self.views = views
        self.at_position = position

    @classmethod
    def of(cls, stream: Stream[Any], states: Mapping[str, Any]) -> MemoryFacts:
        """Facts holding ``states`` of one kind of stream, keyed by subject id."""
        return cls({stream.id(key): state for key, state in states.items()})

    def given(self, stream: Stream[Any], states: Mapping[str, Any]) -> MemoryFacts:
        """These facts with ``states`` of one more kind of stream, keyed by subject id."""
        added = {stream.id(key): state for key, state in states.items()}
        return MemoryFacts({**self.states, **added}, self.views, self.at_position)

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """The given state, or the stream's state before any event."""
        stream_id = stream.id(subject_id)
        if stream_id in self.states:
            state: S = self.states[stream_id]
            return state
        return stream.initial()

    def ids(self, stream: Stream[Any]) -> list[str]:
        """Every given subject of this kind of stream."""
        found = (stream.subject_of(stream_id) for stream_id in self.states)
        return sorted(subject for subject in found if subject is not None)

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]:
        """Matching rows of the given views (none without views)."""
        if self.views is None or table.name not in self.views.tables:
            return []
        return self.views.select(table.name, where)

    def position(self) -> int:
        """The given position."""
        return self.at_position


class WithOwn:
    """自身事实 — facts in which the deciding stream answers with the state it is decided
    against (what a rule on the command sees of its own stream)."""

    def __init__(self, facts: Facts, stream_id: str, state: Any) -> None:
        self._facts = facts
        self._stream_id = stream_id
        self._state = state

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """The own stream's state, or the facts' answer."""
        if stream.id(subject_id) == self._stream_id:
            state: S = self._state
            return state
        return self._facts.get(stream, subject_id)

    def ids(self, stream: Stream[Any]) -> list[str]:
        """As the facts say."""
        return self._facts.ids(stream)

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]:
        """As the facts say."""
        return self._facts.rows(table, where)

    def position(self) -> int:
        """As the facts say."""
        return self._facts.position()


def states_of(facts: Facts, stream: Stream[S]) -> Iterable[S]:
    """Every state of one kind of stream among the facts, in subject id order."""
    return (facts.get(stream, subject) for subject in facts.ids(stream))
