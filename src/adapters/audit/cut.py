"""切检查点 — sign the log's current size and Merkle root, after making sure it agrees with the past.

:func:`cut_checkpoint` is the one way checkpoints are made: on demand (``dangjian audit
checkpoint``), and — the hook for the notice and cycle-close commands — whenever a list is
publicly posted (公示) or a cycle is closed: call it in the command that posts, with
``reason="公示"`` or ``"周期结束"``, and print the note it returns beside the notice.

The head a checkpoint signs is the log's RFC 6962 Merkle root (:func:`adapters.audit.tree.log_head`);
checkpoints cut before the tree existed signed the hash chain's head, and still verify.
Before signing, the stored chain and tree are checked: every earlier checkpoint must lie on
them (its head is the chain's hash or the tree's root at its size), the entries since the
last checkpoint must equal a recomputation from the log, and so must the tree's leaves
since then. So a new checkpoint never contradicts an earlier one; when it would, nothing
is signed and :class:`CheckpointRefused` names the first entry that disagrees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.audit.binding import Binding, sign_binding
from adapters.audit.checkpoints import Checkpoint, CheckpointError, cosign, parse, sign
from adapters.audit.evidence import of_store
from adapters.audit.tree import log_head
from adapters.storage.chain import ChainEntry, LinkedEvent, event_bytes, extend, genesis
from adapters.storage.merkle import leaf_hash, stored_index
from adapters.storage.store import CheckpointRecord, EventStore, StoredRow
from dangjian_core.kernel.errors import DangjianError, InvalidCommand

REASONS = {"公示": "public notice", "周期结束": "cycle close", "按需": "on demand"}
"""Why a checkpoint is cut: 公示 (a list is posted), 周期结束 (cycle close), 按需 (asked for)."""


class CheckpointRefused(DangjianError):
    """拒绝签发检查点 — the stored chain disagrees with the log or an earlier checkpoint."""

    code = "checkpoint_refused"


def cut_checkpoint(
    store: EventStore,
    key_name: str,
    private_key: Ed25519PrivateKey,
    reason: str,
    now: datetime,
    *,
    cosigners: Sequence[tuple[str, Ed25519PrivateKey]] = (),
) -> str:
    """Check, sign (and co-sign), record and return the note for the chain's current head.

    When nothing was appended since the last checkpoint, its note is returned as it is.
    """
    if reason not in REASONS:
        raise InvalidCommand(
            f"检查点原因须为 {'、'.join(REASONS)}: {reason!r}",
            f"a checkpoint reason is one of {', '.join(REASONS.values())}: {reason!r}",
        )
    evidence = of_store(store)
    chain, earlier = list(evidence.chain), evidence.checkpoints
    if store.tree_size() != len(chain):
        raise _refused(
            min(store.tree_size(), len(chain)) + 1,
            f"默克尔树 {store.tree_size()} 条, 哈希链 {len(chain)} 条",
            f"the Merkle tree holds {store.tree_size()} entries, the chain {len(chain)}",
        )
    for record in earlier:
        _on_chain(store.ledger, record, chain, log_head(store, min(record.size, len(chain))))
    last = earlier[-1] if earlier else None
    after = chain[last.size - 1].position if last is not None and last.size else 0
    rows = list(evidence.rows_after(after))
    _recheck_since(store.ledger, iter(rows), chain, last)
    _recheck_leaves(store, rows, 0 if last is None else last.size)
    if last is not None and last.size == len(chain):
        return last.note
    _bind_chain_to_tree(store, earlier, key_name, private_key)
    head = log_head(store, len(chain))
    checkpoint = Checkpoint(store.ledger, len(chain), head)
    try:
        note = sign(checkpoint, key_name, private_key)
        for name, key in cosigners:
            note = cosign(note, name, key)
    except CheckpointError as error:
        raise InvalidCommand(str(error), str(error)) from error
    store.record_checkpoint(CheckpointRecord(len(chain), head, note, reason, now.isoformat()))
    return note


def _on_chain(ledger: str, record: CheckpointRecord, chain: list[ChainEntry], root: bytes) -> None:
    """An earlier checkpoint must still lie on the stored chain (a checkpoint from before
    the tree) or tree (``root``: the stored tree's root at its size), as signed."""
    try:
        noted, _ = parse(record.note)
    except CheckpointError as error:
        raise _refused(
            record.size, f"已存检查点无法解析: {error}", f"unreadable: {error}"
        ) from error
    expected = genesis(ledger) if record.size == 0 else None
    if 0 < record.size <= len(chain) and chain[record.size - 1].seq == record.size:
        expected = chain[record.size - 1].hash
    if record.size <= len(chain) and root == record.head:
        expected = root
    if noted != Checkpoint(ledger, record.size, record.head) or expected != record.head:
        raise _refused(
            record.size,
            "现存链与该检查点不符 (链被截断或改写)",
            "the stored chain no longer holds this checkpoint's head (truncated or rewritten)",
        )


def _recheck_since(
    ledger: str, log: Iterator[StoredRow], chain: list[ChainEntry], last: CheckpointRecord | None
) -> None:
    """The entries after the last checkpoint must be exactly the recomputed links of the
    log's events after it — no more, no fewer."""
    start = 0 if last is None else last.size
    previous = genesis(ledger) if start == 0 else chain[start - 1].hash
    stored = chain[start:]
    after = chain[start - 1].position if start else 0
    rows = [
        LinkedEvent(row.position, row.stream_id, row.version, row.topic, row.state)
        for row in log
        if row.position > after
    ]
    for expected, entry in zip(extend(start, previous, rows), stored, strict=False):
        if expected != entry:
            raise _refused(
                entry.seq,
                f"链条目 {entry.seq} (事件 {entry.position}) 与事件日志的重算不符",
                f"chain entry {entry.seq} (event {entry.position}) differs from the log's "
                f"recomputation (expected event {expected.position})",
            )
    if len(rows) != len(stored):
        raise _refused(
            start + min(len(rows), len(stored)) + 1,
            f"链条目 {len(stored)} 条, 而事件日志有 {len(rows)} 条",
            f"{len(stored)} chain entries since the last checkpoint but {len(rows)} events",
        )


def _bind_chain_to_tree(
    store: EventStore, earlier: Sequence[CheckpointRecord], name: str, key: Ed25519PrivateKey
) -> None:
    """Before the first checkpoint on the tree, sign the statement that binds the last
    checkpoint cut on the chain to the tree root over the same records (once)."""
    legacy = [r for r in earlier if r.head != log_head(store, r.size)]
    if not legacy or store.read_binding() is not None:
        return
    last = legacy[-1]
    binding = Binding(store.ledger, last.size, last.head, log_head(store, last.size))
    store.record_binding(sign_binding(binding, name, key))


def _recheck_leaves(store: EventStore, rows: list[StoredRow], start: int) -> None:
    """The tree's leaves after the last checkpoint must be the hashes of the log's records."""
    events = [LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state) for r in rows]
    stored = store.read_tree([stored_index(0, start + i) for i in range(len(events))])
    for i, (event, leaf) in enumerate(zip(events, stored, strict=True)):
        if leaf_hash(event_bytes(event)) != leaf:
            raise _refused(
                start + i + 1,
                f"默克尔树叶 {start + i + 1} (事件 {event.position}) 与事件日志不符",
                f"tree leaf {start + i + 1} (event {event.position}) differs from the log",
            )


def _refused(seq: int, zh: str, en: str) -> CheckpointRefused:
    """The refusal, pointing at ``audit verify``."""
    return CheckpointRefused(
        f"拒绝签发检查点, 请先运行 dangjian audit verify: 第 {seq} 条: {zh}",
        f"checkpoint refused (run dangjian audit verify): at seq {seq}: {en}",
    )
