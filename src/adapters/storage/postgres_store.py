"""PostgreSQL 事件库 — eventsourcing's PostgreSQL recorders, with a per-stream advisory lock.

A write transaction takes ``pg_advisory_xact_lock`` on the stream id before reading it, so
two commands on the same task queue instead of racing, and each is decided once against
the latest state. eventsourcing's insert then takes its EXCLUSIVE table lock, which makes
commit order equal notification order, so a follower never skips an event. Views and the
command-id table live in the same schema; catching views up takes one advisory lock so
two projector processes never apply the same events twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import psycopg
from eventsourcing.persistence import PersistenceError, StoredEvent
from eventsourcing.postgres import (
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresTrackingRecorder,
)
from psycopg_pool import PoolTimeout

from adapters.audit.chain import ChainEntry, LinkedEvent
from adapters.storage.errors import StorageError, StoreBusy, VersionConflict
from adapters.storage.sql_ledger import SqlLedger, ledger_statements
from adapters.storage.sql_views import SqlViewTransaction, prepare_views
from adapters.storage.sqlite_store import LEDGER_ENV
from adapters.storage.store import (
    Attempt,
    CheckpointRecord,
    CommandRecord,
    EventStore,
    NewEvent,
    StoredRow,
    WriteTransaction,
)
from adapters.storage.views import ViewTransaction

_CREATE_LOCK = 0x64616E67  # "dang": serialises first-use table creation
_VIEWS_LOCK = 0x6A69616E  # "jian": one projector applies events at a time


def _row(row: dict[str, Any]) -> StoredRow:
    return StoredRow(
        int(row["notification_id"]),
        str(row["originator_id"]),
        int(row["originator_version"]),
        str(row["topic"]),
        bytes(row["state"]),
    )


class PostgresWriteTransaction(WriteTransaction):
    """PostgreSQL 写事务 — one cursor holding the stream's advisory lock."""

    def __init__(self, cursor: Any, store: PostgresEventStore) -> None:
        self._cursor = cursor
        self._store = store

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events, read under the lock."""
        self._cursor.execute(self._store.select_stream_sql, (stream_id, after_version))
        return [_row(row) for row in self._cursor.fetchall()]

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        self._cursor.execute(
            f"SELECT command_id, digest, stream_id, first_version, count "
            f"FROM {self._store.prefix}dangjian_commands WHERE command_id = %s",
            (command_id,),
        )
        row = self._cursor.fetchone()
        return None if row is None else CommandRecord(*row.values())

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Insert through eventsourcing (table lock, NOTIFY, RETURNING notification_id),
        then link the hash chain while the table lock is held."""
        return self._store.append_in(self._cursor, [(stream_id, e) for e in events])

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command."""
        self._cursor.execute(
            f"INSERT INTO {self._store.prefix}dangjian_commands VALUES (%s, %s, %s, %s, %s)",
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
        self._store._sql(self._cursor).add_attempt(attempt)


class PostgresEventStore(EventStore):
    """PostgreSQL 事件库 — ``postgresql://user:password@host:port/db?schema=…&pool_size=…``."""

    def __init__(self, url: str, *, ledger: str | None = None) -> None:
        self.url = url
        parts = urlsplit(url)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.schema = query.get("schema", "public")
        self._ledger = (
            ledger or query.get("ledger") or os.environ.get(LEDGER_ENV) or f"dangjian:{self.schema}"
        )
        self.prefix = f'"{self.schema}".'
        self.datastore = PostgresDatastore(
            dbname=unquote(parts.path.lstrip("/")) or "postgres",
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or "postgres"),
            password=unquote(parts.password or ""),
            pool_size=int(query.get("pool_size", "5")),
            max_overflow=int(query.get("max_overflow", "5")),
            lock_timeout=int(query.get("lock_timeout", "60")),
            # Threads of one process queue for a pooled connection as long as a lock may be
            # waited for (eventsourcing passes this as the pool's wait; its default is 5 s).
            connect_timeout=float(query.get("lock_timeout", "60")),
            schema=self.schema,
            originator_id_type="text",
        )
        self.recorder = PostgresApplicationRecorder(self.datastore)
        self.tracking = PostgresTrackingRecorder(self.datastore)
        self.select_stream_sql = (
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f"FROM {self.prefix}stored_events WHERE originator_id = %s "
            "AND originator_version > %s ORDER BY originator_version"
        )
        self.select_log_sql = (
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f"FROM {self.prefix}stored_events WHERE notification_id > %s "
            "ORDER BY notification_id LIMIT %s"
        )
        self.select_positions_sql = (
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f"FROM {self.prefix}stored_events WHERE notification_id = ANY(%s) "
            "ORDER BY notification_id"
        )
        with _translated():
            self._create_tables()

    def _create_tables(self) -> None:
        with self.datastore.get_connection() as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", (_CREATE_LOCK,))
            try:
                conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                self.recorder.create_table()
                self.tracking.create_table()
                with conn.transaction():
                    conn.execute(
                        f"CREATE TABLE IF NOT EXISTS {self.prefix}dangjian_commands ("
                        "command_id TEXT PRIMARY KEY, digest TEXT NOT NULL, "
                        "stream_id TEXT NOT NULL, first_version BIGINT NOT NULL, "
                        "count BIGINT NOT NULL)"
                    )
                    ledger_ddl = ledger_statements(
                        self.prefix, "BIGINT", "id BIGSERIAL PRIMARY KEY"
                    )
                    for statement in ledger_ddl:
                        conn.execute(statement)
                    cursor = conn.cursor()
                    ledger = self._sql(cursor)
                    self._ledger = ledger.claim_name(self._ledger)
                    prepare_views(
                        ledger, cursor, "BIGINT", self.tracking.tracking_table_name, self.prefix
                    )
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", (_CREATE_LOCK,))

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.datastore.get_connection() as conn, conn.transaction():
            yield conn.cursor()

    @contextmanager
    def writing(self, stream_id: str) -> Iterator[WriteTransaction]:
        """Hold the stream's advisory lock for the whole load → decide → append."""
        with _translated(), self._transaction() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (stream_id,))
            yield PostgresWriteTransaction(cursor, self)

    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Many streams' events in one transaction (one ``unnest`` insert)."""
        with _translated(), self._transaction() as cursor:
            return self.append_in(cursor, events)

    def append_in(self, cursor: Any, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Insert events and their chain links through an open transaction's cursor.

        eventsourcing's insert takes the EXCLUSIVE table lock first, so reading the
        chain's head afterwards cannot race another writer.
        """
        stored = [StoredEvent(sid, e.version, e.topic, e.state) for sid, e in events]
        self.recorder._insert_stored_events(cursor, stored)
        positions = [int(row["notification_id"]) for row in cursor.fetchall()]
        linked = [
            LinkedEvent(position, sid, e.version, e.topic, e.state)
            for position, (sid, e) in zip(positions, events, strict=True)
        ]
        self._sql(cursor).link(self._ledger, linked)
        return positions

    def _sql(self, cursor: Any) -> SqlLedger:
        return SqlLedger(cursor, "%s", self.prefix)

    @property
    def ledger(self) -> str:
        """The ledger's name (stored on first use)."""
        return self._ledger

    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Hash-chain entries after a sequence number."""
        with _translated(), self._transaction() as cursor:
            return self._sql(cursor).read_chain(after_seq, limit)

    def record_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Keep a signed checkpoint."""
        with _translated(), self._transaction() as cursor:
            self._sql(cursor).add_checkpoint(checkpoint)

    def read_checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint cut."""
        with _translated(), self._transaction() as cursor:
            return self._sql(cursor).checkpoints()

    def record_attempt(self, attempt: Attempt) -> None:
        """Log a refused command."""
        with _translated(), self._transaction() as cursor:
            self._sql(cursor).add_attempt(attempt)

    def read_attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """Refused commands after an id."""
        with _translated(), self._transaction() as cursor:
            return self._sql(cursor).attempts(after_id, limit)

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream."""
        with _translated(), self._transaction() as cursor:
            cursor.execute(self.select_stream_sql, (stream_id, after_version))
            return [_row(row) for row in cursor.fetchall()]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events in notification order (ids may have gaps)."""
        with _translated(), self._transaction() as cursor:
            cursor.execute(self.select_log_sql, (after_position, limit))
            return [_row(row) for row in cursor.fetchall()]

    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """Events by notification id."""
        with _translated(), self._transaction() as cursor:
            cursor.execute(self.select_positions_sql, (list(positions),))
            return [_row(row) for row in cursor.fetchall()]

    def max_position(self) -> int:
        """The highest notification id."""
        with _translated():
            return int(self.recorder.max_notification_id() or 0)

    @contextmanager
    def views(self, *, write: bool = False) -> Iterator[ViewTransaction]:
        """Views and tracking in one transaction; writers queue on one advisory lock."""
        with _translated(), self._transaction() as cursor:
            if write:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_VIEWS_LOCK,))
            yield SqlViewTransaction(cursor, self.tracking, "%s", self.prefix)

    def close(self) -> None:
        """Close the connection pool."""
        self.datastore.close()


@contextmanager
def _translated() -> Iterator[None]:
    """Turn PostgreSQL's lock and connection errors into typed storage errors."""
    try:
        yield
    except (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled) as error:
        raise StoreBusy(
            "数据库锁等待超时,请稍后重试", f"PostgreSQL lock timeout: {error}"
        ) from error
    except psycopg.errors.UniqueViolation as error:
        raise VersionConflict("事件版本冲突,写入已撤销", f"version clash: {error}") from error
    except (psycopg.Error, PersistenceError) as error:
        if isinstance(error, PoolTimeout) or isinstance(error.__cause__, PoolTimeout):
            raise StoreBusy(
                "数据库连接繁忙,等待超时,请稍后重试", f"no pooled connection in time: {error}"
            ) from error
        raise StorageError("数据库操作失败", f"PostgreSQL failed: {error}") from error
