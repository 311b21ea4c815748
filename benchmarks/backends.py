"""基准的存储后端 — the scratch store a benchmark runs on, and the raw driver beside it.

Every script takes ``--store``: nothing (the default) runs on a new SQLite file in a
temporary directory; a ``postgresql://…`` URL runs on a new schema on that server,
dropped at the end. The raw baselines use the plain driver on the same database (a
second SQLite file with the store's pragmas, or a table in the same PostgreSQL schema),
into a table of the same shape as eventsourcing's ``stored_events``.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import psycopg

from adapters.storage.postgres import PostgresEventStore
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.store import EventStore
from adapters.storage.urls import sqlite_path
from dangjian_core.catalog import ALL_TABLES

#: A stored event as the raw baselines write it: stream, version, topic, state.
Row = tuple[str, int, str, bytes]

SQLITE_EVENTS_DDL = (
    "CREATE TABLE IF NOT EXISTS raw_events (originator_id TEXT, "
    "originator_version INTEGER, topic TEXT, state BLOB, "
    "PRIMARY KEY (originator_id, originator_version))"
)
#: eventsourcing's PostgreSQL table, as ``PostgresApplicationRecorder`` creates it.
POSTGRES_EVENTS_DDL = (
    "CREATE TABLE IF NOT EXISTS raw_events (originator_id text NOT NULL, "
    "originator_version bigint NOT NULL, topic text, state bytea, "
    "notification_id bigserial, PRIMARY KEY (originator_id, originator_version))",
    "CREATE UNIQUE INDEX IF NOT EXISTS raw_events_notification_id ON raw_events "
    "(notification_id ASC)",
)
INSERT_SQL = {
    "sqlite": "INSERT INTO raw_events VALUES (?, ?, ?, ?)",
    "postgres": "INSERT INTO raw_events (originator_id, originator_version, topic, state) "
    "VALUES (%s, %s, %s, %s)",
}


def is_postgres(url: str | None) -> bool:
    """Whether a ``--store`` value names a PostgreSQL server."""
    return bool(url) and str(url).startswith(("postgresql://", "postgres://"))


def backend_name(url: str | None) -> str:
    """``postgres`` or ``sqlite``, for printing and for picking the raw driver."""
    return "postgres" if is_postgres(url) else "sqlite"


def server_dsn(url: str) -> str:
    """The server part of a store URL (without dangjian's query parameters), for psycopg."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def schema_of(url: str) -> str:
    """The schema a PostgreSQL store URL names."""
    return parse_qs(urlsplit(url).query).get("schema", ["public"])[-1]


def with_params(url: str, **params: object) -> str:
    """The URL with query parameters added (later ones win in the store's parser)."""
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{url}{'&' if '?' in url else '?'}{extra}" if extra else url


@contextmanager
def scratch_url(
    store: str | None, tmpdir: str | None = None, name: str = "dangjian", *, keep: bool = False
) -> Iterator[str]:
    """A fresh store URL on the chosen backend, removed afterwards unless ``keep``.

    PostgreSQL: a new schema on the server the URL names (its other query parameters,
    e.g. ``pool_size``, are kept). No ``--store``: a new SQLite file in a temporary
    directory. An explicit SQLite file is used as it is and never removed.
    """
    if is_postgres(store):
        assert store is not None
        schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
        try:
            yield with_params(store, schema=schema)
        finally:
            if not keep:
                drop_schema(store, schema)
    elif store:
        yield store if "://" in store else f"sqlite:///{store}"
    else:
        with tempfile.TemporaryDirectory(prefix="dangjian-bench-", dir=tmpdir) as scratch:
            yield f"sqlite:///{Path(scratch) / f'{name}.db'}"


def drop_schema(url: str, schema: str) -> None:
    """Drop a benchmark schema and everything in it."""
    with psycopg.connect(server_dsn(url), autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def describe(store: EventStore) -> str:
    """One line naming where a store lives and how it commits."""
    if isinstance(store, PostgresEventStore):
        with psycopg.connect(server_dsn(store.url)) as connection:
            settings = {
                name: connection.execute(f"SHOW {name}").fetchone()[0]  # type: ignore[index]
                for name in ("server_version", "synchronous_commit", "fsync", "shared_buffers")
            }
        return f"PostgreSQL schema {store.schema}: {settings}"
    assert isinstance(store, SqliteEventStore)
    return f"SQLite file {store.path}: {sqlite_pragmas(store)}"


def sqlite_pragmas(store: SqliteEventStore) -> dict[str, Any]:
    """journal_mode and synchronous as seen on the store's own pooled connection."""
    with store.datastore.get_connection(commit=False) as connection:
        raw = connection._sqlite_conn
        return {
            name: raw.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous")
        }


class RawEvents:
    """The raw driver writing and reading a table shaped like ``stored_events``.

    SQLite: a second file beside the store's, with the store's journal mode and
    synchronous setting. PostgreSQL: a ``raw_events`` table in the store's own schema.
    """

    def __init__(self, store: EventStore, sqlite_file: Path | None = None) -> None:
        self.backend = "postgres" if isinstance(store, PostgresEventStore) else "sqlite"
        if isinstance(store, PostgresEventStore):
            self.connection: Any = psycopg.connect(server_dsn(store.url), autocommit=True)
            self.connection.execute(f'SET search_path TO "{store.schema}"')
            for statement in POSTGRES_EVENTS_DDL:
                self.connection.execute(statement)
        else:
            assert isinstance(store, SqliteEventStore)
            pragmas = sqlite_pragmas(store)
            path = sqlite_file or Path(store.path).with_name("raw.db")
            self.connection = sqlite3.connect(path, isolation_level=None)
            self.connection.execute(f"PRAGMA journal_mode={pragmas['journal_mode']}")
            self.connection.execute(f"PRAGMA synchronous={pragmas['synchronous']}")
            self.connection.execute(SQLITE_EVENTS_DDL)
        self._insert = INSERT_SQL[self.backend]

    def insert_one(self, row: Row) -> None:
        """One row in its own transaction: BEGIN, INSERT, COMMIT."""
        if self.backend == "postgres":
            with self.connection.transaction():
                self.connection.execute(self._insert, row, prepare=True)
        else:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.execute(self._insert, row)
            self.connection.execute("COMMIT")

    def executemany(self, rows: Sequence[Row]) -> None:
        """Many rows in one transaction with the driver's ``executemany``."""
        if self.backend == "postgres":
            with self.connection.transaction(), self.connection.cursor() as cursor:
                cursor.executemany(self._insert, rows)
        else:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany(self._insert, rows)
            self.connection.execute("COMMIT")

    def copy(self, rows: Sequence[Row]) -> None:
        """Many rows in one transaction with PostgreSQL's ``COPY … FROM STDIN``."""
        assert self.backend == "postgres", "COPY is PostgreSQL's"
        sql = "COPY raw_events (originator_id, originator_version, topic, state) FROM STDIN"
        with (
            self.connection.transaction(),
            self.connection.cursor() as cursor,
            cursor.copy(sql) as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def truncate(self) -> None:
        """Empty the table (between two baselines)."""
        self.connection.execute(
            "TRUNCATE raw_events" if self.backend == "postgres" else "DELETE FROM raw_events"
        )

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def raw_read(url: str, page: int = 2000) -> int:
    """The replay baseline: the raw driver SELECTs every stored event in log order and
    ``json.loads`` its state; returns how many."""
    count = 0
    if is_postgres(url):
        sql = (
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f'FROM "{schema_of(url)}".stored_events ORDER BY notification_id'
        )
        with (
            psycopg.connect(server_dsn(url)) as connection,
            connection.cursor(name="raw_read") as cursor,
        ):
            cursor.itersize = page
            for row in cursor.execute(sql):
                json.loads(row[4])
                count += 1
        return count
    path = sqlite_path(url)
    assert path is not None
    with sqlite3.connect(path) as connection:
        cursor = connection.execute(
            "SELECT rowid, originator_id, originator_version, topic, state "
            "FROM stored_events ORDER BY rowid"
        )
        for row in cursor:
            json.loads(row[4])
            count += 1
    return count


def stored_rows(store: EventStore, after: int = 0, limit: int = 10_000) -> list[tuple[int, Row]]:
    """Stored events after a position, through the store's own log reader (untimed use)."""
    return [
        (row.position, (row.stream_id, row.version, row.topic, row.state))
        for row in store.read_log(after, limit)
    ]


def count_view_rows(url: str) -> int:
    """How many rows the view tables of a store hold (counted with the raw driver)."""
    names = [f"view_{table.name}" for table in ALL_TABLES]
    if is_postgres(url):
        schema = schema_of(url)
        with psycopg.connect(server_dsn(url)) as connection:
            return sum(
                connection.execute(f'SELECT COUNT(*) FROM "{schema}".{name}').fetchone()[0]  # type: ignore[index]
                for name in names
            )
    path = sqlite_path(url)
    assert path is not None
    with sqlite3.connect(path) as connection:
        return sum(
            connection.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in names
        )
