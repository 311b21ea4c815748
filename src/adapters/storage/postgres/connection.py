"""PostgreSQL 连接 — the pool (``lock_timeout`` set per connection), advisory locks, errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

import psycopg
from eventsourcing.persistence import PersistenceError
from eventsourcing.postgres import PostgresDatastore
from psycopg_pool import PoolTimeout

from adapters.storage.errors import StorageError, StoreBusy, VersionConflict

# Advisory locks of the two-key form (a class, then the schema's hash): a key space apart
# from the streams' one-key locks, and one lock per schema, so stores in two schemas of
# one database never wait for each other.
CREATE_LOCK = 0x64616E67  # "dang": serialises first-use table creation
VIEWS_LOCK = 0x6A69616E  # "jian": one projector applies events at a time
SCHEMA_LOCK_SQL = "SELECT pg_advisory_xact_lock(%s, hashtext(%s))"
STREAM_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"
#: A fact's stream, shared: many decisions may rely on it, none while its writer decides.
FACT_LOCK_SQL = "SELECT pg_advisory_xact_lock_shared(hashtextextended(%s, 0))"


class Datastore(PostgresDatastore):
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


def open_datastore(url: str, query: dict[str, str], schema: str) -> Datastore:
    """The datastore a URL names (``query``: its parameters, the last of each name)."""
    parts = urlsplit(url)
    return Datastore(
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
        schema=schema,
        originator_id_type="text",
    )


@contextmanager
def translated() -> Iterator[None]:
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
        if isinstance(cause, psycopg.errors.DeadlockDetected):
            raise VersionConflict(
                "并发写入相互等待,已撤销本次写入", f"deadlock, write undone: {cause}"
            ) from error
        if isinstance(cause, psycopg.errors.UniqueViolation):
            raise VersionConflict("事件版本冲突,写入已撤销", f"version clash: {cause}") from error
        if isinstance(cause, PoolTimeout):
            raise StoreBusy(
                "数据库连接繁忙,等待超时,请稍后重试", f"no pooled connection in time: {error}"
            ) from error
        raise StorageError("数据库操作失败", f"PostgreSQL failed: {error}") from error
