"""哈希链 — every stored event, in the store's global order, linked to the one before.

    genesis      = SHA-256("dangjian/genesis/v1\\n" ‖ ledger name)
    event bytes  = canonical JSON of [position, stream, version, topic, envelope]
    hash(n)      = SHA-256("dangjian/chain/v1\\n" ‖ n as 8 bytes ‖ hash(n-1) ‖ SHA-256(event bytes))

``n`` counts entries from 1 without gaps; ``position`` is the store's notification id
(which may have gaps on PostgreSQL). Changing, inserting, deleting or reordering any
stored event changes every later hash, so a checkpoint of (size, head hash) held outside
the operator's control pins the whole history before it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from attrs import frozen

from adapters.storage.canonical import canonical_dumps, canonical_loads

GENESIS_DOMAIN = b"dangjian/genesis/v1\n"
CHAIN_DOMAIN = b"dangjian/chain/v1\n"


@frozen
class ChainEntry:
    """链条目 — the n-th link: which stored position it covers, and its hash."""

    seq: int
    position: int
    hash: bytes


@frozen
class LinkedEvent:
    """待链接事件 — the stored facts of one event that its link covers."""

    position: int
    stream_id: str
    version: int
    topic: str
    state: bytes


def genesis(ledger: str) -> bytes:
    """The hash before the first entry, bound to the ledger's name."""
    return hashlib.sha256(GENESIS_DOMAIN + ledger.encode("utf-8")).digest()


def event_bytes(event: LinkedEvent) -> bytes:
    """The canonical bytes a link covers: ``[position,stream,version,topic,envelope]``.

    The stored state is already canonical JSON (the mapper writes nothing else), so it is
    framed as it is rather than parsed and re-encoded; :func:`check_canonical` is how a
    verifier confirms that assumption for every stored event.
    """
    head = canonical_dumps([event.position, event.stream_id, event.version, event.topic])
    return head[:-1] + b"," + event.state + b"]"


def check_canonical(event: LinkedEvent) -> None:
    """Raise CanonicalError unless the stored state is canonical JSON."""
    canonical_loads(event.state)


def event_digest(event: LinkedEvent) -> bytes:
    """SHA-256 of the event's canonical bytes: what a link commits to."""
    return hashlib.sha256(event_bytes(event)).digest()


def link_digest(seq: int, previous: bytes, digest: bytes) -> bytes:
    """The hash of entry ``seq`` from the previous hash and the event's digest."""
    return hashlib.sha256(CHAIN_DOMAIN + seq.to_bytes(8, "big") + previous + digest).digest()


def link(seq: int, previous: bytes, event: LinkedEvent) -> bytes:
    """The hash of entry ``seq``."""
    return link_digest(seq, previous, event_digest(event))


def extend(seq: int, previous: bytes, events: Iterable[LinkedEvent]) -> Iterator[ChainEntry]:
    """Entries for events following entry ``seq`` whose hash is ``previous``."""
    for event in events:
        seq += 1
        previous = link(seq, previous, event)
        yield ChainEntry(seq, event.position, previous)
