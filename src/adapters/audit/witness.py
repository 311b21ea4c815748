"""见证 — a witness (the town committee, 镇党委) cosigns a branch's checkpoint only after
checking that it extends the last checkpoint it cosigned for that log.

Follows C2SP *tlog-witness* and *tlog-cosignature* (``cosignature/v1``): the witness keeps,
per log origin, the log's verifier key and the size and root it last cosigned, in its own
state file (JSON). To cosign a new checkpoint it needs the old size the operator claims it
saw and the consistency proof from there; a checkpoint signed by another key, an old size
other than the one in its state, a smaller size, or a proof that does not hold is refused
— so an operator who rewrites history, stored checkpoints and all, cannot get the new
history cosigned. The cosignature line is::

    — <witness name> base64(key id ‖ 8-byte big-endian time ‖ Ed25519 signature)

over ``cosignature/v1\\ntime <time>\\n`` followed by the checkpoint's body; the key id is
the first 4 bytes of SHA-256(name ‖ "\\n" ‖ 0x04 ‖ public key), and the witness's
verifier key is written ``<name>+<key id hex>+<base64(0x04 ‖ public key)>``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from attrs import frozen
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from adapters.audit.checkpoints import Checkpoint, CheckpointError, VerifierKey, parse, verify
from adapters.storage.merkle import ProofError, verify_consistency

ALGORITHM_COSIGNATURE = b"\x04"
_NAME = re.compile(r"[^\s+]{1,100}")


class WitnessRefused(ValueError):
    """见证拒签 — the witness will not cosign: unknown log, wrong old size, inconsistent."""


@frozen
class WitnessKey:
    """见证公钥 — a witness's named Ed25519 cosignature key."""

    name: str
    public_key: bytes

    @property
    def key_id(self) -> bytes:
        """The 4-byte id of this key's cosignatures."""
        blob = self.name.encode() + b"\n" + ALGORITHM_COSIGNATURE + self.public_key
        return hashlib.sha256(blob).digest()[:4]

    def text(self) -> str:
        """``name+keyid+base64(0x04‖key)``."""
        encoded = base64.b64encode(ALGORITHM_COSIGNATURE + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    @classmethod
    def of(cls, name: str, key: Ed25519PrivateKey) -> WitnessKey:
        """The verifier key of a private key."""
        return cls(name, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    @classmethod
    def parse(cls, text: str) -> WitnessKey:
        """Read a witness key; a wrong id or algorithm raises CheckpointError."""
        parts = text.strip().split("+", 2)
        if len(parts) != 3 or not _NAME.fullmatch(parts[0]):
            raise CheckpointError(f"见证公钥格式不对 / malformed witness key: {text!r}")
        try:
            raw = base64.b64decode(parts[2], validate=True)
        except (binascii.Error, ValueError) as error:
            raise CheckpointError("见证公钥 base64 无效 / bad base64") from error
        if len(raw) != 33 or raw[:1] != ALGORITHM_COSIGNATURE:
            raise CheckpointError("不是 cosignature/v1 公钥 / not a cosignature/v1 key")
        key = cls(parts[0], raw[1:])
        if key.key_id.hex() != parts[1].lower():
            raise CheckpointError("见证公钥编号不符 / witness key id does not match")
        return key


def _message(checkpoint: Checkpoint, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n".encode() + checkpoint.body()


def cosignature_line(note: str, name: str, key: Ed25519PrivateKey, timestamp: int) -> str:
    """The ``— name …`` line of a cosignature of the note's checkpoint at ``timestamp``."""
    checkpoint, _ = parse(note)
    witness = WitnessKey.of(name, key)
    signature = key.sign(_message(checkpoint, timestamp))
    blob = witness.key_id + timestamp.to_bytes(8, "big") + signature
    return f"— {name} {base64.b64encode(blob).decode()}\n"


def cosigned_at(note: str, witness: WitnessKey) -> int | None:
    """When ``witness`` cosigned the note (its timestamp), or None if it did not; a
    cosignature line by its key that does not verify raises CheckpointError."""
    checkpoint, signatures = parse(note)
    for name, key_id, blob in signatures:
        if (name, key_id) != (witness.name, witness.key_id) or len(blob) != 72:
            continue
        timestamp = int.from_bytes(blob[:8], "big")
        try:
            Ed25519PublicKey.from_public_bytes(witness.public_key).verify(
                blob[8:], _message(checkpoint, timestamp)
            )
        except InvalidSignature as error:
            raise CheckpointError(f"见证签名无效 / cosignature by {witness.name} fails") from error
        return timestamp
    return None


def _load(path: Path) -> dict[str, dict[str, str | int]]:
    if not path.exists():
        return {}
    logs = json.loads(path.read_text(encoding="utf-8")).get("logs", {})
    return dict(logs)


def _save(path: Path, logs: dict[str, dict[str, str | int]]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"logs": logs}, ensure_ascii=False, indent=1) + "\n")
    os.replace(temporary, path)


def trust(state: Path, log_key: VerifierKey, origin: str) -> None:
    """Start witnessing the log ``origin`` signed by ``log_key`` (size 0: nothing seen)."""
    logs = _load(state)
    if origin in logs:
        raise WitnessRefused(f"已在见证账本 {origin} / already witnessing {origin}")
    logs[origin] = {"key": log_key.text(), "size": 0, "root": ""}
    _save(state, logs)


def add_checkpoint(
    state: Path,
    name: str,
    key: Ed25519PrivateKey,
    note: str,
    old_size: int,
    proof: Sequence[bytes],
    timestamp: int,
) -> str:
    """Check the note against the witness's state and, if it extends what was seen,
    cosign it, record it as the latest, and return the note with the cosignature."""
    checkpoint, _ = parse(note)
    logs = _load(state)
    seen = logs.get(checkpoint.ledger)
    if seen is None:
        raise WitnessRefused(f"未登记的账本 / unknown log {checkpoint.ledger!r}")
    try:
        verify(note, [VerifierKey.parse(str(seen["key"]))])
    except CheckpointError as error:
        raise WitnessRefused(f"检查点签名不符 / not signed by the log's key: {error}") from error
    size = int(seen["size"])
    root = base64.b64decode(str(seen["root"])) if size else b""
    if old_size != size:
        raise WitnessRefused(
            f"见证上次所见大小为 {size}, 不是 {old_size} / the witness last saw size {size}"
        )
    if checkpoint.size < size:
        raise WitnessRefused(f"检查点 {checkpoint.size} 小于已见的 {size} (回滚) / rollback")
    if size:
        try:
            verify_consistency(size, checkpoint.size, root, checkpoint.head, proof)
        except ProofError as error:
            raise WitnessRefused(
                f"与见证上次所见的检查点不一致 (历史被改写?) / inconsistent: {error}"
            ) from error
    logs[checkpoint.ledger] = seen | {
        "size": checkpoint.size,
        "root": base64.b64encode(checkpoint.head).decode(),
    }
    line = cosignature_line(note, name, key, timestamp)
    _save(state, logs)
    return note + line
