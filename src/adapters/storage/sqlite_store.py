"""SQLite 事件库 — eventsourcing's SQLite recorders, with the stream lock of ``BEGIN IMMEDIATE``.

The events table, notification order and tracking table are eventsourcing's own. What is
added: a write transaction that holds SQLite's write lock from loading the stream to
appending its new events (so a command never loses a version race and is decided once),
a table of handled command ids, and the view tables beside the events.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventsourcing.persistence import ConnectionUnavailableError, PersistenceError, StoredEvent
from eventsourcing.sqlite import (
    SQLiteApplicationRecorder,
    SQLiteDatastore,
    SQLiteTrackingRecorder,
)

from adapters.audit.chain import ChainEntry, LinkedEvent
from adapters.storage.errors import CorruptEvent, StorageError, StoreBusy, VersionConflict
from adapters.storage.sql_ledger import SqlLedger, ledger_statements
from adapters.storage.sql_views import SqlViewTransaction, prepare_views
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
from adapters.storage.views import ViewTransaction

LEDGER_ENV = "DANGJIAN_LEDGER"
COMMANDS_DDL = (
    "CREATE TABLE IF NOT EXISTS dangjian_commands ("
    "command_id TEXT PRIMARY KEY, digest TEXT NOT NULL, stream_id TEXT NOT NULL, "
    "first_version INTEGER NOT NULL, count INTEGER NOT NULL)"
)
_SELECT_STREAM = (
    "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
    "WHERE originator_id = ? AND originator_version > ? ORDER BY originator_version"
)
_SELECT_BY_ROWID = (
    "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events"
)
_SELECT_IDS = (
    "SELECT DISTINCT originator_id FROM stored_events "
    "WHERE originator_id >= ? AND originator_id < ? ORDER BY originator_id"
)
_SELECT_LOG = (
    "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
    "WHERE rowid > ? ORDER BY rowid LIMIT ?"
)


def _row(row: Any) -> StoredRow:
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


def _read_log(cursor: Any, after_position: int, limit: int) -> list[StoredRow]:
    cursor.execute(_SELECT_LOG, (after_position, limit))
    return [_row(row) for row in cursor.fetchall()]


class SqliteWriteTransaction(WriteTransaction):
    """SQLite 写事务 — one cursor inside ``BEGIN IMMEDIATE``."""

    def __init__(self, cursor: Any, recorder: SQLiteApplicationRecorder, ledger: str) -> None:
        self._cursor = cursor
        self._recorder = recorder
        self._ledger = ledger

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

    def stream_ids(self, prefix: str) -> list[str]:
        """Stream ids by prefix, from the events' primary key."""
        self._cursor.execute(_SELECT_IDS, prefix_range(prefix))
        return [str(row[0]) for row in self._cursor.fetchall()]

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Insert through eventsourcing's recorder and link the hash chain."""
        return _append(self._cursor, self._recorder, self._ledger, [(stream_id, e) for e in events])

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

    def log_attempt(self, attempt: Attempt) -> None:
        """Keep a refused command, in this transaction."""
        SqlLedger(self._cursor).add_attempt(attempt)


def _append(
    cursor: Any,
    recorder: SQLiteApplicationRecorder,
    ledger: str,
    events: Sequence[tuple[str, NewEvent]],
) -> list[int]:
    stored = [StoredEvent(sid, e.version, e.topic, e.state) for sid, e in events]
    positions = list(recorder._insert_events(cursor, stored) or [])
    linked = [
        LinkedEvent(position, sid, e.version, e.topic, e.state)
        for position, (sid, e) in zip(positions, events, strict=True)
    ]
    SqlLedger(cursor).link(ledger, linked)
    return positions


