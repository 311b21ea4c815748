"""SQL 账本表 — the audit log in SQL: the hash chain, the ledger's name, checkpoints and
refused attempts.

The same statements serve SQLite and PostgreSQL; only the placeholder, the schema prefix
and the auto-increment column differ. Chain links are written by the append transaction
that wrote their events, after the events (so the store's write lock is held).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from adapters.storage.chain import ChainEntry, LinkedEvent, extend, genesis
from adapters.storage.sql_tree import (
    TreeGrowth,
    apply_growth,
    read_hashes,
    tree_size,
    tree_state_sql,
    tree_statements,
)
from adapters.storage.store import Attempt, CheckpointRecord, NewEvent

#: Environment variable naming the ledger of a new SQL store (its genesis hash is bound to it).
LEDGER_ENV = "DANGJIAN_LEDGER"
#: The meta key of the signed chain-to-tree statement (:mod:`adapters.audit.binding`).
BINDING_KEY = "tree_binding"
_ATTEMPT_COLUMNS = (
    "recorded_at, at, actor_id, command_type, stream_id, command_id, code, reason, command"
)


def ledger_statements(prefix: str, int_type: str, serial: str) -> list[str]:
    """DDL for the ledger tables (``serial``: the auto-increment key column)."""
    return [
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_meta "
        "(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_chain (seq {int_type} PRIMARY KEY, "
        f"position {int_type} NOT NULL UNIQUE, hash TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_checkpoints (size {int_type} PRIMARY KEY, "
        "head TEXT NOT NULL, note TEXT NOT NULL, reason TEXT NOT NULL, cut_at TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_attempts ({serial}, recorded_at TEXT, "
        "at TEXT, actor_id TEXT, command_type TEXT, stream_id TEXT, command_id TEXT, "
        "code TEXT, reason TEXT, command TEXT)",
        *tree_statements(prefix, int_type),
    ]


def attempt_sql(prefix: str, mark: str) -> str:
    """The INSERT of one refused attempt (its id comes from the table)."""
    marks = ", ".join([mark] * 9)
    return f"INSERT INTO {prefix}dangjian_attempts ({_ATTEMPT_COLUMNS}) VALUES ({marks})"


def attempt_params(attempt: Attempt) -> list[str]:
    """The values :func:`attempt_sql` takes."""
    return [
        attempt.recorded_at,
        attempt.at,
        attempt.actor_id,
        attempt.command_type,
        attempt.stream_id,
        attempt.command_id,
        attempt.code,
        attempt.reason,
        attempt.command,
    ]


def chain_head_sql(prefix: str) -> str:
    """The SELECT of the chain's last entry (sequence number and hash) and the Merkle
    tree's state (:mod:`~adapters.storage.sql_tree`)."""
    return (
        f"SELECT seq, hash, {tree_state_sql(prefix)} FROM {prefix}dangjian_chain "
        "ORDER BY seq DESC LIMIT 1"
    )


def tree_growth(head: Sequence[Any] | None, events: Sequence[LinkedEvent]) -> TreeGrowth:
    """The Merkle tree's growth by events that follow the chain's head row."""
    return TreeGrowth(None if head is None else head[2], 0 if head is None else int(head[0])).add(
        events
    )


def linked_events(
    positions: Sequence[int], events: Sequence[tuple[str, NewEvent]]
) -> list[LinkedEvent]:
    """Freshly inserted events, at their positions, as the chain covers them."""
    return [
        LinkedEvent(position, sid, e.version, e.topic, e.state)
        for position, (sid, e) in zip(positions, events, strict=True)
    ]


def chain_after(
    head: Sequence[Any] | None, ledger: str, events: Sequence[LinkedEvent]
) -> list[ChainEntry]:
    """The entries of events that follow the chain's head row (none: the genesis)."""
    seq, previous = (0, genesis(ledger)) if head is None else (int(head[0]), bytes.fromhex(head[1]))
    return list(extend(seq, previous, events))


def _unhex(value: Any) -> bytes:
    """A stored hash. Text that is not hex (a damaged row) is kept as its own bytes, which
    match no hash: verification then names the entry instead of failing to read the chain."""
    try:
        return bytes.fromhex(value)
    except (TypeError, ValueError):
        return str(value).encode("utf-8", "surrogateescape")


def _values(row: Any) -> tuple[Any, ...]:
    return tuple(row.values()) if isinstance(row, dict) else tuple(row)


