"""事件库接口 — what the application needs from an event store, whatever the backend.

Writing happens inside :meth:`EventStore.writing`: the stream is locked for the whole
load → decide → append, so a command is decided once against the latest state and its
events are appended without a version conflict (one attempt per command, however many
race for the same task). The lock is the database's own: SQLite's write lock taken by
``BEGIN IMMEDIATE``; a process-local lock for the in-memory store.

The store is cut along narrow ports, each implemented once per backend family (the SQL
ones shared by SQLite and PostgreSQL): :class:`EventLog` (the committed events),
:class:`CommandLog` (handled command ids, inside a write transaction), :class:`AuditLog`
(hash chain, checkpoints, refused attempts) and :class:`ViewStore` (materialised views).
:class:`EventStore` is all of them plus the stream lock.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager

from attrs import frozen

from adapters.storage.chain import ChainEntry
from adapters.storage.secrets import SqlSecrets
from adapters.storage.views import ViewTransaction


@frozen
class StoredRow:
    """存储行 — one stored event: global position, stream, version, topic and bytes."""

    position: int
    stream_id: str
    version: int
    topic: str
    state: bytes


@frozen
class CommandRecord:
    """命令记录 — a handled command: its digest and the versions it appended."""

    command_id: str
    digest: str
    stream_id: str
    first_version: int
    count: int


@frozen
class NewEvent:
    """待写事件 — an encoded event about to be appended at a version."""

    version: int
    topic: str
    state: bytes


@frozen
class CheckpointRecord:
    """已存检查点 — a signed checkpoint the store cut: size, head, note, why and when."""

    size: int
    head: bytes
    note: str
    reason: str
    cut_at: str


@frozen
class Attempt:
    """被拒尝试 — a refused command: who, what, when, why (kept apart from the events)."""

    id: int
    recorded_at: str
    at: str
    actor_id: str
    command_type: str
    stream_id: str
    command_id: str
    code: str
    reason: str
    command: str


class CommandLog(ABC):
    """命令日志 — the commands already handled, so a repeated command id is answered."""

    @abstractmethod
    def recall(self, command_id: str) -> CommandRecord | None:
        """The record of a command already handled, if any."""

    @abstractmethod
    def remember(self, record: CommandRecord) -> None:
        """Record that a command was handled."""


class WriteTransaction(CommandLog):
    """写事务 — reads and writes of one locked stream, committed together: its events,
    the command log, and the refused attempts."""

    @abstractmethod
    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events after a version, read under the lock."""

    @abstractmethod
    def stream_ids(self, prefix: str) -> list[str]:
        """The ids of every stream starting ``<prefix>-``, sorted."""

    def read_fact(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Another stream's events, read as a fact the decision relies on: no writer of
        that stream commits between this read and this transaction's end, so the log
        never holds a decision before the change of facts it was decided without (a
        role ended while an approval that relied on it was being decided). Backends
        whose writers are serialised anyway (SQLite's ``BEGIN IMMEDIATE``, the memory
        store's lock) just read."""
        return self.read_stream(stream_id, after_version)

    def guard_rows(self, table: str) -> None:
        """Before the decision reads rows of a read model: no other decision reading that
        table commits until this transaction ends (two people registering one ID number
        at once). Serialised backends need nothing."""

    def recall_and_read(
        self, command_id: str, stream_id: str, after_version: int
    ) -> tuple[CommandRecord | None, list[StoredRow]]:
        """A handled command's record, and (read in the same go, used when there is no
        record) the stream's events after a version: one round trip where the backend
        can send both queries at once."""
        record = self.recall(command_id)
        return record, ([] if record is not None else self.read_stream(stream_id, after_version))

    @abstractmethod
    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Append events to the stream and link them into the hash chain, in this
        transaction; returns their global positions."""

    @abstractmethod
    def log_attempt(self, attempt: Attempt) -> None:
        """Keep a refused command in the attempts log, committed with this transaction."""


class EventLog(ABC):
    """事件日志 — the committed events: by stream, in global order, by position."""

    @abstractmethod
    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """A stream's committed events after a version."""

    @abstractmethod
    def stream_ids(self, prefix: str) -> list[str]:
        """The ids of every committed stream starting ``<prefix>-``, sorted."""

    @abstractmethod
    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Bulk load: append already-decided events of many streams in one transaction.

        For imports and generated datasets only; versions must continue each stream
        (a clash raises a storage error and nothing of the batch is written).
        """

    @abstractmethod
    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events after a global position, in order, at most ``limit``."""

    @abstractmethod
    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """The committed events at these global positions, in position order."""

    @abstractmethod
    def max_position(self) -> int:
        """The highest global position (0 when empty)."""

    def iter_log(self, after_position: int = 0, page: int = 5000) -> Iterator[StoredRow]:
        """Every committed event after a position, read in large pages."""
        while rows := self.read_log(after_position, page):
            yield from rows
            after_position = rows[-1].position


class AuditLog(ABC):
    """审计日志 — the hash chain over the event log, signed checkpoints, refused attempts."""

    @property
    @abstractmethod
    def ledger(self) -> str:
        """The ledger's name, which the chain's genesis hash is bound to."""

    @abstractmethod
    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Hash-chain entries after a sequence number, in order."""

    @abstractmethod
    def tree_size(self) -> int:
        """How many events the Merkle tree covers (:mod:`adapters.storage.merkle`)."""

    @abstractmethod
    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        """The Merkle tree's stored hashes by tlog index, in the order asked."""

    @abstractmethod
    def chain_at(self, position: int) -> ChainEntry | None:
        """The chain entry covering the event at a stored position (None: no such event)."""

    @abstractmethod
    def record_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Keep a signed checkpoint (sizes are unique)."""

    @abstractmethod
    def record_binding(self, note: str) -> None:
        """Keep the signed statement binding the chain's last checkpoint to the tree."""

    @abstractmethod
    def read_binding(self) -> str | None:
        """The chain-to-tree statement, if one was made."""

    @abstractmethod
    def record_cosigned(self, size: int, note: str) -> None:
        """Replace a kept checkpoint's note by the same note with more signatures (a
        witness's cosignature); the caller checks that only signature lines were added."""

    @abstractmethod
    def read_checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint the store cut, smallest first."""

    @abstractmethod
    def record_attempt(self, attempt: Attempt) -> None:
        """Log a refused command (its ``id`` is assigned by the store)."""

    @abstractmethod
    def read_attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """Refused commands after an id, oldest first."""


class ViewStore(ABC):
    """读模型库 — the materialised views beside the log, with their tracking position."""

    @abstractmethod
    def views(
        self, *, write: bool = False, patience: float | None = None
    ) -> AbstractContextManager[ViewTransaction]:
        """A transaction over the materialised views and their tracking position; a
        writing one waits at most ``patience`` seconds for its lock (default: the store's
        lock timeout), then raises :class:`StoreBusy`."""


class SecretStore(ABC):
    """保密表 — secrets kept beside the log, never in it (:mod:`adapters.storage.secrets`)."""

    @abstractmethod
    def secrets(self, *, write: bool = False) -> AbstractContextManager[SqlSecrets]:
        """A transaction over the secret tables (committed if the block succeeds)."""


class EventStore(EventLog, AuditLog, ViewStore, SecretStore):
    """事件库 — the event log, its lock, the audit log, the views and the secrets beside it."""

    url: str

    @abstractmethod
    def writing(self, stream_id: str) -> AbstractContextManager[WriteTransaction]:
        """Lock a stream for load → decide → append; commit on success."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""


def prefix_range(prefix: str) -> tuple[str, str]:
    """The bounds ``[low, high)`` of the stream ids starting ``<prefix>-`` (``.`` follows
    ``-`` in every collation byte order), so the primary key's index answers the range."""
    return f"{prefix}-", f"{prefix}."