class SqliteEventStore(EventStore):
    """SQLite 事件库 — an embedded file (or ``:memory:``) database."""

    def __init__(self, path: str, *, lock_timeout: int = 120, ledger: str | None = None) -> None:
        self.url = f"sqlite:///{path}"
        self.path = path
        self._ledger = ledger or os.environ.get(LEDGER_ENV) or f"dangjian:{Path(path).stem}"
        with _translated():
            _switch_to_wal(path, lock_timeout)
        # Threads of one process queue for the single writer connection as long as the
        # SQLite lock itself may be waited for (eventsourcing's pool default is 5 s).
        self.datastore = SQLiteDatastore(
            path,
            lock_timeout=lock_timeout,
            originator_id_type="text",
            pool_size=2,
            pool_timeout=float(lock_timeout),
        )
        self._writer_queue = _WriterQueue(path)
        self.recorder = SQLiteApplicationRecorder(self.datastore)
        self.tracking = SQLiteTrackingRecorder(self.datastore)
        self._create_tables()

    def _create_tables(self) -> None:
        with _translated():
            self._create_all()

    def _create_all(self) -> None:
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
            ledger_ddl = ledger_statements("", "INTEGER", "id INTEGER PRIMARY KEY AUTOINCREMENT")
            for statement in (COMMANDS_DDL, *ledger_ddl):
                cursor.execute(statement)
            ledger = SqlLedger(cursor)
            self._ledger = ledger.claim_name(self._ledger)
            prepare_views(ledger, cursor, "INTEGER", "tracking")

    @contextmanager
    def _locked(self, *, write: bool) -> Iterator[Any]:
        with (
            self.datastore.get_connection(commit=write) as connection,
            self._writer_queue.turn(write),
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
        """Hold SQLite's write lock (one for the whole file) for load → decide → append."""
        with _translated(), self._locked(write=True) as cursor:
            yield SqliteWriteTransaction(cursor, self.recorder, self._ledger)

    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Many streams' events in one write transaction."""
        with _translated(), self._locked(write=True) as cursor:
            return _append(cursor, self.recorder, self._ledger, events)

    def stream_ids(self, prefix: str) -> list[str]:
        """Committed stream ids by prefix."""
        with _translated(), self._locked(write=False) as cursor:
            cursor.execute(_SELECT_IDS, prefix_range(prefix))
            return [str(row[0]) for row in cursor.fetchall()]

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream."""
        with _translated(), self._locked(write=False) as cursor:
            cursor.execute(_SELECT_STREAM, (stream_id, after_version))
            return [_row(row) for row in cursor.fetchall()]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events in global order."""
        with _translated(), self._locked(write=False) as cursor:
            return _read_log(cursor, after_position, limit)

    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """Events by rowid (fetched in chunks below SQLite's parameter limit)."""
        found: list[StoredRow] = []
        with _translated(), self._locked(write=False) as cursor:
            for start in range(0, len(positions), 500):
                chunk = list(positions[start : start + 500])
                marks = ",".join("?" * len(chunk))
                cursor.execute(f"{_SELECT_BY_ROWID} WHERE rowid IN ({marks})", chunk)
                found += [_row(row) for row in cursor.fetchall()]
        return sorted(found, key=lambda row: row.position)

    def max_position(self) -> int:
        """The highest rowid."""
        return int(self.recorder.max_notification_id() or 0)

    @property
    def ledger(self) -> str:
        """The ledger's name (stored on first use)."""
        return self._ledger

    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Hash-chain entries after a sequence number."""
        with _translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).read_chain(after_seq, limit)

    def record_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Keep a signed checkpoint."""
        with _translated(), self._locked(write=True) as cursor:
            SqlLedger(cursor).add_checkpoint(checkpoint)

    def read_checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint cut."""
        with _translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).checkpoints()

    def record_attempt(self, attempt: Attempt) -> None:
        """Log a refused command."""
        with _translated(), self._locked(write=True) as cursor:
            SqlLedger(cursor).add_attempt(attempt)

    def read_attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """Refused commands after an id."""
        with _translated(), self._locked(write=False) as cursor:
            return SqlLedger(cursor).attempts(after_id, limit)

    @contextmanager
    def views(self, *, write: bool = False) -> Iterator[ViewTransaction]:
        """Views and tracking in one transaction (write-locked when writing)."""
        with _translated(), self._locked(write=write) as cursor:
            yield SqlViewTransaction(
                cursor, self.tracking, log=lambda after, limit: _read_log(cursor, after, limit)
            )

    def close(self) -> None:
        """Close the connection pool and the writers' lock file."""
        self.datastore.close()
        self._writer_queue.close()


def _switch_to_wal(path: str, timeout: float) -> None:
    """Put a file database in WAL mode before eventsourcing's pool opens it.

    The pool switches each new file itself, but that switch fails at once ("database is
    locked", without waiting) while another process is creating the same file; here it
    is retried until ``timeout``. The mode is stored in the file, so this is done once.
    """
    if ":memory:" in path or "mode=memory" in path:
        return
    deadline = time.monotonic() + timeout
    while True:
        connection = sqlite3.connect(path, timeout=timeout, uri=True)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        finally:
            connection.close()
        time.sleep(0.01)


class _WriterQueue:
    """写者排队 — writers of every process wait their turn on a lock file, in order.

    SQLite's own busy handler has a waiting writer sleep and poll (1, 2, 5 … 100 ms), so
    under a storm of claims some processes starve for seconds. A blocking ``flock`` on a
    file beside the store lets the kernel hand the lock over as soon as it is free. The
    lock is released by the kernel if its holder dies. (In-memory databases need none.)
    """

    def __init__(self, path: str) -> None:
        self._path = None if path == ":memory:" or "mode=memory" in path else f"{path}-writer.lock"
        self._fd: int | None = None

    @contextmanager
    def turn(self, write: bool) -> Iterator[None]:
        if not write or self._path is None:
            yield
            return
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


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
    except sqlite3.IntegrityError as error:
        raise VersionConflict("事件版本冲突,写入已撤销", f"version clash: {error}") from error
    except ConnectionUnavailableError as error:
        raise StoreBusy(
            "数据库写连接繁忙,等待超时,请稍后重试", f"no writer connection in time: {error}"
        ) from error
    except (sqlite3.DatabaseError, PersistenceError) as error:
        raise StorageError("数据库文件损坏或不可用", f"SQLite failed: {error}") from error
