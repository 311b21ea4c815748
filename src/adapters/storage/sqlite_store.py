"""SQLite 事件库 — eventsourcing's SQLite recorders, with the stream lock of ``BEGIN IMMEDIATE``.

The events table, notification order and tracking table are eventsourcing's own. What is
added: a write transaction that holds SQLite's write lock from loading the stream to
appending its new events (so a command never loses a version race and is decided once),
a table of handled command ids, and the view tables beside the events.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import PersistenceError, StoredEvent
from eventsourcing.sqlite import (
    SQLiteApplicationRecorder,
    SQLiteDatastore,
    SQLiteTrackingRecorder,
)

from adapters.storage.errors import StorageError, StoreBusy
from adapters.storage.sql_views import SqlViewTransaction, create_statements
from adapters.storage.store import (
    CommandRecord,
    EventStore,
    NewEvent,
    StoredRow,
    WriteTransaction,
)
from adapters.storage.views import ViewTransaction

COMMANDS_DDL = (
    "CREATE TABLE IF NOT EXISTS dangjian_commands ("
    "command_id TEXT PRIMARY KEY, digest TEXT NOT NULL, stream_id TEXT NOT NULL, "
    "first_version INTEGER NOT NULL, count INTEGER NOT NULL)"
)
_SELECT_STREAM = (
    "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
    "WHERE originator_id = ? AND originator_version > ? ORDER BY originator_version"
)
_SELECT_LOG = (
    "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
    "WHERE rowid > ? ORDER BY rowid LIMIT ?"
)


def _row(row: Any) -> StoredRow:
    return StoredRow(int(row[0]), str(row[1]), int(row[2]), str(row[3]), bytes(row[4]))


class SqliteWriteTransaction(WriteTransaction):
    """SQLite 写事务 — one cursor inside ``BEGIN IMMEDIATE``."""

    def __init__(self, cursor: Any, recorder: SQLiteApplicationRecorder) -> None:
        self._cursor = cursor
        self._recorder = recorder

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events, read under the write lock."""
        self._cursor.execute(_SELECT_STREAM, (stream_id, after_version))
        return [_row(row) for row in self._cursor.fetchall()]

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        self._cursor.execute(
            "SELECT command_id, digest, stream_id, first_version, count "
            "FROM dangjian_commands WHERE command_id = ?",
            (command_id,),
        )
        row = self._cursor.fetchone()
        return None if row is None else CommandRecord(*tuple(row))

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Insert through eventsourcing's recorder; returns the rowids (positions)."""
        stored = [StoredEvent(stream_id, e.version, e.topic, e.state) for e in events]
        return list(self._recorder._insert_events(self._cursor, stored) or [])

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command."""
        self._cursor.execute(
            "INSERT INTO dangjian_commands VALUES (?, ?, ?, ?, ?)",
            (
                record.command_id,
                record.digest,
                record.stream_id,
                record.first_version,
                record.count,
            ),
        )


class SqliteEventStore(EventStore):
    """SQLite 事件库 — an embedded file (or ``:memory:``) database."""

    def __init__(self, path: str, *, lock_timeout: int = 120) -> None:
        self.url = f"sqlite:///{path}"
        self.path = path
        self.datastore = SQLiteDatastore(
            path, lock_timeout=lock_timeout, originator_id_type="text", pool_size=2
        )
        self.recorder = SQLiteApplicationRecorder(self.datastore)
        self.tracking = SQLiteTrackingRecorder(self.datastore)
        self._create_tables()

    def _create_tables(self) -> None:
        with _translated():
            self._create_all()

    def _create_all(self) -> None:
        self.recorder.create_table()
        self.tracking.create_table()
        with self._locked(write=True) as cursor:
            for statement in (COMMANDS_DDL, *create_statements()):
                cursor.execute(statement)

    @contextmanager
    def _locked(self, *, write: bool) -> Iterator[Any]:
        with self.datastore.get_connection(commit=write) as connection:
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
        """Hold SQLite's write lock (one for the whole file) for load → decide → append."""
        with _translated(), self._locked(write=True) as cursor:
            yield SqliteWriteTransaction(cursor, self.recorder)

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream."""
        with _translated(), self._locked(write=False) as cursor:
            cursor.execute(_SELECT_STREAM, (stream_id, after_version))
            return [_row(row) for row in cursor.fetchall()]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events in global order."""
        with _translated(), self._locked(write=False) as cursor:
            cursor.execute(_SELECT_LOG, (after_position, limit))
            return [_row(row) for row in cursor.fetchall()]

    def max_position(self) -> int:
        """The highest rowid."""
        return int(self.recorder.max_notification_id() or 0)

    @contextmanager
    def views(self, *, write: bool = False) -> Iterator[ViewTransaction]:
        """Views and tracking in one transaction (write-locked when writing)."""
        with _translated(), self._locked(write=write) as cursor:
            yield SqlViewTransaction(cursor, self.tracking)

    def close(self) -> None:
        """Close the connection pool."""
        self.datastore.close()


@contextmanager
def _translated() -> Iterator[None]:
    """Turn SQLite's lock and disk errors into typed storage errors."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreBusy(
                "数据库被占用,等待超时,请稍后重试", f"the store stayed locked: {error}"
            ) from error
        raise StorageError("数据库操作失败", f"SQLite failed: {error}") from error
    except (sqlite3.DatabaseError, PersistenceError) as error:
        raise StorageError("数据库文件损坏或不可用", f"SQLite failed: {error}") from error
