"""日志树 — the log's head at a size, and proofs, read from a store's Merkle tree.

:func:`log_head` is the stable entry point other parts use (e.g. a draw seeded by the log):
the log's head at size ``n`` is the RFC 6962 Merkle root over the canonical records of the
log's first ``n`` events (:mod:`adapters.storage.merkle`). Once a signed checkpoint of size
``n`` or more is posted, nobody — the operator included — can change it without the
change being caught.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from adapters.storage.merkle import consistency_proof, inclusion_proof, stored_index, tree_root
from dangjian_core.kernel.errors import InvalidCommand


class TreeReader(Protocol):
    """What the tree functions read: a store, or anything with the same two methods."""

    def tree_size(self) -> int:
        """How many events the tree covers."""
        ...

    def read_tree(self, indexes: Sequence[int]) -> list[bytes]:
        """Stored hashes by tlog index."""
        ...


def _within(reader: TreeReader, *sizes: int) -> None:
    size = reader.tree_size()
    for n in sizes:
        if not 0 <= n <= size:
            raise InvalidCommand(
                f"日志只有 {size} 条, 没有第 {n} 条时的树头",
                f"the log holds {size} events: there is no head at size {n}",
            )


def log_head(reader: TreeReader, size: int) -> bytes:
    """The log's head at size ``n``: the Merkle root over its first ``n`` events (32 bytes;
    SHA-256 of nothing for ``n = 0``). Refused (InvalidCommand) beyond the log's size."""
    _within(reader, size)
    return tree_root(size, reader.read_tree)


def prove_inclusion(reader: TreeReader, index: int, size: int) -> list[bytes]:
    """The audit path of the event at tree index ``index`` (from 0) in the tree of ``size``."""
    _within(reader, size)
    if not 0 <= index < size:
        raise InvalidCommand(
            f"第 {index + 1} 条不在前 {size} 条之内", f"entry {index + 1} is not among {size}"
        )
    return inclusion_proof(index, size, reader.read_tree)


def prove_consistency(reader: TreeReader, old: int, new: int) -> list[bytes]:
    """The consistency proof from the tree of ``old`` events to that of ``new``."""
    _within(reader, old, new)
    if old > new:
        raise InvalidCommand(
            f"旧检查点 ({old}) 大于新检查点 ({new})", f"old size {old} exceeds new size {new}"
        )
    return consistency_proof(old, new, reader.read_tree)


#: C2SP tlog-tiles: tiles of height 8, 256 hashes to a full tile.
TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT
_TILE_INDEX = re.compile(r"((?:x\d{3}/)*)(\d{3})(?:\.p/(\d{1,3}))?")


def tile_path(level: int, n: int, width: int | None = None) -> str:
    """``tile/<L>/<N>[.p/<W>]`` with ``N`` in ``x``-prefixed groups of three digits."""
    digits = f"{n:03d}"
    digits = "0" * (-len(digits) % 3) + digits
    groups = [digits[i : i + 3] for i in range(0, len(digits), 3)]
    name = "/".join([*(f"x{g}" for g in groups[:-1]), groups[-1]])
    return f"tile/{level}/{name}" + (f".p/{width}" if width else "")


def parse_tile_index(path: str) -> tuple[int, int | None]:
    """``x001/234`` → (1234, None); ``067.p/12`` → (67, 12); else InvalidCommand."""
    match = _TILE_INDEX.fullmatch(path)
    width = int(match.group(3)) if match and match.group(3) else None
    if match is None or (width is not None and not 0 < width < TILE_WIDTH):
        raise InvalidCommand(f"瓦片路径不对: {path}", f"not a tile path: {path}")
    groups = [g for g in match.group(1).split("/") if g] + [match.group(2)]
    return int("".join(g.lstrip("x") for g in groups)), width


def tile_hashes(reader: TreeReader, level: int, n: int, width: int | None) -> bytes | None:
    """The tile's hashes (those of level ``8·level``, 32 bytes each), or None when the
    tree does not hold them yet."""
    if level < 0 or n < 0:
        return None
    height = TILE_HEIGHT * level
    wanted = width or TILE_WIDTH
    if (reader.tree_size() >> height) - n * TILE_WIDTH < wanted:
        return None
    first = n * TILE_WIDTH
    return b"".join(reader.read_tree([stored_index(height, first + k) for k in range(wanted)]))
