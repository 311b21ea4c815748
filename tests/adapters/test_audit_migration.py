"""A store whose checkpoints were cut on the hash chain moves to the Merkle tree: its old
checkpoints still verify, and the first tree checkpoint comes with a signed statement
binding the last chain checkpoint to the tree root over the same records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from adapters.audit.binding import verify_binding
from adapters.audit.checkpoints import Checkpoint, parse, sign
from adapters.audit.cut import cut_checkpoint
from adapters.audit.tree import log_head
from adapters.audit.verify import verify
from adapters.storage.store import CheckpointRecord
from dangjian_core.points.commands import AdjustPoints
from tests.adapters.audit_support import NOW, codes, signer
from tests.adapters.stores import village_app
from tests.support import BRANCH, LANZHI, SECRETARY, later


def test_an_old_chain_checkpoint_is_bound_to_the_tree_and_both_verify(tmp_path: Path) -> None:
    who = signer(tmp_path)
    with village_app(f"sqlite:///{tmp_path / 'old.db'}") as app:
        store = app.store
        chain = store.read_chain(0, 10_000)
        old = Checkpoint(store.ledger, len(chain), chain[-1].hash)  # as cut before the tree
        old_note = sign(old, who.name, who.key)
        store.record_checkpoint(CheckpointRecord(old.size, old.head, old_note, "公示", "x"))
        app.handle(AdjustPoints("M1", BRANCH, LANZHI, 1, "补记", SECRETARY, later(3)))

        new_note = cut_checkpoint(store, who.name, who.key, "公示", NOW)
        statement = store.read_binding()
        clean = verify(store, [who.verifier], [old_note, new_note])
        assert statement is not None
        root_line, chain_line = statement.splitlines()[4], statement.splitlines()[3]
        store.record_binding(statement.replace(root_line, chain_line))
        tampered = verify(store, [who.verifier], [old_note])
        tree_head = log_head(store, parse(new_note)[0].size)

    binding = verify_binding(statement, [who.verifier])
    assert parse(new_note)[0].head == tree_head
    assert (binding.size, binding.chain_head) == (old.size, old.head)
    assert clean.ok, [f.en for f in clean.findings]
    assert clean.anchored == parse(new_note)[0].size
    assert "bad_binding" in codes(tampered)


def test_a_changed_row_of_the_stored_tree_is_named_by_verify(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    with village_app(url) as app:
        size = app.store.tree_size()
    with sqlite3.connect(tmp_path / "t.db") as db:
        db.execute("UPDATE dangjian_tree SET hash = ? WHERE idx = 0", ["00" * 32])
    with village_app(url) as app:
        report = verify(app.store, [], [])

    [finding] = [f for f in report.findings if f.code == "bad_tree"]
    assert finding.seq == 1
    assert size > 1
