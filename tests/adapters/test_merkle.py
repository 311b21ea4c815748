"""RFC 6962 Merkle tree: roots, inclusion and consistency proofs — test vectors and
properties (every proof verifies; a single flipped bit anywhere fails)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.storage.merkle import (
    EMPTY_ROOT,
    HashTree,
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    stored_count,
    verify_consistency,
    verify_inclusion,
)

#: The leaves and roots of the RFC 6962 reference tests (certificate-transparency's
#: merkle_tree_test.cc and Go's ``merkle`` package use the same vectors).
RFC_LEAVES = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]
RFC_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def _tree(records: list[bytes]) -> HashTree:
    tree = HashTree()
    for record in records:
        tree.append(leaf_hash(record))
    return tree


def _flip(data: bytes, bit: int) -> bytes:
    """``data`` with one bit flipped."""
    index = bit % (8 * len(data))
    flipped = bytearray(data)
    flipped[index // 8] ^= 1 << (index % 8)
    return bytes(flipped)


def test_the_rfc_6962_vectors_give_the_published_roots() -> None:
    tree = _tree([bytes.fromhex(leaf) for leaf in RFC_LEAVES])

    assert [tree.root(n).hex() for n in range(1, 9)] == RFC_ROOTS
    assert tree.root(0) == EMPTY_ROOT
    assert len(tree.hashes) == stored_count(8)


def test_a_known_inclusion_proof_of_the_rfc_vectors() -> None:
    tree = _tree([bytes.fromhex(leaf) for leaf in RFC_LEAVES])

    proof = inclusion_proof(5, 8, tree.read)

    # certificate-transparency's vector: leaf 6 (1-based) of 8.
    assert [p.hex()[:8] for p in proof] == ["bc1a0643", "ca854ea1", "d37ee418"]


records = st.lists(st.binary(max_size=12), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(records, st.data())
def test_every_inclusion_proof_verifies_and_no_bit_can_change(
    leaves: list[bytes], data: st.DataObject
) -> None:
    tree = _tree(leaves)
    size = data.draw(st.integers(1, len(leaves)))
    index = data.draw(st.integers(0, size - 1))
    proof = inclusion_proof(index, size, tree.read)
    root = tree.root(size)

    verify_inclusion(leaf_hash(leaves[index]), index, size, proof, root)

    bit = data.draw(st.integers(0, 10_000))
    record = leaves[index] or b"\x00"
    changed = _flip(record, bit) if leaves[index] else b"\x01"
    with pytest.raises(ProofError):
        verify_inclusion(leaf_hash(changed), index, size, proof, root)
    if proof:
        at = data.draw(st.integers(0, len(proof) - 1))
        bad = [*proof[:at], _flip(proof[at], bit), *proof[at + 1 :]]
        with pytest.raises(ProofError):
            verify_inclusion(leaf_hash(record if leaves[index] else b""), index, size, bad, root)
    with pytest.raises(ProofError):
        verify_inclusion(leaf_hash(leaves[index]), index, size, proof, _flip(root, bit))


@settings(max_examples=60, deadline=None)
@given(records, st.data())
def test_every_two_sizes_are_consistent_and_no_bit_can_change(
    leaves: list[bytes], data: st.DataObject
) -> None:
    tree = _tree(leaves)
    new = data.draw(st.integers(0, len(leaves)))
    old = data.draw(st.integers(0, new))
    proof = consistency_proof(old, new, tree.read)

    verify_consistency(old, new, tree.root(old), tree.root(new), proof)

    bit = data.draw(st.integers(0, 10_000))
    if proof:
        at = data.draw(st.integers(0, len(proof) - 1))
        bad = [*proof[:at], _flip(proof[at], bit), *proof[at + 1 :]]
        with pytest.raises(ProofError):
            verify_consistency(old, new, tree.root(old), tree.root(new), bad)
    if 0 < old < new:
        with pytest.raises(ProofError):
            verify_consistency(old, new, _flip(tree.root(old), bit), tree.root(new), proof)
        with pytest.raises(ProofError):
            verify_consistency(old, new, tree.root(old), _flip(tree.root(new), bit), proof)


@settings(max_examples=40, deadline=None)
@given(records, st.data())
def test_a_changed_event_changes_every_later_root(leaves: list[bytes], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(leaves) - 1))
    changed = list(leaves)
    changed[index] = _flip(leaves[index], data.draw(st.integers(0, 99))) if leaves[index] else b"x"
    before, after = _tree(leaves), _tree(changed)

    for size in range(index + 1, len(leaves) + 1):
        assert before.root(size) != after.root(size)
    for size in range(index + 1):
        assert before.root(size) == after.root(size)


def test_a_proof_for_a_leaf_outside_the_tree_is_refused() -> None:
    tree = _tree([b"a", b"b"])

    with pytest.raises(ProofError):
        inclusion_proof(2, 2, tree.read)
    with pytest.raises(ProofError):
        verify_inclusion(leaf_hash(b"a"), 2, 2, [], tree.root())
    with pytest.raises(ProofError):
        verify_consistency(1, 2, tree.root(1), tree.root(2), [])
