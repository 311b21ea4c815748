"""PostgreSQL 语句 — the SQL of one schema's event log, command log and chain, built once
per store, and the chain links of freshly inserted events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import frozen

from adapters.storage.sql_events import Dialect, EventSql
from adapters.storage.sql_ledger import (
    attempt_sql,
    chain_after,
    chain_head_sql,
    linked_events,
    tree_growth,
)
from adapters.storage.sql_tree import queued_growth
from adapters.storage.store import NewEvent, StoredRow


def stored_row(row: Sequence[Any]) -> StoredRow:
    """A stored row as psycopg returns it."""
    position, stream_id, version, topic, state = row
    return StoredRow(int(position), str(stream_id), int(version), str(topic), bytes(state))


@frozen
class PostgresSql:
    """PostgreSQL 语句 — every statement of the write path and the reads, for one schema."""

    events: EventSql
    select_positions: str  # (array of positions)
    max_position: str
    # eventsourcing's EXCLUSIVE lock: inserts commit in notification order (readers
    # never pass a gap that fills later); reads are not blocked.
    lock_table: str
    insert_one: str
    insert_many: str  # four arrays: stream ids, versions, topics, states
    attempt: str
    chain_head: str
    link_one: str
    link_many: str  # three arrays: sequence numbers, positions, hashes
    prefix: str = ""  # the schema qualifier (the Merkle tree's statements are built per append)

    @classmethod
    def of(cls, dialect: Dialect) -> PostgresSql:
        """The statements for the schema a dialect qualifies tables with."""
        prefix = dialect.prefix
        events = f"{prefix}stored_events"
        into = f"INSERT INTO {events} (originator_id, originator_version, topic, state)"
        chain = f"{prefix}dangjian_chain"
        log = EventSql.of(dialect)
        return cls(
            events=log,
            select_positions=(
                f"{log.select_events} WHERE notification_id = ANY(%s) ORDER BY notification_id"
            ),
            max_position=f"SELECT MAX(notification_id) FROM {events}",
            lock_table=f"LOCK TABLE {events} IN EXCLUSIVE MODE",
            insert_one=f"{into} VALUES (%s, %s, %s, %s) RETURNING notification_id",
            insert_many=(
                f"{into} SELECT s, v, t, b FROM unnest(%s::text[], %s::bigint[], %s::text[], "
                "%s::bytea[]) WITH ORDINALITY AS e(s, v, t, b, n) ORDER BY n "
                "RETURNING notification_id"
            ),
            attempt=attempt_sql(prefix, "%s"),
            chain_head=chain_head_sql(prefix),
            link_one=f"INSERT INTO {chain} VALUES (%s, %s, %s)",
            link_many=(
                f"INSERT INTO {chain} SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::text[])"
            ),
            prefix=prefix,
        )

    def insert(self, events: Sequence[tuple[str, NewEvent]]) -> tuple[str, Sequence[Any]]:
        """The INSERT of events (returning their positions, in order) and its parameters."""
        if len(events) == 1:
            ((stream_id, event),) = events
            return self.insert_one, (stream_id, event.version, event.topic, event.state)
        return self.insert_many, (
            [sid for sid, _ in events],
            [e.version for _, e in events],
            [e.topic for _, e in events],
            [e.state for _, e in events],
        )

    def links(
        self,
        ledger: str,
        positions: Sequence[int],
        events: Sequence[tuple[str, NewEvent]],
        head: Sequence[Sequence[Any]],
    ) -> list[tuple[str, Sequence[Any]]]:
        """The INSERT of the chain links of freshly inserted events, after the chain's head
        (read while the table lock is held, so no other writer can move it), and of the
        Merkle tree's new hashes."""
        linked = linked_events(positions, events)
        top = head[0] if head else None
        grown = queued_growth(self.prefix, tree_growth(top, linked)) if linked else []
        entries = chain_after(top, ledger, linked)
        if len(entries) == 1:
            (entry,) = entries
            return [(self.link_one, (entry.seq, entry.position, entry.hash.hex())), *grown]
        columns = (
            [e.seq for e in entries],
            [e.position for e in entries],
            [e.hash.hex() for e in entries],
        )
        return [(self.link_many, columns), *grown] if entries else []
