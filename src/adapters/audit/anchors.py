"""检查点核对 — hold every checkpoint, stored or held by the inspector, against the recomputed chain.

A checkpoint must be signed by a pinned key, name this ledger, and agree with the events:
a size beyond the log means events were removed since it was signed (truncation or
rollback); a different head at its size means the history it signed was rewritten (a
fork). The head is the log's Merkle root at that size, recomputed from the events; a
checkpoint cut before the tree existed signed the hash chain's head instead, and agrees
when that matches the recomputed chain. A fork is narrowed down with the other checkpoints: the change lies after the
largest checkpoint below it that still agrees.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence

from attrs import frozen

from adapters.audit.checkpoints import Checkpoint, CheckpointError, VerifierKey, parse, verify
from adapters.audit.report import Finding
from adapters.storage.chain import genesis
from adapters.storage.store import CheckpointRecord


@frozen
class Anchor:
    """锚点 — one checkpoint to check: its note, where it came from (``checkpoints`` for the
    store's own, ``held`` for the inspector's) and, for stored ones, the stored record."""

    check: str
    note: str
    record: CheckpointRecord | None = None


@frozen
class AnchorResult:
    """检查点核对结果 — problems, and the largest held checkpoint that agrees (0 if none)."""

    findings: tuple[Finding, ...]
    anchored: int


def check_anchors(
    ledger: str,
    recomputed: Sequence[bytes],
    positions: Sequence[int],
    anchors: Sequence[Anchor],
    pins: Sequence[VerifierKey],
    root_at: Callable[[int], bytes] | None = None,
) -> AnchorResult:
    """Check each anchor; ``positions[i]`` is the event position of entry ``i + 1``;
    ``root_at(n)`` is the recomputed Merkle root at size ``n``."""
    heads = [genesis(ledger), *recomputed]

    def agrees(checkpoint: Checkpoint) -> bool:
        size = checkpoint.size
        if size >= len(heads):
            return False
        return heads[size] == checkpoint.head or (
            root_at is not None and root_at(size) == checkpoint.head
        )

    signed: list[tuple[Anchor, Checkpoint]] = []
    findings: list[Finding] = []
    for anchor in anchors:
        checkpoint, problem = _signed(ledger, anchor, pins)
        if problem is not None:
            findings.append(problem)
        elif checkpoint is not None:
            signed.append((anchor, checkpoint))
    agree = sorted(c.size for _, c in signed if agrees(c))
    for anchor, checkpoint in signed:
        size = checkpoint.size
        if size >= len(heads):
            findings.append(_truncated(anchor, checkpoint, len(heads) - 1, positions))
        elif not agrees(checkpoint):
            below = max((s for s in agree if s < size), default=0)
            findings.append(_fork(anchor, checkpoint, len(heads) - 1, below, positions))
    held = [c.size for a, c in signed if a.check == "held" and c.size in agree]
    return AnchorResult(tuple(findings), max(held, default=0))


def _signed(
    ledger: str, anchor: Anchor, pins: Sequence[VerifierKey]
) -> tuple[Checkpoint | None, Finding | None]:
    """The checkpoint when its note parses, is signed by a pinned key, names this ledger
    and matches its stored record; else the problem."""

    def problem(code: str, zh: str, en: str, size: int | None = None) -> Finding:
        """A finding about this anchor."""
        return Finding(
            anchor.check,
            code,
            f"检查点{f' (大小 {size})' if size is not None else ''}: {zh}",
            f"checkpoint{f' of size {size}' if size is not None else ''}: {en}",
            size or None,
        )

    try:
        checkpoint, signatures = parse(anchor.note)
    except CheckpointError as error:
        return None, problem("malformed", "无法解析", str(error))
    size = checkpoint.size
    pinned = {(k.name, k.key_id) for k in pins}
    if not any((name, key_id) in pinned for name, key_id, _ in signatures):
        names = ", ".join(name for name, _, _ in signatures)
        return None, problem(
            "unknown_key", f"签名公钥未登记 ({names})", f"signed by no pinned key ({names})", size
        )
    try:
        verify(anchor.note, list(pins))
    except CheckpointError:
        return None, problem(
            "bad_signature", "签名无效 (内容被改过?)", "signature does not verify (altered?)", size
        )
    if checkpoint.ledger != ledger:
        return None, problem(
            "wrong_ledger",
            f"属于账本 {checkpoint.ledger}, 不是 {ledger}",
            f"is for ledger {checkpoint.ledger!r}, not {ledger!r}",
            size,
        )
    record = anchor.record
    if record is not None and (record.size, record.head) != (checkpoint.size, checkpoint.head):
        return None, problem(
            "record_mismatch",
            "存储的大小或哈希与签名内容不符",
            "stored size or head differs from the signed note",
            size,
        )
    return checkpoint, None


def _truncated(
    anchor: Anchor, checkpoint: Checkpoint, size: int, positions: Sequence[int]
) -> Finding:
    """A checkpoint larger than the log: events it covered are gone."""
    last = positions[-1] if positions else None
    return Finding(
        anchor.check,
        "rollback",
        f"检查点大小 {checkpoint.size}, 日志只有 {size} 条: 事件被删除或回滚 (截断)",
        f"checkpoint of size {checkpoint.size} but the log holds {size}: truncation or rollback",
        size + 1,
        last,
    )


def _fork(
    anchor: Anchor, checkpoint: Checkpoint, size: int, below: int, positions: Sequence[int]
) -> Finding:
    """A checkpoint whose head differs from the recomputed one at its size, with the span
    the change lies in."""
    head = base64.b64encode(checkpoint.head).decode()
    same = "同样大小、不同哈希" if checkpoint.size == size else "其链头不在本链上"
    same_en = (
        "same size, other hash" if checkpoint.size == size else "its head is not on this chain"
    )
    span = f"{below + 1}–{checkpoint.size}"
    first = positions[below] if below < checkpoint.size else None
    events = f"{first}–{positions[checkpoint.size - 1]}" if first is not None else "—"
    return Finding(
        anchor.check,
        "fork",
        f"分叉: 检查点 (大小 {checkpoint.size}, {head}) {same}; 改动在链条目 {span} 之间 (事件 {events})",
        f"fork: checkpoint of size {checkpoint.size} ({same_en}); the history changed within "
        f"entries {span} (events {events})",
        below + 1 if first is not None else None,
        first,
    )
