"""链树衔接声明 — the signed statement that binds the last checkpoint cut on the hash chain
to the Merkle tree, written once when a store that has such checkpoints cuts its first
checkpoint on the tree::

    dangjian/chain-to-tree/v1
    <ledger>
    <size m of the last chain checkpoint>
    <base64 chain head at m>
    <base64 Merkle root at m>

    — <key name> <base64(key id ‖ Ed25519 signature)>

signed like a checkpoint note (C2SP signed note) by the key that cuts the new checkpoint.
An inspector who kept only the old chain checkpoint can follow it to the tree: the
statement says which tree root the same ``m`` records have, and consistency proofs go on
from there. ``audit verify`` checks both hashes against its own recomputation.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence

from attrs import frozen
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from adapters.audit.checkpoints import CheckpointError, VerifierKey
from adapters.audit.keys import verifier_key
from adapters.audit.report import Finding

HEADER = "dangjian/chain-to-tree/v1"


@frozen
class Binding:
    """链树衔接 — the chain's head and the tree's root over the same first ``size`` records."""

    ledger: str
    size: int
    chain_head: bytes
    tree_root: bytes

    def body(self) -> bytes:
        """The signed text."""
        chain = base64.b64encode(self.chain_head).decode()
        tree = base64.b64encode(self.tree_root).decode()
        return f"{HEADER}\n{self.ledger}\n{self.size}\n{chain}\n{tree}\n".encode()


def sign_binding(binding: Binding, name: str, key: Ed25519PrivateKey) -> str:
    """The signed statement."""
    signer = verifier_key(name, key)
    blob = base64.b64encode(signer.key_id + key.sign(binding.body())).decode()
    return binding.body().decode() + f"\n— {name} {blob}\n"


def _parse(note: str) -> tuple[Binding, list[tuple[str, bytes]]]:
    body, sep, lines = note.partition("\n\n")
    parts = body.split("\n")
    if not sep or len(parts) != 5 or parts[0] != HEADER or not parts[2].isdigit():
        raise CheckpointError("不是链树衔接声明 / not a chain-to-tree statement")
    try:
        chain, tree = base64.b64decode(parts[3], validate=True), base64.b64decode(parts[4])
        signatures = [
            (line.split(" ")[1], base64.b64decode(line.split(" ")[2], validate=True))
            for line in lines.rstrip("\n").split("\n")
        ]
    except (binascii.Error, ValueError, IndexError) as error:
        raise CheckpointError(f"衔接声明格式不对 / malformed statement: {error}") from error
    return Binding(parts[1], int(parts[2]), chain, tree), signatures


def verify_binding(note: str, pins: list[VerifierKey]) -> Binding:
    """The statement, if a pinned key signed it; otherwise CheckpointError."""
    binding, signatures = _parse(note)
    for name, blob in signatures:
        for key in pins:
            if (key.name, key.key_id) != (name, blob[:4]):
                continue
            try:
                Ed25519PublicKey.from_public_bytes(key.public_key).verify(blob[4:], binding.body())
            except InvalidSignature as error:
                raise CheckpointError("衔接声明签名无效 / statement signature fails") from error
            return binding
    raise CheckpointError("衔接声明没有已登记公钥的签名 / statement not signed by a pinned key")


def check_binding(
    note: str | None,
    ledger: str,
    pins: Sequence[VerifierKey],
    chain_at: Callable[[int], bytes | None],
    root_at: Callable[[int], bytes | None],
) -> list[Finding]:
    """A finding unless the stored statement (if any) is signed by a pinned key, names
    this ledger, and both its hashes equal the recomputed chain head and tree root."""
    if note is None:
        return []
    try:
        binding = verify_binding(note, list(pins))
    except CheckpointError as error:
        return [_bad(str(error), str(error))]
    if binding.ledger != ledger:
        return [_bad(f"属于账本 {binding.ledger}", f"is for ledger {binding.ledger!r}")]
    if (chain_at(binding.size), root_at(binding.size)) != (binding.chain_head, binding.tree_root):
        return [
            _bad(
                f"大小 {binding.size} 处的链头或树头与重算不符",
                f"the chain head or tree root at size {binding.size} differs from the log",
            )
        ]
    return []


def _bad(zh: str, en: str) -> Finding:
    return Finding(
        "checkpoints", "bad_binding", f"链树衔接声明: {zh}", f"chain-to-tree statement: {en}"
    )
