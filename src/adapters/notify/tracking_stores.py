"""投递记录的存放 — the notifier's tables in the store's own database, and the guard that
only one notifier follows a store at a time.

- SQLite: a connection of its own to the store's file; writes take SQLite's write lock
  for one short transaction each. The guard is a lock on ``<file>-notify.lock`` (0600),
  released by the kernel when the process ends, however it ends.
- PostgreSQL: the store's connection pool, the tables in its schema (created under the
  schema's creation lock). The guard is a session advisory lock held on a connection of
  its own for the notifier's life, released when that connection closes (or dies).
- The in-memory store: an in-memory SQLite database (a throwaway run; no guard needed).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
from psycopg.rows import tuple_row

from adapters.notify.errors import NotifierRunning
from adapters.notify.tracking import SqlTracking, tracking_statements
from adapters.storage.postgres import PostgresEventStore
from adapters.storage.postgres import connection as pg
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.sqlite.connection import in_memory, translated
from adapters.storage.store import EventStore

#: The advisory lock class of the notifier's guard ("noti"), beside the store's own.
NOTIFY_LOCK = 0x6E6F7469
_TRY_LOCK = "SELECT pg_try_advisory_lock(%s, hashtext(%s))"

_RUNNING = (
    "另一个通知进程正在跟随这个事件库, 同时运行两个会重复发送",
    "another notifier follows this store; two would post every message twice",
)


class TrackingStore(ABC):
    """投递记录库 — transactions over the notifier's tables, and the one-notifier guard."""

    @abstractmethod
    def transaction(self, *, write: bool = True) -> AbstractContextManager[SqlTracking]:
        """One transaction: committed if the block succeeds, else rolled back."""

    @abstractmethod
    def hold(self) -> None:
        """Become the store's only notifier, or raise :class:`NotifierRunning`."""

    @abstractmethod
    def release(self) -> None:
        """Let another notifier follow the store."""

    @abstractmethod
    def close(self) -> None:
        """Release the guard and connections."""


class SqliteTracking(TrackingStore):
    """投递记录 in a SQLite file (or an in-memory database)."""

    def __init__(self, path: str, timeout: float = 120.0) -> None:
        self._connection = sqlite3.connect(
            path, timeout=timeout, isolation_level=None, check_same_thread=False, uri=True
        )
        self._lock = threading.Lock()
        self._guard = None if in_memory(path) else f"{path}-notify.lock"
        self._fd: int | None = None
        with self._lock, translated(), self._connection:
            for statement in tracking_statements("", "INTEGER"):
                self._connection.execute(statement)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[SqlTracking]:
        """``BEGIN IMMEDIATE`` when writing (waiting for SQLite's lock up to the timeout)."""
        with self._lock, translated():
            cursor = self._connection.cursor()
            cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield SqlTracking(cursor)
                cursor.execute("COMMIT" if write else "ROLLBACK")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.rollback()
                raise

    def hold(self) -> None:
        """Lock ``<file>-notify.lock`` without waiting."""
        if self._guard is None or self._fd is not None:
            return
        fd = os.open(self._guard, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise NotifierRunning(*_RUNNING) from None
        self._fd = fd

    def release(self) -> None:
        """Unlock the guard file."""
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops its lock
            self._fd = None

    def close(self) -> None:
        """Release the guard, close the connection."""
        self.release()
        self._connection.close()


class PostgresTracking(TrackingStore):
    """投递记录 in the store's PostgreSQL schema, on its connection pool."""

    def __init__(self, store: PostgresEventStore) -> None:
        self._datastore = store.datastore
        self._schema = store.schema
        self._prefix = store.prefix
        self._held: psycopg.Connection[Any] | None = None
        with pg.translated(), self._datastore.get_connection() as conn, conn.transaction():
            cursor = conn.cursor()
            cursor.execute(pg.SCHEMA_LOCK_SQL, (pg.CREATE_LOCK, self._schema))
            for statement in tracking_statements(self._prefix, "BIGINT"):
                cursor.execute(statement)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[SqlTracking]:  # noqa: ARG002
        """A pooled connection's transaction (row locks suffice: each write names its row)."""
        with pg.translated(), self._datastore.get_connection() as conn, conn.transaction():
            yield SqlTracking(conn.cursor(row_factory=tuple_row), "%s", self._prefix)

    def hold(self) -> None:
        """Take the schema's notifier lock on a connection of its own (outside the pool,
        so even a pool of one connection is left to the notifier's work)."""
        if self._held is not None:
            return
        pool = self._datastore.pool
        settings = pool.kwargs() if callable(pool.kwargs) else dict(pool.kwargs or {})
        settings.pop("row_factory", None)
        with pg.translated():
            conn = psycopg.connect(str(pool.conninfo or ""), autocommit=True, **settings)
            found = conn.execute(_TRY_LOCK, (NOTIFY_LOCK, self._schema)).fetchone()
        if found is None or not found[0]:
            conn.close()
            raise NotifierRunning(*_RUNNING)
        self._held = conn

    def release(self) -> None:
        """Drop the lock (closing its connection drops it too)."""
        if self._held is not None:
            held, self._held = self._held, None
            with pg.translated():
                held.close()

    def close(self) -> None:
        """Release the guard (the pool is the store's to close)."""
        self.release()


def open_tracking(store: EventStore) -> TrackingStore:
    """The notifier's tables in ``store``'s database (created if new)."""
    if isinstance(store, SqliteEventStore):
        return SqliteTracking(store.path)
    if isinstance(store, PostgresEventStore):
        return PostgresTracking(store)
    return SqliteTracking(":memory:")
