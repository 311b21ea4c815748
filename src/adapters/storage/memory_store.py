"""内存事件库 — eventsourcing's plain-Python recorder, for tests and throwaway runs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from eventsourcing.persistence import StoredEvent
from eventsourcing.popo import POPOApplicationRecorder

from adapters.storage.store import (
    CommandRecord,
    EventStore,
    NewEvent,
    StoredRow,
    WriteTransaction,
)
from adapters.storage.views import MemoryViewTransaction, ViewTransaction
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.shared.readmodel import MemoryViews


class MemoryWriteTransaction(WriteTransaction):
    """内存写事务 — runs under the recorder's lock; appends go straight in."""

    def __init__(self, store: MemoryEventStore) -> None:
        self._store = store

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events."""
        return self._store.read_stream(stream_id, after_version)

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        return self._store.commands.get(command_id)

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Insert through the recorder (which checks version uniqueness)."""
        stored = [StoredEvent(stream_id, e.version, e.topic, e.state) for e in events]
        return list(self._store.recorder.insert_events(stored) or [])

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command."""
        self._store.commands[record.command_id] = record


class MemoryEventStore(EventStore):
    """内存事件库 — everything in dictionaries; gone when the process ends."""

    def __init__(self) -> None:
        self.url = "memory://"
        self.recorder = POPOApplicationRecorder()
        self.commands: dict[str, CommandRecord] = {}
        self._views = MemoryViews(ALL_TABLES)
        self._tracking: dict[str, int] = {}

    @contextmanager
    def writing(self, stream_id: str) -> Iterator[WriteTransaction]:  # noqa: ARG002
        """Hold the recorder's lock (one for every stream) for load → decide → append."""
        with self.recorder._database_lock:
            yield MemoryWriteTransaction(self)

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream (positions looked up from the log index)."""
        index = self.recorder._stored_events_index[stream_id]
        return [
            StoredRow(
                index[s.originator_version] + 1, stream_id, s.originator_version, s.topic, s.state
            )
            for s in self.recorder.select_events(stream_id, gt=after_version)
        ]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Events in global order."""
        found = self.recorder.select_notifications(after_position + 1, limit)
        return [
            StoredRow(n.id, str(n.originator_id), n.originator_version, n.topic, n.state)
            for n in found
        ]

    def max_position(self) -> int:
        """The number of events."""
        return int(self.recorder.max_notification_id() or 0)

    @contextmanager
    def views(self, *, write: bool = False) -> Iterator[ViewTransaction]:  # noqa: ARG002
        """The dictionaries, under the recorder's lock (reads and writes alike)."""
        with self.recorder._database_lock:
            yield MemoryViewTransaction(self._views, self._tracking)

    def close(self) -> None:
        """Nothing to release."""
