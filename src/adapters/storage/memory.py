"""内存事件库 — eventsourcing's plain-Python recorder, for tests and throwaway runs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager

import attrs
from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.popo import POPOApplicationRecorder

from adapters.storage.chain import ChainEntry, LinkedEvent, event_bytes, extend, genesis
from adapters.storage.errors import StorageError, VersionConflict
from adapters.storage.merkle import HashTree, leaf_hash
from adapters.storage.secrets import MemorySecrets, SqlSecrets
from adapters.storage.store import (
    Attempt,
    CheckpointRecord,
    CommandRecord,
    EventStore,
    NewEvent,
    StoredRow,
    WriteTransaction,
    prefix_range,
)
from adapters.storage.views import MemoryViewTransaction, ViewTransaction
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.kernel.readmodel import MemoryViews


class MemoryWriteTransaction(WriteTransaction):
    """内存写事务 — runs under the recorder's lock; its writes land only if the block succeeds.

    Like a database transaction: appends and command records are held back until
    :meth:`commit`, so a command that fails half-way leaves nothing behind.
    """

    def __init__(self, store: MemoryEventStore) -> None:
        self._store = store
        self._events: list[StoredEvent] = []
        self._commands: dict[str, CommandRecord] = {}
        self._attempts: list[Attempt] = []

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events, including those appended in this transaction."""
        base = self._store.max_position()
        pending = [
            StoredRow(base + i + 1, stream_id, s.originator_version, s.topic, s.state)
            for i, s in enumerate(self._events)
            if s.originator_id == stream_id and s.originator_version > after_version
        ]
        return self._store.read_stream(stream_id, after_version) + pending

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        return self._commands.get(command_id) or self._store.commands.get(command_id)

    def stream_ids(self, prefix: str) -> list[str]:
        """Stream ids by prefix, including streams begun in this transaction."""
        low, high = prefix_range(prefix)
        index = self._store.recorder._stored_events_index
        known = {sid for sid, versions in index.items() if versions}
        known |= {str(s.originator_id) for s in self._events}
        return sorted(str(sid) for sid in known if low <= str(sid) < high)

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Hold the events for commit; refuse a version the stream already has."""
        versions = [e.version for e in events]
        taken = set(self._store.recorder._stored_events_index.get(stream_id, {}))
        taken |= {s.originator_version for s in self._events if s.originator_id == stream_id}
        clash = sorted(set(versions) & taken)
        if clash or len(set(versions)) < len(versions):
            raise VersionConflict(
                f"事件流 {stream_id} 的版本冲突:{clash or versions}",
                f"stream {stream_id} already has version(s) {clash or versions}",
            )
        first = self._store.max_position() + len(self._events) + 1
        self._events += [StoredEvent(stream_id, e.version, e.topic, e.state) for e in events]
        return list(range(first, first + len(events)))

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command (on commit)."""
        self._commands[record.command_id] = record

    def log_attempt(self, attempt: Attempt) -> None:
        """Keep a refused command (on commit)."""
        self._attempts.append(attempt)

    def commit(self) -> None:
        """Make the transaction's events, their chain links and command records permanent."""
        if self._events:
            positions = self._store.recorder.insert_events(self._events) or []
            self._store.link(positions, self._events)
        self._store.commands.update(self._commands)
        for attempt in self._attempts:
            self._store.record_attempt(attempt)


