"""The transparency log over HTTP: the latest checkpoint, tiles of the tree's hashes
(C2SP tlog-tiles layout) and proofs, all checking against the signed root."""

from __future__ import annotations

import base64
from pathlib import Path

from adapters.audit.checkpoints import parse
from adapters.audit.cut import cut_checkpoint
from adapters.audit.tree import log_head
from adapters.storage.chain import LinkedEvent, event_bytes
from adapters.storage.merkle import leaf_hash, stored_index, verify_consistency, verify_inclusion
from tests.adapters.audit_support import NOW, signer
from tests.http.conftest import Server


def test_checkpoint_proofs_and_tiles_verify_against_the_signed_root(
    server: Server, tmp_path: Path
) -> None:
    who = signer(tmp_path)
    note = cut_checkpoint(server.app.store, who.name, who.key, "公示", NOW)
    checkpoint, _ = parse(note)
    client = server.phone("nobody").client
    row = server.app.store.read_log(0, 3)[2]
    record = event_bytes(
        LinkedEvent(row.position, row.stream_id, row.version, row.topic, row.state)
    )

    posted = client.get("/log/checkpoint")
    included = client.get(f"/log/proof/inclusion?position={row.position}&size={checkpoint.size}")
    linked = client.get(f"/log/proof/consistency?old=3&new={checkpoint.size}")
    partial = client.get(f"/log/tile/0/000.p/{checkpoint.size}")
    missing = client.get("/log/tile/0/001")

    assert posted.text == note
    proof = [base64.b64decode(h) for h in included.json()["proof"]]
    verify_inclusion(leaf_hash(record), 2, checkpoint.size, proof, checkpoint.head)
    old_root = log_head(server.app.store, 3)
    path = [base64.b64decode(h) for h in linked.json()["proof"]]
    verify_consistency(3, checkpoint.size, old_root, checkpoint.head, path)
    hashes = [partial.content[i : i + 32] for i in range(0, len(partial.content), 32)]
    assert hashes == server.app.store.read_tree(
        [stored_index(0, k) for k in range(checkpoint.size)]
    )
    assert missing.status_code == 404
