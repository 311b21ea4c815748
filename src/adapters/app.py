"""应用入口 — the one entry point for services, the CLI and the web: :func:`open_app`.

>>> app = open_app("memory://")
>>> outcome = app.handle(command)          # the recorded events, or a typed DomainError
>>> app.attempts()                         # refused commands, kept apart from the events
>>> app.queries.wall("paixilv")            # read models, caught up first
>>> app.follow(after=0)                    # the event feed, from a position

Handling a command: lock the stream, recall the command id, top up the cached state,
decide, append at the next version, remember the command id — all in one transaction.
A refused command raises and writes nothing.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import attrs
from attrs import frozen

from adapters.command_digest import digests
from adapters.follow_up import FollowUpResult
from adapters.queries import Queries
from adapters.storage import projector
from adapters.storage.errors import DuplicateCommandId, VersionConflict
from adapters.storage.folding import StateCache, StoreFacts, fold
from adapters.storage.mapper import Envelope, converter, dumps, encode, recorded_of
from adapters.storage.store import (
    Attempt,
    CommandRecord,
    EventStore,
    NewEvent,
    WriteTransaction,
)
from adapters.storage.urls import open_store
from dangjian_core.catalog import concept_of, decide, follow_ups, stream_of
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.recorded import Recorded


@frozen
class HistoryItem:
    """历史事件 — an already-decided event to bulk-load: stream, version, actor, time."""

    stream_id: str
    version: int
    event: Any
    actor_id: str
    at: datetime


@frozen
class Outcome:
    """结果 — the events a command recorded; ``replayed`` when its id was seen before."""

    events: tuple[Recorded[Any], ...]
    replayed: bool = False
    #: The commands that followed in other streams, each handled in its own transaction
    #: after this one committed (a confirmed list → each person to 发展对象; ADR 0010).
    follow_ups: tuple[FollowUpResult, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the command recorded anything."""
        return bool(self.events)


