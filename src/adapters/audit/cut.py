"""切检查点 — sign the chain's current size and head, after making sure it agrees with the past.

:func:`cut_checkpoint` is the one way checkpoints are made: on demand (``dangjian audit
checkpoint``), and — the hook for the notice and cycle-close commands — whenever a list is
publicly posted (公示) or a cycle is closed: call it in the command that posts, with
``reason="公示"`` or ``"周期结束"``, and print the note it returns beside the notice.

Before signing, the stored chain is checked: every earlier checkpoint must lie on it, and
the entries since the last checkpoint must equal a recomputation from the log. So a new
checkpoint never contradicts an earlier one; when it would, nothing is signed and
:class:`CheckpointRefused` names the first entry that disagrees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.audit.checkpoints import Checkpoint, CheckpointError, cosign, parse, sign
from adapters.audit.evidence import of_store
from adapters.storage.chain import ChainEntry, LinkedEvent, extend, genesis
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
    for record in earlier:
        _on_chain(store.ledger, record, chain)
    last = earlier[-1] if earlier else None
    after = chain[last.size - 1].position if last is not None and last.size else 0
    _recheck_since(store.ledger, evidence.rows_after(after), chain, last)
    if last is not None and last.size == len(chain):
        return last.note
    head = chain[-1].hash if chain else genesis(store.ledger)
    checkpoint = Checkpoint(store.ledger, len(chain), head)
    try:
        note = sign(checkpoint, key_name, private_key)
        for name, key in cosigners:
            note = cosign(note, name, key)
    except CheckpointError as error:
        raise InvalidCommand(str(error), str(error)) from error
    store.record_checkpoint(CheckpointRecord(len(chain), head, note, reason, now.isoformat()))
    return note


def _on_chain(ledger: str, record: CheckpointRecord, chain: list[ChainEntry]) -> None:
    """An earlier checkpoint must still lie on the stored chain, as signed."""
    try:
        noted, _ = parse(record.note)
    except CheckpointError as error:
        raise _refused(
            record.size, f"已存检查点无法解析: {error}", f"unreadable: {error}"
        ) from error
    expected = genesis(ledger) if record.size == 0 else None
    if 0 < record.size <= len(chain) and chain[record.size - 1].seq == record.size:
        expected = chain[record.size - 1].hash
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
    previous = genesis(ledger) if last is None else last.head
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


def _refused(seq: int, zh: str, en: str) -> CheckpointRefused:
    """The refusal, pointing at ``audit verify``."""
    return CheckpointRefused(
        f"拒绝签发检查点, 请先运行 dangjian audit verify: 第 {seq} 条: {zh}",
        f"checkpoint refused (run dangjian audit verify): at seq {seq}: {en}",
    )
