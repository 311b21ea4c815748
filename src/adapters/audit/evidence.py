"""核查材料 — what verification reads, from a live store or from a bundle, as one shape.

A live store is read as a snapshot: the log's last position, the chain, and the last
position again; when nothing was committed in between, the chain and the log up to that
position are exactly what the store held. Under a steady stream of commands (five tries)
the chain's tail entries beyond the position are dropped as links of commands that
committed while it was read. Entries in the middle are always kept, whatever they point
at, so a forged entry is still seen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from adapters.storage.chain import ChainEntry
from adapters.storage.store import Attempt, CheckpointRecord, EventStore, StoredRow


@frozen
class Bundle:
    """核查包 — everything an inspector needs, parsed from one file (no database)."""

    ledger: str
    exported_at: str
    rows: tuple[StoredRow, ...]
    chain: tuple[ChainEntry, ...]
    checkpoints: tuple[CheckpointRecord, ...]
    attempts: tuple[Attempt, ...]


@frozen
class Evidence:
    """核查材料 — the ledger's name, its events (readable more than once), chain and
    checkpoints; ``store`` is set for a live store (whose views can be compared)."""

    label: str
    ledger: str
    rows: Callable[[], Iterator[StoredRow]]
    chain: tuple[ChainEntry, ...]
    checkpoints: tuple[CheckpointRecord, ...]
    attempts: Callable[[], Iterator[Attempt]]
    store: EventStore | None = None
    until: int = 0

    def rows_after(self, position: int) -> Iterator[StoredRow]:
        """The events after a position (read from there on a live store)."""
        if self.store is None:
            yield from (row for row in self.rows() if row.position > position)
            return
        for row in self.store.iter_log(position):
            if row.position > self.until:
                return
            yield row


def read_chain(store: EventStore, page: int = 10_000) -> list[ChainEntry]:
    """Every stored chain entry, in sequence order."""
    entries: list[ChainEntry] = []
    while batch := store.read_chain(entries[-1].seq if entries else 0, page):
        entries += batch
    return entries


def of_store(store: EventStore, label: str | None = None) -> Evidence:
    """A snapshot of a live store (see the module's note on concurrent appends)."""
    checkpoints = tuple(store.read_checkpoints())  # first: each covers only events before ``until``
    for _attempt in range(5):
        until = store.max_position()
        chain = read_chain(store)
        if store.max_position() == until:  # nothing committed meanwhile: chain and log agree
            break
    else:
        while chain and chain[-1].position > until:
            chain.pop()

    def rows() -> Iterator[StoredRow]:
        """The log up to the snapshot position."""
        for row in store.iter_log():
            if row.position > until:
                return
            yield row

    def attempts() -> Iterator[Attempt]:
        """Every refused command, oldest first."""
        after = 0
        while batch := store.read_attempts(after, 1000):
            yield from batch
            after = batch[-1].id

    label = label or _safe_label(store.url)
    return Evidence(label, store.ledger, rows, tuple(chain), checkpoints, attempts, store, until)


def of_bundle(bundle: Bundle, label: str) -> Evidence:
    """A parsed bundle."""
    return Evidence(
        label,
        bundle.ledger,
        lambda: iter(bundle.rows),
        bundle.chain,
        bundle.checkpoints,
        lambda: iter(bundle.attempts),
    )


def _safe_label(url: str) -> str:
    """The store's URL without a password."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return url
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"
