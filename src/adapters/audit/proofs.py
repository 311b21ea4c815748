"""证明文件 — inclusion and consistency proofs as small JSON files anyone can check offline.

An inclusion proof file holds a signed checkpoint note and, for each event it proves, the
event's tree index, its position, its canonical record (base64) and its RFC 6962 audit
path; a consistency proof file holds two signed notes and the path between them. Checking
one needs only the file and the pinned verifier key: the note's signature, then each
path up to the note's root (:mod:`adapters.storage.merkle`). Hashes are base64, as in the
checkpoint note itself.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from adapters.audit.checkpoints import Checkpoint, CheckpointError, VerifierKey, parse, verify
from adapters.audit.tree import TreeReader, log_head, prove_consistency, prove_inclusion
from adapters.storage.merkle import ProofError, leaf_hash, verify_consistency, verify_inclusion

INCLUSION = "dangjian/inclusion-proof/v1"
CONSISTENCY = "dangjian/consistency-proof/v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: Any) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError) as error:
        raise ProofError(f"base64 无效 / bad base64: {text!r}") from error


def _signed_root(reader: TreeReader, note: str) -> Checkpoint:
    """The note's checkpoint, refused unless its head is the stored tree's root at its size."""
    checkpoint, _ = parse(note)
    if checkpoint.size > reader.tree_size() or log_head(reader, checkpoint.size) != checkpoint.head:
        raise ProofError(
            f"检查点 (大小 {checkpoint.size}) 的树头不是本账本默克尔树的树头 / "
            "the checkpoint's head is not this log's Merkle root at its size"
        )
    return checkpoint


def inclusion_file(
    reader: TreeReader, note: str, entries: Sequence[tuple[int, int, bytes]]
) -> dict[str, Any]:
    """The inclusion proof of ``entries`` — (tree index, position, record) — under ``note``."""
    checkpoint = _signed_root(reader, note)
    return {
        "format": INCLUSION,
        "checkpoint": note,
        "entries": [
            {
                "index": index,
                "position": position,
                "record": _b64(record),
                "proof": [_b64(h) for h in prove_inclusion(reader, index, checkpoint.size)],
            }
            for index, position, record in entries
        ],
    }


def consistency_file(reader: TreeReader, old_note: str, new_note: str) -> dict[str, Any]:
    """The consistency proof from the checkpoint ``old_note`` to ``new_note``."""
    old, new = _signed_root(reader, old_note), _signed_root(reader, new_note)
    return {
        "format": CONSISTENCY,
        "old": old_note,
        "new": new_note,
        "proof": [_b64(h) for h in prove_consistency(reader, old.size, new.size)],
    }


def _verified(note: Any, pins: Sequence[VerifierKey]) -> Checkpoint:
    try:
        checkpoint, _key = verify(str(note), list(pins))
    except CheckpointError as error:
        raise ProofError(str(error)) from error
    return checkpoint


def check_file(document: dict[str, Any], pins: Sequence[VerifierKey]) -> list[str]:
    """Check a proof file; the lines saying what it proves. Raises ProofError (a bad
    signature, a wrong ledger, a path that does not lead to the signed root)."""
    try:
        if document.get("format") == INCLUSION:
            return _check_inclusion(document, pins)
        if document.get("format") == CONSISTENCY:
            return _check_consistency(document, pins)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ProofError):
            raise
        raise ProofError(f"证明文件格式不对 / malformed proof file: {error}") from error
    raise ProofError(f"不是证明文件 / not a proof file: {document.get('format')!r}")


def _check_inclusion(document: dict[str, Any], pins: Sequence[VerifierKey]) -> list[str]:
    checkpoint = _verified(document["checkpoint"], pins)
    lines = [f"检查点: {checkpoint.ledger} 大小 {checkpoint.size} (签名有效)"]
    for entry in document["entries"]:
        record = _unb64(entry["record"])
        index = int(entry["index"])
        path = [_unb64(h) for h in entry["proof"]]
        verify_inclusion(leaf_hash(record), index, checkpoint.size, path, checkpoint.head)
        lines.append(f"第 {index + 1} 条 (事件 {entry['position']}) 在检查点之内 / included")
    return lines


def _check_consistency(document: dict[str, Any], pins: Sequence[VerifierKey]) -> list[str]:
    old, new = _verified(document["old"], pins), _verified(document["new"], pins)
    if old.ledger != new.ledger:
        raise ProofError(f"两个检查点属于不同账本: {old.ledger} / {new.ledger}")
    path = [_unb64(h) for h in document["proof"]]
    verify_consistency(old.size, new.size, old.head, new.head, path)
    return [f"检查点 {old.size} → {new.size}: 新检查点延续旧检查点, 历史未被改写 / consistent"]


def dumps(document: dict[str, Any]) -> str:
    """A proof file's text."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