class MemoryEventStore(EventStore):
    """内存事件库 — everything in dictionaries; gone when the process ends."""

    def __init__(self, *, ledger: str | None = None) -> None:
        self.url = "memory://"
        self._secrets = MemorySecrets()
        self.recorder = POPOApplicationRecorder()
        self.commands: dict[str, CommandRecord] = {}
        self._ledger = ledger or "dangjian:memory"
        self.chain: list[ChainEntry] = []
        self.tree = HashTree()
        self.binding: str | None = None
        self.checkpoints: list[CheckpointRecord] = []
        self.attempts: list[Attempt] = []
        self._views = MemoryViews(ALL_TABLES)
        self._tracking: dict[str, int] = {}

    @contextmanager
    def writing(self, stream_id: str) -> Iterator[WriteTransaction]:  # noqa: ARG002
        """Hold the recorder's lock (one for every stream) for load → decide → append."""
        with self.recorder._database_lock:
            transaction = MemoryWriteTransaction(self)
            yield transaction
            transaction.commit()

    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Many streams' events at once (the recorder checks versions first)."""
        stored = [StoredEvent(sid, e.version, e.topic, e.state) for sid, e in events]
        with self.recorder._database_lock:
            try:
                positions = list(self.recorder.insert_events(stored) or [])
            except IntegrityError as error:
                raise VersionConflict(
                    "事件版本冲突,批量写入已撤销", f"version clash: {error}"
                ) from error
            self.link(positions, stored)
            return positions

    def link(self, positions: Sequence[int], stored: Sequence[StoredEvent]) -> None:
        """Chain newly inserted events after the current head."""
        seq, previous = (
            (self.chain[-1].seq, self.chain[-1].hash) if self.chain else (0, genesis(self.ledger))
        )
        events = [
            LinkedEvent(position, str(s.originator_id), s.originator_version, s.topic, s.state)
            for position, s in zip(positions, stored, strict=True)
        ]
        self.chain += extend(seq, previous, events)
        for event in events:
            self.tree.append(leaf_hash(event_bytes(event)))

    @property
    def ledger(self) -> str:
        """The ledger's name."""
        return self._ledger

    def chain_at(self, position: int) -> ChainEntry | None:
        """The chain entry covering the event at a stored position."""
        return next((entry for entry in reversed(self.chain) if entry.position == position), None)

    def tree_size(self) -> int:
        """The Merkle tree's size."""
        return self.tree.size

    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        """The Merkle tree's stored hashes by index."""
        try:
            return self.tree.read(indexes)
        except IndexError as error:
            raise StorageError(
                "默克尔树缺少节点", f"the Merkle tree lacks a hash: {error}"
            ) from error

    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Chain entries after a sequence number."""
        return self.chain[after_seq : after_seq + limit]

    def record_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Keep a checkpoint (sizes are unique)."""
        if any(c.size == checkpoint.size for c in self.checkpoints):
            raise StorageError(
                "该大小的检查点已存在", f"a checkpoint of size {checkpoint.size} exists"
            )
        self.checkpoints = sorted([*self.checkpoints, checkpoint], key=lambda c: c.size)

    def record_binding(self, note: str) -> None:
        """Keep the chain-to-tree statement."""
        self.binding = note

    def read_binding(self) -> str | None:
        """The chain-to-tree statement."""
        return self.binding

    def record_cosigned(self, size: int, note: str) -> None:
        """Replace a kept checkpoint's note."""
        self.checkpoints = [
            attrs.evolve(c, note=note) if c.size == size else c for c in self.checkpoints
        ]

    def read_checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint, smallest first."""
        return list(self.checkpoints)

    def record_attempt(self, attempt: Attempt) -> None:
        """Log a refused command with the next id."""
        self.attempts.append(attrs.evolve(attempt, id=len(self.attempts) + 1))

    def read_attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """Refused commands after an id."""
        return self.attempts[after_id : after_id + limit]

    def stream_ids(self, prefix: str) -> list[str]:
        """Committed stream ids by prefix."""
        low, high = prefix_range(prefix)
        index = self.recorder._stored_events_index
        return sorted(sid for sid, versions in index.items() if versions and low <= sid < high)

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

    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """Events by position (1-based index into the recorder's list)."""
        found = []
        for position in sorted(positions):
            s = self.recorder._stored_events[position - 1]
            found.append(
                StoredRow(position, str(s.originator_id), s.originator_version, s.topic, s.state)
            )
        return found

    def max_position(self) -> int:
        """The number of events."""
        return int(self.recorder.max_notification_id() or 0)

    def secrets(self, *, write: bool = False) -> AbstractContextManager[SqlSecrets]:  # noqa: ARG002
        """The secret tables (an in-memory SQLite database of their own)."""
        return self._secrets.transaction()

    @contextmanager
    def views(
        self,
        *,
        write: bool = False,  # noqa: ARG002
        patience: float | None = None,  # noqa: ARG002
    ) -> Iterator[ViewTransaction]:
        """The dictionaries, under the recorder's lock (reads and writes alike: it is held
        only for moments, by this process's threads); a block that raises leaves rows and
        position as they were."""
        with self.recorder._database_lock:
            transaction = MemoryViewTransaction(self._views, self._tracking)
            try:
                yield transaction
            except BaseException:
                transaction.rollback()
                raise

    def close(self) -> None:
        """Nothing to release."""
