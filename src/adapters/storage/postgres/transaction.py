"""PostgreSQL 写事务 — one stream's load → decide → append in as few round trips as a raw
insert needs: the stream lock, the command log, the insert and its chain links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import tuple_row

from adapters.storage.postgres.connection import FACT_LOCK_SQL, STREAM_LOCK_SQL
from adapters.storage.postgres.statements import PostgresSql, stored_row
from adapters.storage.sql_events import command_params
from adapters.storage.sql_ledger import attempt_params
from adapters.storage.store import (
    Attempt,
    CommandRecord,
    NewEvent,
    StoredRow,
    WriteTransaction,
    prefix_range,
)

IDLE = TransactionStatus.IDLE


class PostgresWriteTransaction(WriteTransaction):
    """PostgreSQL 写事务 — statements batched into as few round trips as a raw insert needs.

    Parameters are bound on the client (``ClientCursor``), so several statements travel
    as one simple query and come back as one result set each. Statements whose results
    nobody reads (``BEGIN`` and the stream lock, the chain link, the command record) wait
    in a queue and go with the next query or with ``COMMIT``. Each statement still runs
    on its own snapshot, so the reads after the lock see every commit before it.
    """

    def __init__(
        self, conn: psycopg.Connection[Any], sql: PostgresSql, ledger: str, stream_id: str
    ) -> None:
        self._cursor = psycopg.ClientCursor(conn, row_factory=tuple_row)
        self._sql = sql
        self._ledger = ledger
        self._queued = ["BEGIN", self._bind(STREAM_LOCK_SQL, (stream_id,))]
        self._sent = False

    def _bind(self, sql: str, params: Sequence[Any]) -> str:
        return self._cursor.mogrify(sql, params)

    def _queue(self, sql: str, params: Sequence[Any]) -> None:
        self._queued.append(self._bind(sql, params))

    def _query(self, *statements: str) -> list[list[tuple[Any, ...]]]:
        """Send the queue and these statements in one round trip; each one's rows."""
        parts = [*self._queued, *statements]
        self._queued.clear()
        self._sent = True
        cursor = self._cursor
        cursor.execute("; ".join(parts))
        for _ in range(len(parts) - len(statements)):
            cursor.nextset()
        results: list[list[tuple[Any, ...]]] = []
        for index in range(len(statements)):
            if index:
                cursor.nextset()
            results.append(cursor.fetchall())
        return results

    def commit(self) -> None:
        """Send what is queued with ``COMMIT`` (nothing at all if nothing was asked)."""
        if self._sent or len(self._queued) > 2:
            self._queued.append("COMMIT")
            self._cursor.execute("; ".join(self._queued))
            self._queued.clear()

    def rollback(self) -> None:
        """Undo whatever was sent (the connection goes back to the pool idle)."""
        self._queued.clear()
        conn = self._cursor.connection
        if self._sent and not conn.closed and conn.info.transaction_status != IDLE:
            conn.execute("ROLLBACK")

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """The stream's events, read under the lock."""
        (rows,) = self._query(
            self._bind(self._sql.events.select_stream, (stream_id, after_version))
        )
        return [stored_row(row) for row in rows]

    def read_fact(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Another stream's events under a shared lock on it, held to the end: its writer
        (who holds the exclusive one while deciding) commits before or after this
        transaction, never in between."""
        _locked, rows = self._query(
            self._bind(FACT_LOCK_SQL, (stream_id,)),
            self._bind(self._sql.events.select_stream, (stream_id, after_version)),
        )
        return [stored_row(row) for row in rows]

    def guard_rows(self, table: str) -> None:
        """Take the table's exclusive decision lock now (the rows are read elsewhere)."""
        self._query(self._bind(STREAM_LOCK_SQL, (f"rows:{table}",)))

    def stream_ids(self, prefix: str) -> list[str]:
        """Stream ids by prefix, from the events' primary key."""
        (rows,) = self._query(self._bind(self._sql.events.select_ids, prefix_range(prefix)))
        return [str(row[0]) for row in rows]

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        (rows,) = self._query(self._bind(self._sql.events.recall, (command_id,)))
        return CommandRecord(*rows[0]) if rows else None

    def recall_and_read(
        self, command_id: str, stream_id: str, after_version: int
    ) -> tuple[CommandRecord | None, list[StoredRow]]:
        """Both queries in one round trip (with ``BEGIN`` and the stream lock before them)."""
        recalled, rows = self._query(
            self._bind(self._sql.events.recall, (command_id,)),
            self._bind(self._sql.events.select_stream, (stream_id, after_version)),
        )
        return (CommandRecord(*recalled[0]) if recalled else None), [stored_row(r) for r in rows]

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Table lock, insert and chain head in one round trip; the links are queued."""
        if not events:
            return []
        sql = self._sql
        tagged = [(stream_id, e) for e in events]
        self._queued.append(sql.lock_table)
        inserted, head = self._query(self._bind(*sql.insert(tagged)), sql.chain_head)
        positions = [int(row[0]) for row in inserted]
        for statement, params in sql.links(self._ledger, positions, tagged, head):
            self._queue(statement, params)
        return positions

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command (sent with the commit)."""
        self._queue(self._sql.events.remember, command_params(record))

    def log_attempt(self, attempt: Attempt) -> None:
        """Keep a refused command, in this transaction (sent with the commit)."""
        self._queue(self._sql.attempt, attempt_params(attempt))
