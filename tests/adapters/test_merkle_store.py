"""The Merkle tree is grown in the append transaction, on every backend, and an existing
store builds it from its log when opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from adapters.app import Dangjian, open_app
from adapters.audit.tree import log_head, prove_consistency, prove_inclusion
from adapters.storage.chain import LinkedEvent, event_bytes
from adapters.storage.merkle import (
    EMPTY_ROOT,
    leaf_hash,
    node_hash,
    verify_consistency,
    verify_inclusion,
)
from adapters.storage.store import NewEvent
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.tasks.commands import ClaimTask
from tests.adapters.stores import village_app
from tests.support import LANZHI, issue, later


def _mth(leaves: list[bytes]) -> bytes:
    """RFC 6962 §2.1 MTH, recursively, as the RFC writes it."""
    if not leaves:
        return EMPTY_ROOT
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while 2 * k < len(leaves):
        k *= 2
    return node_hash(_mth(leaves[:k]), _mth(leaves[k:]))


def _leaves(app: Dangjian) -> list[bytes]:
    rows = app.store.iter_log()
    return [
        leaf_hash(event_bytes(LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state)))
        for r in rows
    ]


def test_every_append_grows_the_tree_over_the_logs_canonical_records(app: Dangjian) -> None:
    app.handle(issue("T1", slots=2))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.store.append_batch(
        [("merkle-a", NewEvent(1, "x.A", b'{"a":1}')), ("merkle-b", NewEvent(1, "x.B", b"{}"))]
    )

    leaves = _leaves(app)

    assert app.store.tree_size() == len(leaves) == len(app.store.read_chain(0, 10_000))
    for size in range(len(leaves) + 1):
        assert log_head(app.store, size) == _mth(leaves[:size])


def test_proofs_from_the_store_verify_against_its_heads(app: Dangjian) -> None:
    app.handle(issue("T1", slots=2))
    leaves = _leaves(app)
    size = len(leaves)
    root = log_head(app.store, size)

    for index in range(size):
        proof = prove_inclusion(app.store, index, size)
        verify_inclusion(leaves[index], index, size, proof, root)
    for old in range(size + 1):
        proof = prove_consistency(app.store, old, size)
        verify_consistency(old, size, log_head(app.store, old), root, proof)


def test_a_head_beyond_the_log_is_refused(app: Dangjian) -> None:
    size = app.store.tree_size()

    with pytest.raises(InvalidCommand, match="没有第"):
        log_head(app.store, size + 1)


def test_a_store_from_before_the_tree_builds_it_from_its_log_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    app = village_app(f"sqlite:///{path}")
    app.handle(issue("T1", slots=2))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    expected = log_head(app.store, app.store.tree_size())
    app.close()
    with sqlite3.connect(path) as db:  # what a store written before the tree holds
        db.execute("DROP TABLE dangjian_tree")
        db.execute("DELETE FROM dangjian_meta WHERE key = 'tree'")

    reopened = open_app(f"sqlite:///{path}")
    reopened.handle(issue("T2", slots=1))

    leaves = _leaves(reopened)
    assert reopened.store.tree_size() == len(leaves)
    assert log_head(reopened.store, len(leaves) - 1) == expected
    assert log_head(reopened.store, len(leaves)) == _mth(leaves)
    reopened.close()
