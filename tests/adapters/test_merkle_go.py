"""Go's ``golang.org/x/mod/sumdb/tlog`` and ``note`` — code the project did not write —
agree with the store's Merkle tree, its proofs and its signed checkpoints."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.audit import keys
from adapters.audit.checkpoints import parse
from adapters.audit.cut import cut_checkpoint
from adapters.audit.tree import (
    TILE_HEIGHT,
    TILE_WIDTH,
    log_head,
    parse_tile_index,
    prove_consistency,
    prove_inclusion,
    tile_hashes,
    tile_path,
)
from adapters.audit.witness import cosignature_line
from adapters.storage.chain import LinkedEvent, event_bytes
from adapters.storage.merkle import HashTree
from adapters.storage.urls import open_store
from tests import go_tlog
from tests.adapters.audit_support import NOW, season_with_checkpoint, signer

pytestmark = pytest.mark.skipif(go_tlog.checker() is None, reason=go_tlog.SKIP_REASON)


def _flip(data: bytes) -> bytes:
    return bytes([data[0] ^ 1, *data[1:]])


def test_go_agrees_with_the_roots_proofs_and_checkpoint_of_a_real_store(tmp_path: Path) -> None:
    who = signer(tmp_path)
    url = f"sqlite:///{tmp_path / 'season.db'}"
    note = season_with_checkpoint(url, who, extra=5)
    store = open_store(url)
    try:
        records = [
            event_bytes(LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state))
            for r in store.iter_log()
        ]
        size = len(records)
        checkpoint, _ = parse(note)
        sizes = [1, checkpoint.size, size]
        inclusion = [
            {
                "index": i,
                "size": size,
                "record": records[i],
                "proof": prove_inclusion(store, i, size),
                "root": log_head(store, size),
            }
            for i in range(size)
        ]
        consistency = [
            {
                "old": old,
                "new": size,
                "old_root": log_head(store, old),
                "new_root": log_head(store, size),
                "proof": prove_consistency(store, old, size),
            }
            for old in range(1, size + 1)
        ]
        roots = [log_head(store, n) for n in sizes]
    finally:
        store.close()
    tampered = [
        {**inclusion[3], "record": _flip(inclusion[3]["record"])},
        {**inclusion[4], "proof": [_flip(inclusion[4]["proof"][0]), *inclusion[4]["proof"][1:]]},
    ]
    cosigned = note + cosignature_line(note, "pingshan", Ed25519PrivateKey.generate(), 1)
    forked = [{**consistency[2], "proof": [_flip(p) for p in consistency[2]["proof"]]}]

    answer = go_tlog.run(
        {
            "records": records,
            "sizes": sizes,
            "inclusion": inclusion + tampered,
            "consistency": consistency + forked,
            "notes": [
                {"note": note, "key": who.verifier.text()},
                {"note": cosigned, "key": who.verifier.text()},
            ],
        }
    )

    assert answer["roots"] == roots
    assert checkpoint.head == roots[1]
    assert answer["inclusion"][:size] == ["ok"] * size
    assert "ok" not in answer["inclusion"][size:]
    assert answer["consistency"][:size] == ["ok"] * size
    assert answer["consistency"][size:] != ["ok"]
    assert answer["notes"] == ["ok", "ok"]  # a witness's cosignature leaves the note valid


def test_the_demo_stores_checkpoint_is_a_tlog_checkpoint_go_accepts(tmp_path: Path) -> None:
    """``make demo``'s store: a key named after the origin, a checkpoint whose root is
    Go's TreeHash over the same records, every record's proof accepted by CheckRecord."""
    db = tmp_path / "demo.db"
    example = Path(__file__).parents[2] / "examples" / "paixilv_points_year.py"
    subprocess.run([sys.executable, str(example), str(db)], check=True, capture_output=True)
    store = open_store(f"sqlite:///{db}")
    try:
        verifier = keys.generate(tmp_path / "k.pem", store.ledger)
        name, private = keys.load(tmp_path / "k.pem")
        note = cut_checkpoint(store, name, private, "公示", NOW)
        records = [
            event_bytes(LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state))
            for r in store.iter_log()
        ]
        checkpoint, signatures = parse(note)
        proofs = [
            {
                "index": i,
                "size": checkpoint.size,
                "record": records[i],
                "proof": prove_inclusion(store, i, checkpoint.size),
                "root": checkpoint.head,
            }
            for i in range(checkpoint.size)
        ]
    finally:
        store.close()

    answer = go_tlog.run(
        {
            "records": records,
            "sizes": [checkpoint.size],
            "inclusion": proofs,
            "notes": [{"note": note, "key": verifier.text()}],
        }
    )

    assert signatures[0][0] == checkpoint.ledger  # the key name is the origin line
    assert answer["roots"] == [checkpoint.head]
    assert answer["inclusion"] == ["ok"] * checkpoint.size
    assert answer["notes"] == ["ok"]


class _Synthetic:
    """A tree of synthetic leaves, read like a store."""

    def __init__(self, size: int) -> None:
        self.tree = HashTree()
        for i in range(size):
            self.tree.append(hashlib.sha256(i.to_bytes(8, "big")).digest())

    def tree_size(self) -> int:
        return self.tree.size

    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        return self.tree.read(indexes)


def test_go_reads_the_tree_from_tiles_in_the_tlog_tiles_layout() -> None:
    """Tiles served as ``/log/tile/<L>/<N>[.p/<W>]`` are what Go's TileHashReader needs:
    it checks them against the signed root, and proves from them what we prove."""
    size, leaf = 70_000, 65_432
    reader = _Synthetic(size)
    tiles: dict[str, bytes] = {}
    for level in range(3):
        count = size >> (TILE_HEIGHT * level)
        for n in range(count // TILE_WIDTH):
            data = tile_hashes(reader, level, n, None)
            assert data is not None
            tiles[tile_path(level, n)] = data
        width = count % TILE_WIDTH
        partial = tile_hashes(reader, level, count // TILE_WIDTH, width) if width else None
        if partial is not None:
            tiles[tile_path(level, count // TILE_WIDTH, width)] = partial
    root = log_head(reader, size)

    answer = go_tlog.run(
        {"tiled": {"size": size, "root": root, "tiles": tiles, "leaf": leaf}, "records": []}
    )

    assert answer["tiled_root"] == root
    assert answer["tiled_proof"] == prove_inclusion(reader, leaf, size)
    assert parse_tile_index("x001/x234/067.p/8") == (1234067, 8)
    assert tile_path(0, 1234067, 8) == "tile/0/x001/x234/067.p/8"
