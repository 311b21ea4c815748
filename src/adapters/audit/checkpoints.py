"""签名检查点 — (ledger, size, head hash) signed with Ed25519, as a transparency-log note.

The text follows the C2SP *signed note* and *tlog-checkpoint* formats::

    <ledger name>                 the origin line
    <size>
    <base64 head hash>            the log's RFC 6962 Merkle root at <size>

    — <key name> <base64(4-byte key id ‖ 64-byte Ed25519 signature)>

The key id is the first 4 bytes of SHA-256(key name ‖ "\\n" ‖ 0x01 ‖ public key), and the
signature covers the text above the blank line. A verifier key is written
``<key name>+<key id hex>+<base64(0x01 ‖ public key)>`` — what an inspector pins. As
tlog-checkpoint recommends, a key made by ``audit key generate`` without ``--name`` is
named after the origin line (the ledger); a rotated key needs a new name (keys made
before keep theirs). The head of a checkpoint cut before the Merkle tree existed is the
hash chain's head (:mod:`adapters.storage.chain`); verification accepts either.
Lines whose blob is not 68 bytes (a witness's ``cosignature/v1``, :mod:`~adapters.audit.witness`)
are kept for their own verifiers.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from attrs import frozen
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALGORITHM_ED25519 = b"\x01"
_NAME = re.compile(r"[^\s+]{1,100}")
_SIZE = re.compile(r"0|[1-9][0-9]{0,18}")
_SIGNATURE_LINE = re.compile(r"— ([^\s+]{1,100}) ([A-Za-z0-9+/=]+)")


class CheckpointError(ValueError):
    """检查点错误 — a checkpoint or key that cannot be parsed or does not verify."""


@frozen
class Checkpoint:
    """检查点 — the ledger's size and head hash at one moment."""

    ledger: str
    size: int
    head: bytes

    def body(self) -> bytes:
        """The signed text: ledger, size, base64 head, each on its line."""
        return f"{self.ledger}\n{self.size}\n{base64.b64encode(self.head).decode()}\n".encode()


@frozen
class VerifierKey:
    """验证公钥 — a named Ed25519 public key, as an inspector pins it."""

    name: str
    public_key: bytes

    @property
    def key_id(self) -> bytes:
        """The 4-byte id that ties a signature to this key."""
        return _key_id(self.name, self.public_key)

    def text(self) -> str:
        """``name+keyid+base64key`` — the form printed for inspectors."""
        encoded = base64.b64encode(ALGORITHM_ED25519 + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    @classmethod
    def parse(cls, text: str) -> VerifierKey:
        """Read a verifier key; a wrong id or algorithm raises CheckpointError."""
        parts = text.strip().split("+", 2)
        if len(parts) != 3 or not _NAME.fullmatch(parts[0]):
            raise CheckpointError(f"验证公钥格式不对 / malformed verifier key: {text!r}")
        raw = _b64(parts[2])
        if len(raw) != 33 or raw[:1] != ALGORITHM_ED25519:
            raise CheckpointError("验证公钥不是 Ed25519 / verifier key is not Ed25519")
        key = cls(parts[0], raw[1:])
        if key.key_id.hex() != parts[1].lower():
            raise CheckpointError("验证公钥编号不符 / verifier key id does not match the key")
        return key


def _key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte key id of C2SP signed notes."""
    return hashlib.sha256(name.encode() + b"\n" + ALGORITHM_ED25519 + public_key).digest()[:4]


def _b64(text: str) -> bytes:
    """Strict base64."""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise CheckpointError(f"base64 无效 / bad base64: {text!r}") from error


def sign(checkpoint: Checkpoint, name: str, key: Ed25519PrivateKey) -> str:
    """The signed note for a checkpoint."""
    if "\n" in checkpoint.ledger or not checkpoint.ledger:
        raise CheckpointError(f"账本名称不合规 / unusable ledger name: {checkpoint.ledger!r}")
    return checkpoint.body().decode() + "\n" + _signature_line(checkpoint, name, key)


def cosign(note: str, name: str, key: Ed25519PrivateKey) -> str:
    """The note with one more signature line (e.g. the old key vouching during rotation)."""
    checkpoint, _ = parse(note)
    return note + _signature_line(checkpoint, name, key)


def _signature_line(checkpoint: Checkpoint, name: str, key: Ed25519PrivateKey) -> str:
    """One ``— name base64(keyid‖signature)`` line."""
    if not _NAME.fullmatch(name):
        raise CheckpointError(f"密钥名称不合规 / unusable key name: {name!r}")
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    signature = key.sign(checkpoint.body())
    blob = base64.b64encode(_key_id(name, public) + signature).decode()
    return f"— {name} {blob}\n"


def parse(note: str) -> tuple[Checkpoint, list[tuple[str, bytes, bytes]]]:
    """Split a note into its checkpoint and its (key name, key id, signature) lines."""
    body, sep, signatures = note.partition("\n\n")
    lines = body.split("\n")
    if not sep or len(lines) != 3 or not lines[0]:
        raise CheckpointError("检查点格式不对 / malformed checkpoint note")
    if not _SIZE.fullmatch(lines[1]):
        raise CheckpointError("检查点大小格式不对 / checkpoint size is not canonical")
    head = _b64(lines[2])
    if len(head) != 32:
        raise CheckpointError("检查点哈希长度不对 / head hash must be 32 bytes")
    found = []
    for line in signatures.rstrip("\n").split("\n"):
        match = _SIGNATURE_LINE.fullmatch(line)
        blob = _b64(match.group(2)) if match else b""
        # 4-byte key id ‖ signature: 64 bytes for a note signature; other lengths are other
        # kinds (a witness's cosignature/v1 carries a timestamp), kept for their verifiers.
        if not match or len(blob) < 5:
            raise CheckpointError(f"签名行格式不对 / malformed signature line: {line!r}")
        found.append((match.group(1), blob[:4], blob[4:]))
    return Checkpoint(lines[0], int(lines[1]), head), found


def verify(note: str, keys: list[VerifierKey]) -> tuple[Checkpoint, VerifierKey]:
    """The checkpoint, and the pinned key that signed it; otherwise CheckpointError."""
    checkpoint, signatures = parse(note)
    for name, key_id, signature in signatures:
        for key in keys:
            if (key.name, key.key_id) != (name, key_id):
                continue
            try:
                Ed25519PublicKey.from_public_bytes(key.public_key).verify(
                    signature, checkpoint.body()
                )
            except InvalidSignature as error:
                raise CheckpointError(f"签名无效 / signature by {name} does not verify") from error
            return checkpoint, key
    names = ", ".join(name for name, _, _ in signatures)
    raise CheckpointError(
        f"没有已登记公钥的签名 / no signature by a pinned key (signed by {names})"
    )
