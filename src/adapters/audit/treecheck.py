"""树核对 — hold a live store's Merkle tree against the tree recomputed from its events.

The checkpoints are checked against the recomputed roots; this check says whether the
tree the store *serves proofs from* (``dangjian_tree``) is that same tree: the same size,
the same hash at every stored index. A changed row would make proofs fail for the
villagers who check them, and hide nothing; it is named so it can be repaired.
"""

from __future__ import annotations

from adapters.audit.report import Finding
from adapters.storage.errors import StorageError
from adapters.storage.merkle import HashTree, stored_index
from adapters.storage.store import EventStore

CHUNK = 10_000


def check_tree(store: EventStore, recomputed: HashTree) -> list[Finding]:
    """Findings (``chain`` check) where the stored tree differs from the recomputed one."""
    size = store.tree_size()
    if size != recomputed.size:
        return [
            _finding(
                "tree_size",
                f"默克尔树存有 {size} 条, 日志有 {recomputed.size} 条",
                f"the stored Merkle tree holds {size} leaves, the log {recomputed.size}",
            )
        ]
    leaves = {stored_index(0, i): i for i in range(size)}
    for start in range(0, len(recomputed.hashes), CHUNK):
        indexes = list(range(start, min(len(recomputed.hashes), start + CHUNK)))
        try:
            stored = store.read_tree(indexes)
        except StorageError as error:
            return [_finding("tree_missing", f"默克尔树缺少节点: {error.zh}", error.en)]
        for index, found in zip(indexes, stored, strict=True):
            if found != recomputed.hashes[index]:
                leaf = leaves.get(index)
                where = f"第 {leaf + 1} 条的叶" if leaf is not None else f"节点 {index}"
                where_en = f"the leaf of entry {leaf + 1}" if leaf is not None else f"node {index}"
                return [
                    _finding(
                        "bad_tree",
                        f"默克尔树{where}与重算不符 (表 dangjian_tree 被改过)",
                        f"{where_en} of the stored Merkle tree differs from the recomputation",
                        None if leaf is None else leaf + 1,
                    )
                ]
    return []


def _finding(code: str, zh: str, en: str, seq: int | None = None) -> Finding:
    return Finding("chain", code, zh, en, seq)
