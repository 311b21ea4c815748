"""PostgreSQL 事件库 — one schema of a database: opening, the event log's reads, the audit
log and the views, on pooled connections."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresTrackingRecorder
from psycopg.rows import tuple_row

from adapters.storage.chain import ChainEntry
from adapters.storage.postgres.connection import (
    CREATE_LOCK,
    SCHEMA_LOCK_SQL,
    VIEWS_LOCK,
    open_datastore,
    translated,
)
from adapters.storage.postgres.statements import PostgresSql, stored_row
from adapters.storage.postgres.transaction import PostgresWriteTransaction
from adapters.storage.secrets import SqlSecrets
from adapters.storage.sql_events import postgres_dialect, prepare_tables
from adapters.storage.sql_ledger import BINDING_KEY, LEDGER_ENV, SqlLedger
from adapters.storage.sql_views import SqlViewTransaction
from adapters.storage.store import (
    Attempt,
    CheckpointRecord,
    EventStore,
    NewEvent,
    StoredRow,
    WriteTransaction,
    prefix_range,
)
from adapters.storage.views import ViewTransaction


class PostgresEventStore(EventStore):
    """PostgreSQL 事件库 — ``postgresql://user:password@host:port/db?schema=…&pool_size=…``."""

    def __init__(self, url: str, *, ledger: str | None = None) -> None:
        self.url = url
        query = {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}
        self.schema = query.get("schema", "public")
        self._ledger = (
            ledger or query.get("ledger") or os.environ.get(LEDGER_ENV) or f"dangjian:{self.schema}"
        )
        self.prefix = f'"{self.schema}".'
        self.datastore = open_datastore(url, query, self.schema)
        self._pool_opened = False
        self.recorder = PostgresApplicationRecorder(self.datastore)
        self.tracking = PostgresTrackingRecorder(self.datastore)
        self._dialect = postgres_dialect(self.schema, self.tracking.tracking_table_name)
        self.sql = PostgresSql.of(self._dialect)
        with translated():
            self._create_tables()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection (autocommit, ``lock_timeout`` set), straight from the pool."""
        if not self._pool_opened:
            self.datastore.pool.open(wait=False)
            self._pool_opened = True
        with self.datastore.pool.connection() as conn:
            yield conn

    def _create_tables(self) -> None:
        """Every table in one transaction on one connection (so a pool of one suffices),
        serialised per schema by an advisory lock so processes opening a new schema at
        once take turns."""
        with self._connection() as conn, conn.transaction():
            cursor = conn.cursor()
            cursor.execute(SCHEMA_LOCK_SQL, (CREATE_LOCK, self.schema))
            cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            for statement in self.recorder.sql_create_statements:
                if "CREATE TYPE" in statement.as_string():
                    # eventsourcing's composite type (kept for its tools; unused here)
                    with suppress(psycopg.errors.DuplicateObject), conn.transaction():
                        cursor.execute(statement)
                else:
                    cursor.execute(statement)
            tracking = self.tracking
            cursor.execute(
                "SELECT to_regclass(%s) AS t", (f"{self.prefix}{tracking.tracking_table_name}",)
            )
            found = cursor.fetchone()
            tracking.tracking_table_exists = found is not None and found["t"] is not None
            if tracking.tracking_table_exists:
                migration = tracking._max_tracking_id(tracking.table_migration_identifier, cursor)
                tracking.tracking_migration_previous = migration
                tracking.tracking_migration_current = migration
            tracking._create_table(cursor)
            self._ledger = prepare_tables(cursor, self._dialect, self._ledger)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._connection() as conn, conn.transaction():
            yield conn.cursor(row_factory=tuple_row)

    @contextmanager
    def writing(self, stream_id: str) -> Iterator[WriteTransaction]:
        """Hold the stream's advisory lock for the whole load → decide → append (taken
        with the transaction's first query, before anything is read)."""
        with translated(), self._connection() as conn:
            tx = PostgresWriteTransaction(conn, self.sql, self._ledger, stream_id)
            try:
                yield tx
                tx.commit()
            except BaseException:
                tx.rollback()
                raise

    # ------------------------------------------------------------------ event log

    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Many streams' events in one transaction (one ``unnest`` insert)."""
        if not events:
            return []
        with translated(), self._transaction() as cursor:
            cursor.execute(self.sql.lock_table)
            cursor.execute(*self.sql.insert(events))
            positions = [int(row[0]) for row in cursor.fetchall()]
            cursor.execute(self.sql.chain_head)
            for sql, params in self.sql.links(self._ledger, positions, events, cursor.fetchall()):
                cursor.execute(sql, params)
            return positions

    def stream_ids(self, prefix: str) -> list[str]:
        """Committed stream ids by prefix."""
        with translated(), self._transaction() as cursor:
            cursor.execute(self.sql.events.select_ids, prefix_range(prefix))
            return [str(row[0]) for row in cursor.fetchall()]

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream."""
        with translated(), self._connection() as conn:
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(self.sql.events.select_stream, (stream_id, after_version))
            return [stored_row(row) for row in cursor.fetchall()]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events in notification order (ids may have gaps)."""
        with translated(), self._connection() as conn:
            return self._read_log(conn, after_position, limit)

    def _read_log(
        self, conn: psycopg.Connection[Any], after_position: int, limit: int
    ) -> list[StoredRow]:
        cursor = conn.cursor(row_factory=tuple_row)
        cursor.execute(self.sql.events.select_log, (after_position, limit))
        return [stored_row(row) for row in cursor.fetchall()]

    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """Events by notification id."""
        with translated(), self._connection() as conn:
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(self.sql.select_positions, (list(positions),))
            return [stored_row(row) for row in cursor.fetchall()]

    def max_position(self) -> int:
        """The highest notification id."""
        with translated(), self._connection() as conn:
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(self.sql.max_position)
            row = cursor.fetchone()
            return int(row[0] or 0) if row else 0

    # ------------------------------------------------------------------ audit log

    def _ledger_sql(self, cursor: Any) -> SqlLedger:
        return SqlLedger(cursor, "%s", self.prefix)

    @property
    def ledger(self) -> str:
        """The ledger's name (stored on first use)."""
        return self._ledger

    def tree_size(self) -> int:
        """How many events the Merkle tree covers."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).tree_size()

    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        """The Merkle tree's stored hashes by index."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).read_tree(indexes)

    def chain_at(self, position: int) -> ChainEntry | None:
        """The chain entry covering the event at a stored position."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).entry_at(position)

    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Hash-chain entries after a sequence number."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).read_chain(after_seq, limit)

    def record_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Keep a signed checkpoint."""
        with translated(), self._transaction() as cursor:
            self._ledger_sql(cursor).add_checkpoint(checkpoint)

    def record_binding(self, note: str) -> None:
        """Keep the chain-to-tree statement."""
        with translated(), self._transaction() as cursor:
            self._ledger_sql(cursor).set_meta(BINDING_KEY, note)

    def read_binding(self) -> str | None:
        """The chain-to-tree statement."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).meta(BINDING_KEY)

    def record_cosigned(self, size: int, note: str) -> None:
        """Replace a kept checkpoint's note."""
        with translated(), self._transaction() as cursor:
            self._ledger_sql(cursor).replace_note(size, note)

    def read_checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint cut."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).checkpoints()

    def record_attempt(self, attempt: Attempt) -> None:
        """Log a refused command."""
        with translated(), self._transaction() as cursor:
            self._ledger_sql(cursor).add_attempt(attempt)

    def read_attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """Refused commands after an id."""
        with translated(), self._transaction() as cursor:
            return self._ledger_sql(cursor).attempts(after_id, limit)

    # ------------------------------------------------------------------ secrets

    @contextmanager
    def secrets(self, *, write: bool = False) -> Iterator[SqlSecrets]:  # noqa: ARG002
        """The secret tables in one transaction (row locks suffice: each write names its
        rows)."""
        with translated(), self._transaction() as cursor:
            yield SqlSecrets(cursor, "%s", self.prefix)

    # ------------------------------------------------------------------ views

    @contextmanager
    def views(
        self, *, write: bool = False, patience: float | None = None
    ) -> Iterator[ViewTransaction]:
        """Views and tracking in one transaction; writers of a schema queue on one
        advisory lock (for at most ``patience`` seconds if given). The log is read
        through the same connection."""
        with translated(), self._connection() as conn, conn.transaction():
            cursor = conn.cursor()
            if write:
                if patience is not None:
                    wait = f"{max(1, int(patience * 1000))}ms"
                    cursor.execute("SELECT set_config('lock_timeout', %s, true)", (wait,))
                cursor.execute(SCHEMA_LOCK_SQL, (VIEWS_LOCK, self.schema))
            yield SqlViewTransaction(
                cursor,
                self.tracking,
                "%s",
                self.prefix,
                log=lambda after, limit: self._read_log(conn, after, limit),
            )

    def close(self) -> None:
        """Close the connection pool."""
        self.datastore.close()