#: How many times a command is decided when another writer keeps appending first.
CONFLICT_RETRIES = 3


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Dangjian:
    """党建应用 — commands in, events recorded, read models out."""

    def __init__(self, store: EventStore, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self.store = store
        self._clock = clock
        self._cache = StateCache()
        self.queries = Queries(store)

    def handle(self, command: Any, *, command_id: str | None = None) -> Outcome:
        """Decide and record one command; a repeated ``command_id`` is answered, not re-applied.

        The stream is locked from load to append, so handled commands never race each
        other; should a writer that takes no stream lock (a bulk load) get in first, the
        stream is reloaded and the command decided again, a bounded number of times.
        """
        outcome = self._decided(command, command_id or uuid.uuid4().hex)
        if not outcome.events:
            return outcome
        # Also when answered again: a retry after a crash finishes the follow-ups.
        return attrs.evolve(outcome, follow_ups=tuple(self.follow_up(outcome.events)))

    def follow_up(self, events: Iterable[Recorded[Any]]) -> list[FollowUpResult]:
        """Handle the commands that follow ``events`` (already committed), in order.

        Each has a deterministic command id, so running them again answers the ones already
        handled. A refused follow-up is reported (and in the attempts log), not raised: the
        triggering event stands.
        """
        results = []
        for recorded in events:
            for follow in follow_ups(recorded):
                name, stream = type(follow.command).__name__, stream_of(follow.command)
                try:
                    done = self.handle(follow.command, command_id=follow.command_id)
                except DomainError as refused:
                    results.append(
                        FollowUpResult(follow.command_id, name, stream, False, error=str(refused))
                    )
                    continue
                fresh = done.changed and not done.replayed
                results.append(
                    FollowUpResult(follow.command_id, name, stream, True, done.replayed, fresh)
                )
        return results

    def _decided(self, command: Any, command_id: str) -> Outcome:
        concept, stream_id = concept_of(command), stream_of(command)
        digest, *earlier = digests(command)
        for _ in range(CONFLICT_RETRIES - 1):
            try:
                return self._handle(command, concept, stream_id, command_id, digest, earlier)
            except VersionConflict:
                self._cache.forget(stream_id)
        return self._handle(command, concept, stream_id, command_id, digest, earlier)

    def _handle(
        self,
        command: Any,
        concept: Concept[Any, Any, Any],
        stream_id: str,
        command_id: str,
        digest: str,
        earlier: list[str],
    ) -> Outcome:
        refusal: DomainError | None = None
        with self.store.writing(stream_id) as tx:
            # the command id and the stream's new events in one go (one round trip)
            cached_version, cached_state = self._cache.get(concept, stream_id)
            record, rows = tx.recall_and_read(command_id, stream_id, cached_version)
            if record is not None:
                return self._answer_again(tx, record, (digest, *earlier))
            version, state = fold(concept, cached_version, cached_state, rows)
            facts = StoreFacts(tx, self._cache, self.store)
            try:
                events = decide(command, state, facts)
            except DomainError as refused:
                # Kept in the attempts log by this same transaction; no event is written.
                tx.log_attempt(self._attempt(command, stream_id, command_id, refused))
                refusal = refused
            else:
                envelope = Envelope(command.actor_id, command.at, command_id, self._clock())
                new = [
                    NewEvent(version + i + 1, *encode(e, envelope)) for i, e in enumerate(events)
                ]
                positions = tx.append(stream_id, new) if new else []
                tx.remember(CommandRecord(command_id, digest, stream_id, version + 1, len(new)))
        if refusal is not None:
            raise refusal
        for event in events:
            state = concept.evolve(state, event)
        self._cache.put(stream_id, version + len(events), state)
        return Outcome(
            tuple(
                Recorded(pos, stream_id, e.version, command.actor_id, command.at, event)
                for pos, e, event in zip(positions, new, events, strict=True)
            )
        )

    def _attempt(
        self, command: Any, stream_id: str, command_id: str, refusal: DomainError
    ) -> Attempt:
        """A refused command for the attempts log (apart from the events), for
        inspectors: who tried what, when, and why it was refused."""
        return Attempt(
            0,
            self._clock().isoformat(),
            command.at.isoformat(),
            command.actor_id,
            type(command).__name__,
            stream_id,
            command_id,
            refusal.code,
            str(refusal),
            dumps(converter.unstructure(command)).decode(),
        )

    def attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """The attempts log: refused commands after an id, oldest first."""
        return self.store.read_attempts(after_id, limit)

    def recall(self, command_id: str) -> Outcome | None:
        """What a command id recorded, if it was handled — so a retry can be answered from
        the id alone, without rebuilding the original command."""
        with self.store.writing(f"recall:{command_id}") as tx:
            record = tx.recall(command_id)
            return None if record is None else self._recorded_again(tx, record)

    def _answer_again(
        self, tx: WriteTransaction, record: CommandRecord, digests: tuple[str, ...]
    ) -> Outcome:
        # A command recorded before a field was added matches one of its earlier digests.
        if record.digest not in digests:
            raise DuplicateCommandId(
                f"命令编号 {record.command_id} 已用于另一条命令",
                f"command id {record.command_id} was already used for a different command",
            )
        return self._recorded_again(tx, record)

    def _recorded_again(self, tx: WriteTransaction, record: CommandRecord) -> Outcome:
        rows = tx.read_stream(record.stream_id, record.first_version - 1)[: record.count]
        return Outcome(tuple(recorded_of(row) for row in rows), replayed=True)

    def load(
        self,
        history: Iterable[HistoryItem],
        *,
        batch: int = 10_000,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Bulk-load decided history (imports, generated datasets), many events per transaction.

        This bypasses ``decide``: use it only for histories produced by the deciders
        (e.g. :mod:`benchmarks.generate`) or exported from another store.
        """
        total = 0
        for chunk in _batched(history, batch):
            rows = [
                (item.stream_id, NewEvent(item.version, *encode(item.event, self._envelope(item))))
                for item in chunk
            ]
            self.store.append_batch(rows)
            total += len(rows)
            if progress is not None:
                progress(len(rows))
        self._cache.clear()
        return total

    def _envelope(self, item: HistoryItem) -> Envelope:
        command_id = f"load:{item.stream_id}:{item.version}"
        return Envelope(item.actor_id, item.at, command_id, self._clock())

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Bring the materialised views up to the log; returns how many events were applied."""
        return projector.catch_up(self.store, progress=progress)

    def follow(self, after: int = 0, limit: int = 1000) -> list[Recorded[Any]]:
        """The event feed: up to ``limit`` recorded events after a global position."""
        return [recorded_of(r) for r in self.store.read_log(after, limit)]

    def feed(self, after: int = 0, page: int = 1000) -> Iterator[Recorded[Any]]:
        """Every recorded event after a position, read page by page until the end."""
        while batch := self.follow(after, page):
            yield from batch
            after = batch[-1].position

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()

    def __enter__(self) -> Dangjian:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _batched(items: Iterable[HistoryItem], size: int) -> Iterator[list[HistoryItem]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def open_app(
    url: str | None = None, *, clock: Callable[[], datetime] = _utc_now, create: bool = True
) -> Dangjian:
    """Open the application on a store URL (``sqlite:///path.db``, a path, ``memory://``,
    ``postgresql://…``); ``create=False`` refuses a SQLite file that does not exist."""
    return Dangjian(open_store(url, create=create), clock=clock)
