"""默克尔树 — the event log as an RFC 6962 / RFC 9162 Merkle tree.

    leaf hash     = SHA-256(0x00 ‖ record)           record: the event's canonical bytes
    node hash     = SHA-256(0x01 ‖ left ‖ right)
    root of {}    = SHA-256("")

The tree's hashes are kept as Go's ``golang.org/x/mod/sumdb/tlog`` keeps them ("stored
hashes"): the hash of the complete subtree of ``2**level`` leaves starting at leaf
``n * 2**level`` has index :func:`stored_index`. Appending a leaf writes its leaf hash and
the hashes of the subtrees it completes — at most ``log2 n + 1`` rows — computed from the
*frontier*, the roots of the complete subtrees that make up the tree (one per set bit of
its size). Proofs read ``O(log n)`` stored hashes through a :data:`HashReader`.

Inclusion and consistency proofs are generated as tlog (and RFC 6962 §2.1.1–2) generates
them; they are checked with the verification algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2,
written independently of the generating code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()

#: Reads stored hashes by index, in the order asked (the store's tree table or a list).
HashReader = Callable[[Sequence[int]], list[bytes]]


class ProofError(ValueError):
    """证明无效 — a proof that is malformed or does not lead to the expected root."""


def leaf_hash(record: bytes) -> bytes:
    """The hash of one record (RFC 6962 ``MTH({d})``)."""
    return hashlib.sha256(LEAF_PREFIX + record).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """The hash of an interior node."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def stored_index(level: int, n: int) -> int:
    """Where the hash of the ``n``-th complete subtree of height ``level`` is stored
    (tlog's ``StoredHashIndex``)."""
    for _ in range(level):
        n = 2 * n + 1
    index = 0
    while n > 0:
        index += n
        n >>= 1
    return index + level


def stored_count(size: int) -> int:
    """How many hashes a tree of ``size`` leaves stores (tlog's ``StoredHashCount``)."""
    if size == 0:
        return 0
    count = stored_index(0, size - 1) + 1
    i = size - 1
    while i & 1:
        count += 1
        i >>= 1
    return count


def _maxpow2(n: int) -> tuple[int, int]:
    """The largest power of two below ``n`` (n ≥ 2), and its exponent."""
    level = (n - 1).bit_length() - 1
    return 1 << level, level


def frontier_indexes(size: int) -> list[int]:
    """Stored indexes of the complete subtrees that make up a tree of ``size``, left first."""
    return _range_indexes(0, size)


def _range_indexes(lo: int, hi: int) -> list[int]:
    """Stored indexes of the aligned complete subtrees covering leaves ``[lo, hi)``."""
    found = []
    while lo < hi:
        k, level = _maxpow2(hi - lo + 1)
        if lo & (k - 1):
            raise ProofError(f"range [{lo}, {hi}) is not aligned")
        found.append(stored_index(level, lo >> level))
        lo += k
    return found


def fold(hashes: Sequence[bytes]) -> bytes:
    """The hash of adjacent complete subtrees, left to right, joined from the right."""
    if not hashes:
        return EMPTY_ROOT
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def append_leaf(size: int, frontier: list[bytes], leaf: bytes) -> list[tuple[int, bytes]]:
    """Add leaf number ``size`` (from 0) to a tree whose frontier is ``frontier`` (updated in
    place); the (stored index, hash) rows it adds, the leaf's first."""
    rows = [(stored_index(0, size), leaf)]
    h, level, i = leaf, 0, size
    while i & 1:
        h = node_hash(frontier.pop(), h)
        level += 1
        i >>= 1
        rows.append((stored_index(level, i), h))
    frontier.append(h)
    return rows


def tree_root(size: int, read: HashReader) -> bytes:
    """The root of the tree's first ``size`` leaves (the log's head at ``size``)."""
    return fold(read(frontier_indexes(size)))


def _subtree(lo: int, hi: int, read: HashReader) -> bytes:
    return fold(read(_range_indexes(lo, hi)))


def inclusion_proof(index: int, size: int, read: HashReader) -> list[bytes]:
    """RFC 6962 audit path of leaf ``index`` (from 0) in the tree of ``size`` leaves."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of {size}")
    return _leaf_path(0, size, index, read)


def _leaf_path(lo: int, hi: int, n: int, read: HashReader) -> list[bytes]:
    if hi == lo + 1:
        return []
    k, _ = _maxpow2(hi - lo)
    if n < lo + k:
        return [*_leaf_path(lo, lo + k, n, read), _subtree(lo + k, hi, read)]
    return [*_leaf_path(lo + k, hi, n, read), _subtree(lo, lo + k, read)]


def consistency_proof(old: int, new: int, read: HashReader) -> list[bytes]:
    """RFC 6962 consistency proof from the tree of ``old`` leaves to that of ``new``."""
    if not 0 <= old <= new:
        raise ProofError(f"no consistency proof from {old} to {new}")
    if old == 0 or old == new:
        return []
    return _subproof(0, new, old, read)


def _subproof(lo: int, hi: int, n: int, read: HashReader) -> list[bytes]:
    if n == hi:
        return [] if lo == 0 else [_subtree(lo, hi, read)]
    k, _ = _maxpow2(hi - lo)
    if n <= lo + k:
        return [*_subproof(lo, lo + k, n, read), _subtree(lo + k, hi, read)]
    return [*_subproof(lo + k, hi, n, read), _subtree(lo, lo + k, read)]


def _check_hashes(hashes: Sequence[bytes]) -> None:
    if any(len(h) != 32 for h in hashes):
        raise ProofError("a hash in the proof is not 32 bytes")


def verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """RFC 9162 §2.1.3.2: raise ProofError unless ``leaf`` is leaf ``index`` under ``root``."""
    _check_hashes([leaf, root, *proof])
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of {size}")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ProofError("inclusion proof is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0 or r != root:
        raise ProofError("inclusion proof does not lead to the root")


def verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """RFC 9162 §2.1.4.2: raise ProofError unless the tree of ``old`` leaves with
    ``old_root`` is a prefix of the tree of ``new`` leaves with ``new_root``."""
    _check_hashes([old_root, new_root, *proof])
    if not 0 <= old <= new:
        raise ProofError(f"size {old} is beyond size {new}")
    if old == new or old == 0:
        if proof:
            raise ProofError("a consistency proof between these sizes is empty")
        if old == new and old_root != new_root:
            raise ProofError("the two roots of one size differ")
        return
    if not proof:
        raise ProofError("consistency proof is empty")
    path = list(proof)
    if old & (old - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("consistency proof is too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0 or fr != old_root or sr != new_root:
        raise ProofError("consistency proof does not lead to both roots")


class HashTree:
    """默克尔树 (内存) — every stored hash in a list, for the memory store, verifiers
    rebuilding from the log, and benchmarks."""

    def __init__(self) -> None:
        self.size = 0
        self.hashes: list[bytes] = []
        self.frontier: list[bytes] = []

    def append(self, leaf: bytes) -> list[tuple[int, bytes]]:
        """Add one leaf hash; the stored rows it adds."""
        rows = append_leaf(self.size, self.frontier, leaf)
        self.hashes += [h for _, h in rows]
        self.size += 1
        return rows

    def read(self, indexes: Sequence[int]) -> list[bytes]:
        """Stored hashes by index."""
        return [self.hashes[i] for i in indexes]

    def root(self, size: int | None = None) -> bytes:
        """The root at ``size`` (default: now)."""
        return tree_root(self.size if size is None else size, self.read)
