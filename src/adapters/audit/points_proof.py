"""积分核验材料 — what a villager's phone needs to check their own points without trusting
the server: for each ledger line behind the total, the event's canonical record and its
inclusion proof under a posted checkpoint; the checkpoint before it and the consistency
proof between the two.

The checkpoint is the smallest stored one (cut on the Merkle tree) that covers every
line; lines recorded after the latest checkpoint are listed as not yet signed. Only this
person's own events are included.
"""

from __future__ import annotations

import base64
from typing import Any

from adapters.audit.tree import log_head, prove_consistency, prove_inclusion
from adapters.storage.chain import LinkedEvent, event_bytes
from adapters.storage.store import CheckpointRecord, EventStore
from dangjian_core.points.queries import Explanation


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def tree_checkpoints(store: EventStore) -> list[CheckpointRecord]:
    """Stored checkpoints whose head is the Merkle root at their size (not those cut on
    the hash chain before the tree), smallest first."""
    size = store.tree_size()
    return [
        c for c in store.read_checkpoints() if c.size <= size and log_head(store, c.size) == c.head
    ]


def points_proof(store: EventStore, explanation: Explanation) -> dict[str, Any]:
    """The proof material of one person's lines for one cycle (JSON-ready)."""
    seqs = {}
    for line in explanation.lines:
        entry = store.chain_at(line.position)
        if entry is not None:
            seqs[line.position] = entry.seq
    kept = tree_checkpoints(store)
    top = max(seqs.values(), default=0)
    covering = [c for c in kept if c.size >= top and c.size > 0]
    chosen = covering[0] if covering else (kept[-1] if kept else None)
    if chosen is None:
        unsigned = [line.position for line in explanation.lines]
        return {
            "checkpoint": None,
            "previous": None,
            "consistency": [],
            "entries": [],
            "unsigned": unsigned,
        }
    earlier = [c for c in kept if c.size < chosen.size]
    previous = earlier[-1] if earlier else None
    proved = sorted(p for p, s in seqs.items() if s <= chosen.size)
    rows = {row.position: row for row in store.read_positions(proved)}
    entries = []
    for position in proved:
        row = rows[position]
        record = event_bytes(
            LinkedEvent(row.position, row.stream_id, row.version, row.topic, row.state)
        )
        index = seqs[position] - 1
        entries.append(
            {
                "index": index,
                "position": position,
                "record": _b64(record),
                "proof": [_b64(h) for h in prove_inclusion(store, index, chosen.size)],
            }
        )
    consistency = (
        [_b64(h) for h in prove_consistency(store, previous.size, chosen.size)] if previous else []
    )
    return {
        "checkpoint": chosen.note,
        "previous": previous.note if previous else None,
        "consistency": consistency,
        "entries": entries,
        "unsigned": [line.position for line in explanation.lines if line.position not in proved],
    }
