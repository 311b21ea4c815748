"""SQL 默克尔树 — the log's Merkle tree in SQL, grown by the append transaction.

``dangjian_tree`` holds the tree's stored hashes by their tlog index
(:func:`~adapters.storage.merkle.stored_index`); the meta row ``tree`` holds its size and
frontier (``size:hex,hex,…``), read with the hash chain's head in the same statement, so
an append costs one read, one multi-row insert and one update — ``O(log n)`` hashes.
A store opened for the first time since the tree was added (or whose tree lags its log)
builds the tree from the log in the opening transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from adapters.storage.chain import LinkedEvent, event_bytes
from adapters.storage.errors import StorageError
from adapters.storage.merkle import append_leaf, leaf_hash

TREE_KEY = "tree"


def tree_statements(prefix: str, int_type: str) -> list[str]:
    """DDL for the tree's table."""
    return [
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_tree "
        f"(idx {int_type} PRIMARY KEY, hash TEXT NOT NULL)"
    ]


def tree_state_sql(prefix: str) -> str:
    """A scalar subquery: the stored size and frontier (NULL for a store without a tree)."""
    return f"(SELECT value FROM {prefix}dangjian_meta WHERE key = '{TREE_KEY}')"


def parse_state(value: Any) -> tuple[int, list[bytes]]:
    """Size and frontier from the meta value (none: the empty tree)."""
    if value is None:
        return 0, []
    size, _, hashes = str(value).partition(":")
    return int(size), [bytes.fromhex(h) for h in hashes.split(",") if h]


def state_text(size: int, frontier: Sequence[bytes]) -> str:
    """The meta value for a size and frontier."""
    return f"{size}:{','.join(h.hex() for h in frontier)}"


class TreeGrowth:
    """树增长 — the rows a batch of appended events adds to the tree, from its state."""

    def __init__(self, state: Any, chain_size: int) -> None:
        self.size, self.frontier = parse_state(state)
        if self.size != chain_size:
            raise StorageError(
                f"默克尔树 ({self.size} 条) 与哈希链 ({chain_size} 条) 不同步, 请重新打开事件库",
                f"the Merkle tree ({self.size}) is out of step with the chain ({chain_size}); "
                "reopen the store to rebuild it",
            )
        self.rows: list[tuple[int, str]] = []

    def add(self, events: Iterable[LinkedEvent]) -> TreeGrowth:
        """Add the events' leaves."""
        for event in events:
            for index, h in append_leaf(self.size, self.frontier, leaf_hash(event_bytes(event))):
                self.rows.append((index, h.hex()))
            self.size += 1
        return self

    @property
    def state(self) -> str:
        """The meta value after the growth."""
        return state_text(self.size, self.frontier)


def _state_sql(prefix: str, mark: str) -> str:
    return (
        f"INSERT INTO {prefix}dangjian_meta VALUES ({mark}, {mark}) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    )


def apply_growth(cursor: Any, prefix: str, mark: str, growth: TreeGrowth) -> None:
    """Write the new stored hashes and the new state through a cursor."""
    if growth.rows:
        cursor.executemany(
            f"INSERT INTO {prefix}dangjian_tree VALUES ({mark}, {mark})", growth.rows
        )
    cursor.execute(_state_sql(prefix, mark), [TREE_KEY, growth.state])


def queued_growth(prefix: str, growth: TreeGrowth) -> list[tuple[str, Sequence[Any]]]:
    """The same writes as one PostgreSQL statement (one round trip): the ``unnest`` insert
    of the new hashes in a CTE, and the state's upsert."""
    statement = (
        f"WITH grown AS (INSERT INTO {prefix}dangjian_tree "
        "SELECT * FROM unnest(%s::bigint[], %s::text[])) " + _state_sql(prefix, "%s")
    )
    rows = ([i for i, _ in growth.rows], [h for _, h in growth.rows])
    return [(statement, (*rows, TREE_KEY, growth.state))]


def read_hashes(cursor: Any, prefix: str, mark: str, indexes: Sequence[int]) -> list[bytes]:
    """Stored hashes by index, in the order asked; a missing one raises StorageError."""
    found: dict[int, bytes] = {}
    wanted = sorted(set(indexes))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join([mark] * len(chunk))
        cursor.execute(f"SELECT idx, hash FROM {prefix}dangjian_tree WHERE idx IN ({marks})", chunk)
        for row in cursor.fetchall():
            values = tuple(row.values()) if isinstance(row, dict) else tuple(row)
            found[int(values[0])] = bytes.fromhex(values[1])
    missing = [i for i in indexes if i not in found]
    if missing:
        raise StorageError(
            f"默克尔树缺少节点 {missing[:3]}", f"the Merkle tree lacks stored hashes {missing[:3]}"
        )
    return [found[i] for i in indexes]


def tree_size(cursor: Any, prefix: str) -> int:
    """The stored tree's size."""
    cursor.execute(f"SELECT {tree_state_sql(prefix)}")
    row = cursor.fetchone()
    value = None if row is None else (tuple(row.values()) if isinstance(row, dict) else row)[0]
    return parse_state(value)[0]


def catch_up(cursor: Any, prefix: str, mark: str, select_log: str) -> int:
    """Build the tree over the log's events it does not cover yet (a store from before the
    tree, or one whose tree lags); the number of leaves added."""
    cursor.execute(f"SELECT {tree_state_sql(prefix)}, COUNT(*) FROM {prefix}dangjian_chain")
    row = cursor.fetchone()
    state, chained = tuple(row.values()) if isinstance(row, dict) else tuple(row)
    size, _ = parse_state(state)
    if size >= int(chained):
        return 0
    growth = TreeGrowth(state, size)
    after, skipped = 0, 0
    while True:
        cursor.execute(select_log, [after, 5000])
        rows = [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in cursor.fetchall()]
        if not rows:
            break
        after = int(rows[-1][0])
        events = [LinkedEvent(int(p), str(s), int(v), str(t), bytes(b)) for p, s, v, t, b in rows]
        skip = min(len(events), size - skipped)
        skipped += skip
        growth.add(events[skip : skip + int(chained) - growth.size])
    apply_growth(cursor, prefix, mark, growth)
    return growth.size - size