class SqlLedger:
    """SQL 账本 — ledger operations through one cursor of an open transaction."""

    def __init__(self, cursor: Any, mark: str = "?", prefix: str = "") -> None:
        self._cursor = cursor
        self._mark = mark
        self._prefix = prefix

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        self._cursor.execute(sql, list(params))
        row = self._cursor.fetchone()
        return None if row is None else _values(row)

    def meta(self, key: str) -> str | None:
        """A stored setting (the ledger's name, the views' schema), if set."""
        row = self._one(
            f"SELECT value FROM {self._prefix}dangjian_meta WHERE key = {self._mark}", [key]
        )
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a setting, replacing any earlier value."""
        self._cursor.execute(
            f"INSERT INTO {self._prefix}dangjian_meta VALUES ({self._mark}, {self._mark}) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def claim_name(self, name: str) -> str:
        """Set the ledger name unless one is set already; returns the name in force."""
        self._cursor.execute(
            f"INSERT INTO {self._prefix}dangjian_meta VALUES ({self._mark}, {self._mark}) "
            "ON CONFLICT (key) DO NOTHING",
            ["ledger", name],
        )
        return self.meta("ledger") or name

    def link(self, ledger: str, events: Sequence[LinkedEvent]) -> list[ChainEntry]:
        """Chain new events after the current head, and write the links and the Merkle
        tree's new hashes."""
        head = self._one(chain_head_sql(self._prefix))
        apply_growth(self._cursor, self._prefix, self._mark, tree_growth(head, events))
        entries = chain_after(head, ledger, events)
        marks = ", ".join([self._mark] * 3)
        sql = f"INSERT INTO {self._prefix}dangjian_chain VALUES ({marks})"
        rows = [(e.seq, e.position, e.hash.hex()) for e in entries]
        if len(rows) == 1:
            self._cursor.execute(sql, rows[0])  # a command's one event: no executemany
        else:
            self._cursor.executemany(sql, rows)
        return entries

    def tree_size(self) -> int:
        """How many events the Merkle tree covers."""
        return tree_size(self._cursor, self._prefix)

    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        """The Merkle tree's stored hashes by index."""
        return read_hashes(self._cursor, self._prefix, self._mark, indexes)

    def entry_at(self, position: int) -> ChainEntry | None:
        """The chain entry covering the event at a stored position."""
        found = self._one(
            f"SELECT seq, position, hash FROM {self._prefix}dangjian_chain "
            f"WHERE position = {self._mark}",
            [position],
        )
        return None if found is None else ChainEntry(int(found[0]), int(found[1]), _unhex(found[2]))

    def read_chain(self, after_seq: int, limit: int) -> list[ChainEntry]:
        """Chain entries after a sequence number."""
        self._cursor.execute(
            f"SELECT seq, position, hash FROM {self._prefix}dangjian_chain "
            f"WHERE seq > {self._mark} ORDER BY seq LIMIT {self._mark}",
            [after_seq, limit],
        )
        rows = [_values(row) for row in self._cursor.fetchall()]
        return [ChainEntry(int(a), int(b), _unhex(c)) for a, b, c in rows]

    def add_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        """Insert a checkpoint."""
        marks = ", ".join([self._mark] * 5)
        self._cursor.execute(
            f"INSERT INTO {self._prefix}dangjian_checkpoints VALUES ({marks})",
            [
                checkpoint.size,
                checkpoint.head.hex(),
                checkpoint.note,
                checkpoint.reason,
                checkpoint.cut_at,
            ],
        )

    def replace_note(self, size: int, note: str) -> None:
        """Replace the note of the checkpoint of ``size``."""
        self._cursor.execute(
            f"UPDATE {self._prefix}dangjian_checkpoints SET note = {self._mark} "
            f"WHERE size = {self._mark}",
            [note, size],
        )

    def checkpoints(self) -> list[CheckpointRecord]:
        """Every checkpoint, smallest first."""
        self._cursor.execute(
            f"SELECT size, head, note, reason, cut_at FROM {self._prefix}dangjian_checkpoints "
            "ORDER BY size"
        )
        rows = [_values(row) for row in self._cursor.fetchall()]
        return [CheckpointRecord(int(a), _unhex(b), c, d, e) for a, b, c, d, e in rows]

    def add_attempt(self, attempt: Attempt) -> None:
        """Insert a refused attempt (its id comes from the table)."""
        self._cursor.execute(attempt_sql(self._prefix, self._mark), attempt_params(attempt))

    def attempts(self, after_id: int, limit: int) -> list[Attempt]:
        """Refused attempts after an id."""
        self._cursor.execute(
            f"SELECT id, {_ATTEMPT_COLUMNS} FROM {self._prefix}dangjian_attempts "
            f"WHERE id > {self._mark} ORDER BY id LIMIT {self._mark}",
            [after_id, limit],
        )
        return [Attempt(*_values(row)) for row in self._cursor.fetchall()]
