"""见证联署 — the town committee cosigns the branch's checkpoints only while they extend
each other; a history rewritten with its stored checkpoints re-signed is then caught."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from adapters.storage.chain import LinkedEvent, extend, genesis
from tests.e2e.test_cli_inspector import Inspected, inspected
from tests.e2e.test_cli_story import AT, village
from tests.envelope import data_of
from tests.support import XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["inspected", "village"]


class Town:
    """The witness: its key file, verifier key and state file."""

    def __init__(self, inspected: Inspected, tmp_path: Path) -> None:
        self.village = inspected.village
        self.key = tmp_path / "town.pem"
        self.state = tmp_path / "town-state.json"
        made = json.loads(self.village.ok(f"--json audit witness key {self.key} --name pingshan"))
        self.text = made["witness_key"]
        origin = inspected.held.read_text(encoding="utf-8").splitlines()[0]
        self.village.ok(
            f"audit witness trust --state {self.state} --log-key {inspected.pin} --origin {origin}"
        )

    def cosign(self, submitted: Path, out: Path) -> object:
        result = self.village(
            f"audit witness cosign {submitted} --state {self.state} --key {self.key}"
        )
        out.write_text(result.stdout, encoding="utf-8")
        return result


def _rewrite(store: Path) -> None:
    """What an operator with database access can do: change an event, recompute the chain
    (the tree is rebuilt on opening) and drop the stored checkpoints."""
    with sqlite3.connect(store) as db:
        db.execute(
            "UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), '已完成', "
            "'未完成') AS BLOB) WHERE CAST(state AS TEXT) LIKE '%已完成%'"
        )
        rows = db.execute(
            "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
            "ORDER BY rowid"
        ).fetchall()
        ledger = db.execute("SELECT value FROM dangjian_meta WHERE key = 'ledger'").fetchone()[0]
        events = [LinkedEvent(p, s, v, t, bytes(b)) for p, s, v, t, b in rows]
        db.execute("DELETE FROM dangjian_chain")
        db.executemany(
            "INSERT INTO dangjian_chain VALUES (?, ?, ?)",
            [(e.seq, e.position, e.hash.hex()) for e in extend(0, genesis(ledger), events)],
        )
        db.execute("DELETE FROM dangjian_tree")
        db.execute("DELETE FROM dangjian_meta WHERE key = 'tree'")
        db.execute("DELETE FROM dangjian_checkpoints")


def test_a_rewritten_history_is_caught_by_the_witness_though_checkpoints_were_re_signed(
    inspected: Inspected, tmp_path: Path
) -> None:
    village, town = inspected.village, Town(inspected, tmp_path)
    first = tmp_path / "cosigned-1.txt"
    assert town.cosign(inspected.held, first).exit_code == 0
    village.ok(f"audit cosigned {first}")
    village.issue("T9")
    village.ok(f"task claim T9 --as {XINGCAN} --at {AT}")
    second = tmp_path / "checkpoint-2.txt"
    second.write_text(village.ok(f"audit checkpoint --key {inspected.key}"), encoding="utf-8")
    proof = tmp_path / "consistency.json"
    proof.write_text(village.ok(f"audit consistency {first} {second}"), encoding="utf-8")
    assert town.cosign(proof, tmp_path / "cosigned-2.txt").exit_code == 0
    village.ok(f"audit cosigned {tmp_path / 'cosigned-2.txt'}")

    honest = village(f"audit verify --pin {inspected.pin} --witness {town.text}")
    _rewrite(village.store)
    village.ok(f"audit checkpoint --key {inspected.key}")  # re-signed with the branch's key
    pinned_only = village(f"audit verify --pin {inspected.pin}")
    witnessed = village(f"--json audit verify --pin {inspected.pin} --witness {town.text}")
    third = tmp_path / "checkpoint-3.txt"
    third.write_text(village.ok(f"audit checkpoint --key {inspected.key}"), encoding="utf-8")
    refused = town.cosign(third, tmp_path / "cosigned-3.txt")

    assert honest.exit_code == 0, honest.stdout
    assert "联署至大小" in honest.stdout
    assert pinned_only.exit_code == 0  # the branch's own key cannot tell
    assert witnessed.exit_code == 7
    assert "not_witnessed" in {f["code"] for f in data_of(witnessed.stdout)["findings"]}
    assert refused.exit_code == 7
    assert "见证拒签" in refused.stdout
