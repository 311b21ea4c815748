"""SQL 事件日志 — the event log and the command log in SQL, shared by SQLite and PostgreSQL.

The events are eventsourcing's ``stored_events`` table; the store's global position is
its ``rowid`` on SQLite and its ``notification_id`` on PostgreSQL. Handled command ids
live in ``dangjian_commands`` beside it. Only the placeholder, the schema prefix, the
integer type and the position column differ between the backends: a :class:`Dialect`.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from adapters.storage.secrets import secret_statements
from adapters.storage.sql_ledger import SqlLedger, ledger_statements
from adapters.storage.sql_tree import catch_up
from adapters.storage.sql_views import prepare_views
from adapters.storage.store import CommandRecord


@frozen
class Dialect:
    """SQL 方言 — what differs between the SQL backends' statements."""

    mark: str  # parameter placeholder
    prefix: str  # schema qualifier of every table ("" for none)
    int_type: str  # integer column type
    serial: str  # auto-increment key column
    position: str  # the events' global position column
    tracking_table: str  # eventsourcing's tracking table


SQLITE = Dialect("?", "", "INTEGER", "id INTEGER PRIMARY KEY AUTOINCREMENT", "rowid", "tracking")


def postgres_dialect(schema: str, tracking_table: str) -> Dialect:
    """PostgreSQL's dialect for the tables of one schema."""
    return Dialect(
        "%s",
        f'"{schema}".',
        "BIGINT",
        "id BIGSERIAL PRIMARY KEY",
        "notification_id",
        tracking_table,
    )


@frozen
class EventSql:
    """事件日志语句 — the statements of the event log and the command log in one dialect."""

    select_events: str  # every column of the events, without a condition
    select_stream: str  # (stream id, after version)
    select_ids: str  # (low, high) of :func:`~adapters.storage.store.prefix_range`
    select_log: str  # (after position, limit)
    commands_ddl: str
    recall: str  # (command id)
    remember: str  # the five fields of a CommandRecord

    @classmethod
    def of(cls, dialect: Dialect) -> EventSql:
        """The statements in a dialect."""
        mark, prefix, position = dialect.mark, dialect.prefix, dialect.position
        events = f"{prefix}stored_events"
        select = f"SELECT {position}, originator_id, originator_version, topic, state FROM {events}"
        commands = f"{prefix}dangjian_commands"
        return cls(
            select_events=select,
            select_stream=(
                f"{select} WHERE originator_id = {mark} AND originator_version > {mark} "
                "ORDER BY originator_version"
            ),
            select_ids=(
                f"SELECT DISTINCT originator_id FROM {events} WHERE originator_id >= {mark} "
                f"AND originator_id < {mark} ORDER BY originator_id"
            ),
            select_log=f"{select} WHERE {position} > {mark} ORDER BY {position} LIMIT {mark}",
            commands_ddl=(
                f"CREATE TABLE IF NOT EXISTS {commands} ("
                "command_id TEXT PRIMARY KEY, digest TEXT NOT NULL, stream_id TEXT NOT NULL, "
                f"first_version {dialect.int_type} NOT NULL, count {dialect.int_type} NOT NULL)"
            ),
            recall=(
                "SELECT command_id, digest, stream_id, first_version, count "
                f"FROM {commands} WHERE command_id = {mark}"
            ),
            remember=f"INSERT INTO {commands} VALUES ({', '.join([mark] * 5)})",
        )


def command_params(record: CommandRecord) -> tuple[str, str, str, int, int]:
    """The values :attr:`EventSql.remember` takes."""
    return (record.command_id, record.digest, record.stream_id, record.first_version, record.count)


def prepare_tables(cursor: Any, dialect: Dialect, ledger: str) -> str:
    """The command log, the audit log and the views beside eventsourcing's tables, created
    in the opening transaction (views rebuilt if their declaration changed). Returns the
    ledger name in force: the stored one, else ``ledger``, which is then stored."""
    ddl = [
        *ledger_statements(dialect.prefix, dialect.int_type, dialect.serial),
        *secret_statements(dialect.prefix),
    ]
    for statement in (EventSql.of(dialect).commands_ddl, *ddl):
        cursor.execute(statement)
    sql = SqlLedger(cursor, dialect.mark, dialect.prefix)
    name = sql.claim_name(ledger)
    catch_up(cursor, dialect.prefix, dialect.mark, EventSql.of(dialect).select_log)
    prepare_views(sql, cursor, dialect.int_type, dialect.tracking_table, dialect.prefix)
    return name
