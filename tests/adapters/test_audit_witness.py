"""The witness cosigns a checkpoint only when it extends the last one it cosigned."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.audit.checkpoints import Checkpoint, CheckpointError, sign
from adapters.audit.checkpoints import verify as verify_note
from adapters.audit.keys import verifier_key
from adapters.audit.witness import (
    WitnessKey,
    WitnessRefused,
    add_checkpoint,
    cosigned_at,
    trust,
)
from adapters.audit.witnessed import check_witnessed
from adapters.storage.merkle import HashTree, consistency_proof, leaf_hash

LOG = Ed25519PrivateKey.generate()
TOWN = Ed25519PrivateKey.generate()
ORIGIN = "dangjian:paixilv"


def _tree(records: list[bytes]) -> HashTree:
    tree = HashTree()
    for record in records:
        tree.append(leaf_hash(record))
    return tree


def _note(tree: HashTree, size: int, key: Ed25519PrivateKey = LOG) -> str:
    return sign(Checkpoint(ORIGIN, size, tree.root(size)), "paixilv-2021", key)


@pytest.fixture
def state(tmp_path: Path) -> Path:
    path = tmp_path / "town.json"
    trust(path, verifier_key("paixilv-2021", LOG), ORIGIN)
    return path


HONEST = _tree([f"event {i}".encode() for i in range(9)])
REWRITTEN = _tree([f"event {i}".encode() if i != 2 else b"changed" for i in range(9)])


def test_a_checkpoint_that_extends_the_last_is_cosigned_and_still_verifies(state: Path) -> None:
    first = add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 4), 0, [], 1_700_000_000)
    proof = consistency_proof(4, 9, HONEST.read)

    second = add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 9), 4, proof, 1_700_000_100)

    town = WitnessKey.of("pingshan", TOWN)
    assert cosigned_at(first, town) == 1_700_000_000
    assert cosigned_at(second, town) == 1_700_000_100
    verify_note(second, [verifier_key("paixilv-2021", LOG)])  # the branch's signature stands
    assert WitnessKey.parse(town.text()) == town
    assert check_witnessed([second], [town]).sizes == (("pingshan", 9),)


def test_a_rewritten_history_is_refused_even_with_a_proof_from_its_own_tree(state: Path) -> None:
    add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 4), 0, [], 1)
    forged = consistency_proof(4, 9, REWRITTEN.read)

    with pytest.raises(WitnessRefused, match="不一致"):
        add_checkpoint(state, "pingshan", TOWN, _note(REWRITTEN, 9), 4, forged, 2)


def test_a_rollback_a_stale_old_size_and_a_foreign_key_are_refused(state: Path) -> None:
    add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 6), 0, [], 1)

    with pytest.raises(WitnessRefused, match="回滚"):
        add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 4), 6, [], 2)
    with pytest.raises(WitnessRefused, match="上次所见大小为 6"):
        add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 9), 0, [], 2)
    with pytest.raises(WitnessRefused, match="签名不符"):
        add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 9, TOWN), 6, [], 2)


def test_a_forged_cosignature_and_a_missing_one_are_findings(state: Path) -> None:
    cosigned = add_checkpoint(state, "pingshan", TOWN, _note(HONEST, 4), 0, [], 1)
    other = WitnessKey.of("pingshan", Ed25519PrivateKey.generate())
    body, _, lines = cosigned.partition("\n\n")
    tampered = body.replace("\n4\n", "\n5\n") + "\n\n" + lines

    assert {f.code for f in check_witnessed([_note(HONEST, 4)], [other]).findings} == {
        "not_witnessed"
    }
    with pytest.raises(CheckpointError):
        cosigned_at(tampered, WitnessKey.of("pingshan", TOWN))
