"""SQLite 写事务 — one cursor inside ``BEGIN IMMEDIATE``: the stream, the command log, the
append through eventsourcing's recorder and its hash-chain links."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder

from adapters.storage.errors import CorruptEvent
from adapters.storage.sql_events import SQLITE, EventSql, command_params
from adapters.storage.sql_ledger import SqlLedger, linked_events
from adapters.storage.store import (
    Attempt,
    CommandRecord,
    NewEvent,
    StoredRow,
    WriteTransaction,
    prefix_range,
)

SQL = EventSql.of(SQLITE)


def stored_row(row: Any) -> StoredRow:
    """A stored row. SQLite keeps whatever a damaged file holds (text or NULL for bytes, text
    for a version): such a row still reads, and decoding it names it as corrupt."""
    position, stream_id, version, topic, state = tuple(row)
    if type(version) is not int:
        raise CorruptEvent(
            f"第 {position} 条事件的版本号损坏",
            f"event at position {position} ({stream_id}) has a damaged version {version!r}",
        )
    if not isinstance(state, bytes):
        state = b"" if state is None else str(state).encode("utf-8", "surrogateescape")
    return StoredRow(int(position), str(stream_id), version, str(topic), state)


def read_stream(cursor: Any, stream_id: str, after_version: int) -> list[StoredRow]:
    """A stream's events after a version."""
    cursor.execute(SQL.select_stream, (stream_id, after_version))
    return [stored_row(row) for row in cursor.fetchall()]


def stream_ids(cursor: Any, prefix: str) -> list[str]:
    """Stream ids by prefix, from the events' primary key."""
    cursor.execute(SQL.select_ids, prefix_range(prefix))
    return [str(row[0]) for row in cursor.fetchall()]


def read_log(cursor: Any, after_position: int, limit: int) -> list[StoredRow]:
    """Events in global (rowid) order after a position."""
    cursor.execute(SQL.select_log, (after_position, limit))
    return [stored_row(row) for row in cursor.fetchall()]


def append(
    cursor: Any,
    recorder: SQLiteApplicationRecorder,
    ledger: str,
    events: Sequence[tuple[str, NewEvent]],
) -> list[int]:
    """Insert through eventsourcing's recorder and link the hash chain; the positions."""
    stored = [StoredEvent(sid, e.version, e.topic, e.state) for sid, e in events]
    positions = list(recorder._insert_events(cursor, stored) or [])
    SqlLedger(cursor).link(ledger, linked_events(positions, events))
    return positions


class SqliteWriteTransaction(WriteTransaction):
    """SQLite 写事务 — one cursor inside ``BEGIN IMMEDIATE``."""

    def __init__(
        self,
        cursor: Any,
        recorder: SQLiteApplicationRecorder,
        ledger: str,
        settle: Callable[[], None] = lambda: None,
    ) -> None:
        self._cursor = cursor
        self._recorder = recorder
        self._ledger = ledger
        self._settle = settle

    def guard_rows(self, table: str) -> None:  # noqa: ARG002
        """Before reading rows of a read model (through other connections): commit the
        group's earlier members, so the rows include what they wrote."""
        self._settle()

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events, read under the write lock."""
        return read_stream(self._cursor, stream_id, after_version)

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        self._cursor.execute(SQL.recall, (command_id,))
        row = self._cursor.fetchone()
        return None if row is None else CommandRecord(*tuple(row))

    def stream_ids(self, prefix: str) -> list[str]:
        """Stream ids by prefix, from the events' primary key."""
        return stream_ids(self._cursor, prefix)

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Insert through eventsourcing's recorder and link the hash chain."""
        return append(self._cursor, self._recorder, self._ledger, [(stream_id, e) for e in events])

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command."""
        self._cursor.execute(SQL.remember, command_params(record))

    def log_attempt(self, attempt: Attempt) -> None:
        """Keep a refused command, in this transaction."""
        SqlLedger(self._cursor).add_attempt(attempt)
