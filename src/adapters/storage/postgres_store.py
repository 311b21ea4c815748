"""PostgreSQL 事件库 — eventsourcing's PostgreSQL tables, written in as few round trips as possible.

A write transaction takes ``pg_advisory_xact_lock`` on the stream id before reading it, so
two commands on the same task queue instead of racing, and each is decided once against
the latest state. The insert takes eventsourcing's EXCLUSIVE table lock first, which makes
commit order equal notification order, so a follower never skips an event. Views and the
command-id table live in the same schema; catching views up takes one advisory lock (per
schema) so two projector processes never apply the same events twice.

A command costs three round trips to the server plus one per directory stream it reads,
like a raw ``BEGIN; INSERT; COMMIT``: several statements travel as one query (parameters
bound on the client), so ``BEGIN``, the stream lock, the command-id lookup and the stream
read go together; the
table lock, the insert and the chain head together; the chain link, the command record
and ``COMMIT`` together. ``lock_timeout`` is set once per pooled connection (it bounds the
stream lock's wait too); no ``NOTIFY`` is sent (the projector polls).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import psycopg
from eventsourcing.persistence import PersistenceError
from eventsourcing.postgres import (
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresTrackingRecorder,
)
from psycopg.pq import TransactionStatus
from psycopg.rows import tuple_row
from psycopg_pool import PoolTimeout

from adapters.audit.chain import ChainEntry, LinkedEvent, extend, genesis
from adapters.storage.errors import StorageError, StoreBusy, VersionConflict
from adapters.storage.sql_ledger import SqlLedger, attempt_params, attempt_sql, ledger_statements
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
    prefix_range,
)
from adapters.storage.views import ViewTransaction

# Advisory locks of the two-key form (a class, then the schema's hash): a key space apart
# from the streams' one-key locks, and one lock per schema, so stores in two schemas of
# one database never wait for each other.
_CREATE_LOCK = 0x64616E67  # "dang": serialises first-use table creation
_VIEWS_LOCK = 0x6A69616E  # "jian": one projector applies events at a time
_SCHEMA_LOCK_SQL = "SELECT pg_advisory_xact_lock(%s, hashtext(%s))"
_STREAM_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"
IDLE = TransactionStatus.IDLE


def _row(row: Sequence[Any]) -> StoredRow:
    position, stream_id, version, topic, state = row
    return StoredRow(int(position), str(stream_id), int(version), str(topic), bytes(state))


class _Datastore(PostgresDatastore):
    """eventsourcing's datastore, with ``lock_timeout`` set once on every new connection.

    The session setting bounds every lock wait of the connection — the stream's advisory
    lock, the table lock of an insert, the projector's lock — instead of eventsourcing's
    ``SET LOCAL`` in each insert transaction (one round trip less per command, and the
    advisory-lock wait, unbounded before, now ends in :class:`StoreBusy`).
    """

    def after_connect_func(self) -> Any:
        configure = super().after_connect_func()
        timeout = f"SET lock_timeout = '{int(self.lock_timeout)}s'"

        def after_connect(conn: psycopg.Connection[Any]) -> None:
            configure(conn)
            conn.execute(timeout)

        return after_connect


class PostgresWriteTransaction(WriteTransaction):
    """PostgreSQL 写事务 — statements batched into as few round trips as a raw insert needs.

    Parameters are bound on the client (``ClientCursor``), so several statements travel
    as one simple query and come back as one result set each. Statements whose results
    nobody reads (``BEGIN`` and the stream lock, the chain link, the command record) wait
    in a queue and go with the next query or with ``COMMIT``. Each statement still runs
    on its own snapshot, so the reads after the lock see every commit before it.
    """

    def __init__(
        self, conn: psycopg.Connection[Any], store: PostgresEventStore, stream_id: str
    ) -> None:
        self._cursor = psycopg.ClientCursor(conn, row_factory=tuple_row)
        self._store = store
        self._queued = ["BEGIN", self._bind(_STREAM_LOCK_SQL, (stream_id,))]
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
        (rows,) = self._query(self._bind(self._store.select_stream_sql, (stream_id, after_version)))
        return [_row(row) for row in rows]

    def stream_ids(self, prefix: str) -> list[str]:
        """Stream ids by prefix, from the events' primary key."""
        (rows,) = self._query(self._bind(self._store.select_ids_sql, prefix_range(prefix)))
        return [str(row[0]) for row in rows]

    def recall(self, command_id: str) -> CommandRecord | None:
        """A handled command's record."""
        (rows,) = self._query(self._bind(self._store.recall_sql, (command_id,)))
        return CommandRecord(*rows[0]) if rows else None

    def recall_and_read(
        self, command_id: str, stream_id: str, after_version: int
    ) -> tuple[CommandRecord | None, list[StoredRow]]:
        """Both queries in one round trip (with ``BEGIN`` and the stream lock before them)."""
        recalled, rows = self._query(
            self._bind(self._store.recall_sql, (command_id,)),
            self._bind(self._store.select_stream_sql, (stream_id, after_version)),
        )
        return (CommandRecord(*recalled[0]) if recalled else None), [_row(row) for row in rows]

    def append(self, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
        """Table lock, insert and chain head in one round trip; the links are queued."""
        if not events:
            return []
        store = self._store
        if len(events) == 1:
            event = events[0]
            insert = self._bind(
                store.insert_one_sql, (stream_id, event.version, event.topic, event.state)
            )
        else:
            insert = self._bind(
                store.insert_many_sql,
                (
                    [stream_id] * len(events),
                    [e.version for e in events],
                    [e.topic for e in events],
                    [e.state for e in events],
                ),
            )
        self._queued.append(store.lock_table_sql)
        inserted, head = self._query(insert, store.chain_head_sql)
        positions = [int(row[0]) for row in inserted]
        for sql, params in store.links(positions, [(stream_id, e) for e in events], head):
            self._queue(sql, params)
        return positions

    def remember(self, record: CommandRecord) -> None:
        """Record the handled command (sent with the commit)."""
        self._queue(
            self._store.remember_sql,
            (
                record.command_id,
                record.digest,
                record.stream_id,
                record.first_version,
                record.count,
            ),
        )

    def log_attempt(self, attempt: Attempt) -> None:
        """Keep a refused command, in this transaction (sent with the commit)."""
        self._queue(self._store.attempt_sql, attempt_params(attempt))


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
        self.datastore = _Datastore(
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
        self._pool_opened = False
        self.recorder = PostgresApplicationRecorder(self.datastore)
        self.tracking = PostgresTrackingRecorder(self.datastore)
        events = f"{self.prefix}stored_events"
        columns = "notification_id, originator_id, originator_version, topic, state"
        self.select_stream_sql = (
            f"SELECT {columns} FROM {events} WHERE originator_id = %s "
            "AND originator_version > %s ORDER BY originator_version"
        )
        self.select_ids_sql = (
            f"SELECT DISTINCT originator_id FROM {events} WHERE originator_id >= %s "
            "AND originator_id < %s ORDER BY originator_id"
        )
        self.select_log_sql = (
            f"SELECT {columns} FROM {events} WHERE notification_id > %s "
            "ORDER BY notification_id LIMIT %s"
        )
        self.select_positions_sql = (
            f"SELECT {columns} FROM {events} WHERE notification_id = ANY(%s) "
            "ORDER BY notification_id"
        )
        self.recall_sql = (
            "SELECT command_id, digest, stream_id, first_version, count "
            f"FROM {self.prefix}dangjian_commands WHERE command_id = %s"
        )
        self.remember_sql = (
            f"INSERT INTO {self.prefix}dangjian_commands VALUES (%s, %s, %s, %s, %s)"
        )
        # eventsourcing's EXCLUSIVE lock: inserts commit in notification order (readers
        # never pass a gap that fills later); reads are not blocked.
        self.lock_table_sql = f"LOCK TABLE {events} IN EXCLUSIVE MODE"
        into = f"INSERT INTO {events} (originator_id, originator_version, topic, state)"
        self.insert_one_sql = f"{into} VALUES (%s, %s, %s, %s) RETURNING notification_id"
        self.insert_many_sql = (
            f"{into} SELECT s, v, t, b FROM unnest(%s::text[], %s::bigint[], %s::text[], "
            "%s::bytea[]) WITH ORDINALITY AS e(s, v, t, b, n) ORDER BY n "
            "RETURNING notification_id"
        )
        self.attempt_sql = attempt_sql(self.prefix, "%s")
        chain = f"{self.prefix}dangjian_chain"
        self.chain_head_sql = f"SELECT seq, hash FROM {chain} ORDER BY seq DESC LIMIT 1"
        self.link_one_sql = f"INSERT INTO {chain} VALUES (%s, %s, %s)"
        self.link_many_sql = (
            f"INSERT INTO {chain} SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::text[])"
        )
        with _translated():
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
            cursor.execute(_SCHEMA_LOCK_SQL, (_CREATE_LOCK, self.schema))
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
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {self.prefix}dangjian_commands ("
                "command_id TEXT PRIMARY KEY, digest TEXT NOT NULL, "
                "stream_id TEXT NOT NULL, first_version BIGINT NOT NULL, "
                "count BIGINT NOT NULL)"
            )
            for ddl in ledger_statements(self.prefix, "BIGINT", "id BIGSERIAL PRIMARY KEY"):
                cursor.execute(ddl)
            ledger = self._sql(cursor)
            self._ledger = ledger.claim_name(self._ledger)
            prepare_views(ledger, cursor, "BIGINT", tracking.tracking_table_name, self.prefix)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._connection() as conn, conn.transaction():
            yield conn.cursor(row_factory=tuple_row)

    @contextmanager
    def writing(self, stream_id: str) -> Iterator[WriteTransaction]:
        """Hold the stream's advisory lock for the whole load → decide → append (taken
        with the transaction's first query, before anything is read)."""
        with _translated(), self._connection() as conn:
            tx = PostgresWriteTransaction(conn, self, stream_id)
            try:
                yield tx
                tx.commit()
            except BaseException:
                tx.rollback()
                raise

    def append_batch(self, events: Sequence[tuple[str, NewEvent]]) -> list[int]:
        """Many streams' events in one transaction (one ``unnest`` insert)."""
        if not events:
            return []
        with _translated(), self._connection() as conn, conn.transaction():
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(self.lock_table_sql)
            cursor.execute(
                self.insert_many_sql,
                (
                    [sid for sid, _ in events],
                    [e.version for _, e in events],
                    [e.topic for _, e in events],
                    [e.state for _, e in events],
                ),
            )
            positions = [int(row[0]) for row in cursor.fetchall()]
            cursor.execute(self.chain_head_sql)
            for sql, params in self.links(positions, events, cursor.fetchall()):
                cursor.execute(sql, params)
            return positions

    def links(
        self,
        positions: Sequence[int],
        events: Sequence[tuple[str, NewEvent]],
        head: Sequence[Sequence[Any]],
    ) -> list[tuple[str, Sequence[Any]]]:
        """The INSERT of the chain links of freshly inserted events, after the chain's head
        (read while the table lock is held, so no other writer can move it)."""
        seq, previous = (
            (int(head[0][0]), bytes.fromhex(head[0][1])) if head else (0, genesis(self._ledger))
        )
        linked = [
            LinkedEvent(position, sid, e.version, e.topic, e.state)
            for position, (sid, e) in zip(positions, events, strict=True)
        ]
        entries = list(extend(seq, previous, linked))
        if len(entries) == 1:
            (entry,) = entries
            return [(self.link_one_sql, (entry.seq, entry.position, entry.hash.hex()))]
        columns = (
            [e.seq for e in entries],
            [e.position for e in entries],
            [e.hash.hex() for e in entries],
        )
        return [(self.link_many_sql, columns)] if entries else []

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

    def stream_ids(self, prefix: str) -> list[str]:
        """Committed stream ids by prefix."""
        with _translated(), self._transaction() as cursor:
            cursor.execute(self.select_ids_sql, prefix_range(prefix))
            return [str(row[0]) for row in cursor.fetchall()]

    def read_stream(self, stream_id: str, after_version: int = 0) -> list[StoredRow]:
        """Committed events of one stream."""
        with _translated(), self._connection() as conn:
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(self.select_stream_sql, (stream_id, after_version))
            return [_row(row) for row in cursor.fetchall()]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow]:
        """Committed events in notification order (ids may have gaps)."""
        with _translated(), self._connection() as conn:
            return self._read_log(conn, after_position, limit)

    def _read_log(
        self, conn: psycopg.Connection[Any], after_position: int, limit: int
    ) -> list[StoredRow]:
        cursor = conn.cursor(row_factory=tuple_row)
        cursor.execute(self.select_log_sql, (after_position, limit))
        return [_row(row) for row in cursor.fetchall()]

    def read_positions(self, positions: Sequence[int]) -> list[StoredRow]:
        """Events by notification id."""
        with _translated(), self._connection() as conn:
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(self.select_positions_sql, (list(positions),))
            return [_row(row) for row in cursor.fetchall()]

    def max_position(self) -> int:
        """The highest notification id."""
        with _translated(), self._connection() as conn:
            cursor = conn.cursor(row_factory=tuple_row)
            cursor.execute(f"SELECT MAX(notification_id) FROM {self.prefix}stored_events")
            row = cursor.fetchone()
            return int(row[0] or 0) if row else 0

    @contextmanager
    def views(self, *, write: bool = False) -> Iterator[ViewTransaction]:
        """Views and tracking in one transaction; writers of a schema queue on one
        advisory lock. The log is read through the same connection."""
        with _translated(), self._connection() as conn, conn.transaction():
            cursor = conn.cursor()
            if write:
                cursor.execute(_SCHEMA_LOCK_SQL, (_VIEWS_LOCK, self.schema))
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


@contextmanager
def _translated() -> Iterator[None]:
    """Turn PostgreSQL's lock and connection errors into typed storage errors (also when
    eventsourcing wrapped them in its own)."""
    try:
        yield
    except (psycopg.Error, PersistenceError) as error:
        cause = error if isinstance(error, psycopg.Error) else error.__cause__
        if isinstance(cause, psycopg.errors.LockNotAvailable | psycopg.errors.QueryCanceled):
            raise StoreBusy(
                "数据库锁等待超时,请稍后重试", f"PostgreSQL lock timeout: {cause}"
            ) from error
        if isinstance(cause, psycopg.errors.UniqueViolation):
            raise VersionConflict("事件版本冲突,写入已撤销", f"version clash: {cause}") from error
        if isinstance(cause, PoolTimeout):
            raise StoreBusy(
                "数据库连接繁忙,等待超时,请稍后重试", f"no pooled connection in time: {error}"
            ) from error
        raise StorageError("数据库操作失败", f"PostgreSQL failed: {error}") from error
