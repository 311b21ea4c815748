"""SQLite 事件库 — an embedded file (or ``:memory:``) database: opening, the event log's
reads, the audit log and the views, each in its own short transaction."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventsourcing.sqlite import (
    SQLiteApplicationRecorder,
    SQLiteDatastore,
    SQLiteTrackingRecorder,
)

from adapters.storage.chain import ChainEntry
from adapters.storage.secrets import SqlSecrets
from adapters.storage.sql_events import SQLITE, prepare_tables
from adapters.storage.sql_ledger import BINDING_KEY, LEDGER_ENV, SqlLedger
from adapters.storage.sql_views import SqlViewTransaction
from adapters.storage.sqlite.connection import WriterQueue, switch_to_wal, translated
from adapters.storage.sqlite.group import GroupCommit
from adapters.storage.sqlite.transaction import (
    SQL,
    SqliteWriteTransaction,
    append,
    read_log,
    read_stream,
    stored_row,
    stream_ids,
)
from adapters.storage.store import (
    Attempt,
    CheckpointRecord,
    EventStore,
    NewEvent,
    StoredRow,
    WriteTransaction,
)
from adapters.storage.views import ViewTransaction


class SqliteEventStore(EventStore):
    """SQLite 事件库 — an embedded file (or ``:memory:``) database."""

    def __init__(self, path: str, *, lock_timeout: int = 120, ledger: str | None = None) -> None:
        self.url = f"sqlite:///{path}"
        self.path = path
        self._ledger = ledger or os.environ.get(LEDGER_ENV) or f"dangjian:{Path(path).stem}"
        with translated():
            switch_to_wal(path, lock_timeout)
        # Threads of one process queue for the single writer connection as long as the
        # SQLite lock itself may be waited for (eventsourcing's pool default is 5 s).
        self.datastore = SQLiteDatastore(
            path,
            lock_timeout=lock_timeout,
            originator_id_type="text",
            pool_size=2,
            pool_timeout=float(lock_timeout),
        )
        self._writer_queue = WriterQueue(path, float(lock_timeout))
        #: Writing threads of this process share write transactions (one fsync for many).
        self.group = GroupCommit(lambda: self._locked(write=True), float(lock_timeout))
        self.recorder = SQLiteApplicationRecorder(self.datastore)
        self.tracking = SQLiteTrackingRecorder(self.datastore)
        with translated():
            self._create_tables()

    def _create_tables(self) -> None:
        """Every table in one write transaction, so processes opening a new file at once
        take turns. (eventsourcing's own ``create_table`` looks, then creates, in separate
        transactions: two processes could both insert the tracking table's migration
        row, and the second failed with "Failed to record tracking for __migration__".)"""
        with self._locked(write=True) as cursor:
            self.recorder._create_table(cursor)
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tracking'")
            tracking = self.tracking
            tracking.tracking_table_exists = cursor.fetchone() is not None
            if tracking.tracking_table_exists:
                migration = tracking._max_tracking_id(tracking.table_migration_identifier, cursor)
                tracking.tracking_migration_previous = migration
                tracking.tracking_migration_current = migration
            tracking._create_table(cursor)
            self._ledger = prepare_tables(cursor, SQLITE, self._ledger)

    @contextmanager
    def _locked(self, *, write: bool, patience: float | None = None) -> Iterator[Any]:
        with (
            self.datastore.get_connection(commit=write) as connection,
            self._writer_queue.turn(write, patience),
        ):
            cursor = connection.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                yield cursor
            except BaseException:
                connection.rollback()
                raise
            else:
                connection.commit() if write else connection.rollback()

    @contextmanager
    def writing(self, stream_id: str) -> Iterator[WriteTransaction]:  # noqa: ARG002
        """Hold SQLite's write lock (one for the whole file) for load → decide → append;
        threads writing at once take turns in one transaction (:mod:`.group`), each
        returning once it is committed."""
        with translated(), self.group.member() as member:
            yield SqliteWriteTransaction(
                member.cursor, self.recorder, self._ledger, settle=member.settle
            )

    # ------------------------------------------------------------------ event log

    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Many streams' events in one write transaction."""
        with translated(), self._locked(write=True) as cursor:
            return append(cursor, self.recorder, self._ledger, events)

    def stream_ids(self, prefix: str) -> list[str]:
        """Committed stream ids by prefix."""
        with translated(), self._locked(write=False) as cursor:
            return stream_ids(cursor, prefix)

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream."""
        with translated(), self._locked(write=False) as cursor:
            return read_stream(cursor, stream_id, after_version)

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events in global order."""
        with translated(), self._locked(write=False) as cursor:
            return read_log(cursor, after_position, limit)

    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """Events by rowid (fetched in chunks below SQLite's parameter limit)."""
        found: list[StoredRow] = []
        with translated(), self._locked(write=False) as cursor:
            for start in range(0, len(positions), 500):
                chunk = list(positions[start : start + 500])
                marks = ",".join("?" * len(chunk))
                cursor.execute(f"{SQL.select_events} WHERE rowid IN ({marks})", chunk)
                found += [stored_row(row) for row in cursor.fetchall()]
        return sorted(found, key=lambda row: row.position)

    def max_position(self) -> int:
        """The highest rowid."""
        return int(self.recorder.max_notification_id() or 0)

    # ------------------------------------------------------------------ audit log

    @property
    def ledger(self) -> str:
        """The ledger's name (stored on first use)."""
        return self._ledger

    def tree_size(self) -> int:
        """How many events the Merkle tree covers."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).tree_size()

    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        """The Merkle tree's stored hashes by index."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).read_tree(indexes)

    def chain_at(self, position: int) -> ChainEntry | None:
        """The chain entry covering the event at a stored position."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).entry_at(position)

    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Hash-chain entries after a sequence number."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).read_chain(after_seq, limit)

    def record_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Keep a signed checkpoint."""
        with translated(), self._locked(write=True) as cursor:
            SqlLedger(cursor).add_checkpoint(checkpoint)

    def record_binding(self, note: str) -> None:
        """Keep the chain-to-tree statement."""
        with translated(), self._locked(write=True) as cursor:
            SqlLedger(cursor).set_meta(BINDING_KEY, note)

    def read_binding(self) -> str | None:
        """The chain-to-tree statement."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).meta(BINDING_KEY)

    def record_cosigned(self, size: int, note: str) -> None:
        """Replace a kept checkpoint's note."""
        with translated(), self._locked(write=True) as cursor:
            SqlLedger(cursor).replace_note(size, note)

    def read_checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint cut."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).checkpoints()

    def record_attempt(self, attempt: Attempt) -> None:
        """Log a refused command."""
        with translated(), self._locked(write=True) as cursor:
            SqlLedger(cursor).add_attempt(attempt)

    def read_attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """Refused commands after an id."""
        with translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).attempts(after_id, limit)

    # ------------------------------------------------------------------ secrets

    @contextmanager
    def secrets(self, *, write: bool = False) -> Iterator[SqlSecrets]:
        """The secret tables in one transaction (write-locked when writing)."""
        with translated(), self._locked(write=write) as cursor:
            yield SqlSecrets(cursor)

    # ------------------------------------------------------------------ views

    @contextmanager
    def views(
        self, *, write: bool = False, patience: float | None = None
    ) -> Iterator[ViewTransaction]:
        """Views and tracking in one transaction (write-locked when writing, waiting for
        the lock at most ``patience`` seconds if given)."""
        with translated(), self._locked(write=write, patience=patience) as cursor:
            yield SqlViewTransaction(
                cursor, self.tracking, log=lambda after, limit: read_log(cursor, after, limit)
            )

    def close(self) -> None:
        """Close the connection pool and the writers' lock file."""
        self.datastore.close()
        self._writer_queue.close()
