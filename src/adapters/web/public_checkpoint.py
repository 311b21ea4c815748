"""公示页的检查点 — which signed audit checkpoint vouches for what a public page shows.

A page is built from the read models, which hold every event up to some position of the
log. The log's last position is read *after* the page's figures, so the page shows
nothing beyond it; its hash-chain entry's number is how many records the page may rest
on. A checkpoint of that size or larger — the ledger's size and head hash, signed with
the branch's Ed25519 key (:mod:`adapters.audit.checkpoints`) — covers everything shown:
an inspector holding the note can check that no event behind these figures was changed
or dropped later (``dangjian audit verify --checkpoint``). The first such checkpoint is
shown, being the earliest signature over all of it.

Checkpoints are cut when a list is posted (公示) or a cycle is closed, with the key the
operator holds; the server has no key, so records added since the last checkpoint are
said to be not yet signed, never passed off as signed.
"""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from adapters.audit.checkpoints import CheckpointError, parse
from adapters.storage.store import CheckpointRecord, EventStore
from dangjian_core.kernel.time import LOCAL


@frozen
class Coverage:
    """检查点覆盖 — the checkpoint a page shows (None: none was ever cut), how many
    records the page may rest on, and whether the checkpoint covers them all."""

    records: int
    checkpoint: CheckpointRecord | None
    signers: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether the checkpoint covers every record the page may rest on."""
        return self.checkpoint is not None and self.checkpoint.size >= self.records

    @property
    def unsigned(self) -> int:
        """How many records the page may rest on lie after the checkpoint shown."""
        return self.records - (self.checkpoint.size if self.checkpoint is not None else 0)

    @property
    def cut_on(self) -> str:
        """When the checkpoint was cut, as a reader writes it: ``2026年12月3日 09:30``."""
        if self.checkpoint is None:
            return ""
        at = datetime.fromisoformat(self.checkpoint.cut_at).astimezone(LOCAL)
        return f"{at.year}年{at.month}月{at.day}日 {at:%H:%M}"


def coverage(store: EventStore) -> Coverage:
    """The checkpoint for a page whose figures were just read from ``store``."""
    last = store.max_position()
    entry = store.chain_at(last) if last else None
    records = entry.seq if entry is not None else 0
    kept = store.read_checkpoints()
    covering = [c for c in kept if c.size >= records]
    shown = covering[0] if covering else (kept[-1] if kept else None)
    return Coverage(records, shown, _signers(shown))


def _signers(checkpoint: CheckpointRecord | None) -> tuple[str, ...]:
    if checkpoint is None:
        return ()
    try:
        return tuple(name for name, _key_id, _signature in parse(checkpoint.note)[1])
    except CheckpointError:
        return ()
