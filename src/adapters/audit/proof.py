"""账目溯源 — a published balance down to its events, each with its chain entry.

Every ledger line of an explanation is an event at a log position. Here each gets its
chain sequence number and hash, a re-check that the event's stored bytes still link to
that hash from the entry before, and the smallest stored checkpoint that covers every
line — so the figure can be checked against a posted checkpoint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import frozen

from adapters.storage.chain import ChainEntry, LinkedEvent, genesis, link
from adapters.storage.store import CheckpointRecord, StoredRow
from dangjian_core.points.queries import Explanation, LedgerLine


@frozen
class ProvedLine:
    """溯源行 — a ledger line, its chain entry (if any) and whether the event re-links."""

    line: LedgerLine
    seq: int | None
    hash: bytes | None
    links: bool


@frozen
class Proof:
    """溯源 — an explanation with every line placed on the chain."""

    explanation: Explanation
    lines: tuple[ProvedLine, ...]
    covered_by: CheckpointRecord | None

    @property
    def ok(self) -> bool:
        """Whether every line is on the chain and re-links."""
        return all(line.links for line in self.lines)


def prove(
    explanation: Explanation,
    ledger: str,
    chain: Sequence[ChainEntry],
    read_positions: Callable[[list[int]], list[StoredRow]],
    checkpoints: Sequence[CheckpointRecord],
) -> Proof:
    """Place each line of ``explanation`` on ``chain``; events are read by position."""
    index = {entry.position: i for i, entry in enumerate(chain)}
    rows = {
        row.position: row for row in read_positions([line.position for line in explanation.lines])
    }
    proved = []
    for line in explanation.lines:
        at = index.get(line.position)
        if at is None:
            proved.append(ProvedLine(line, None, None, False))
            continue
        entry = chain[at]
        previous = chain[at - 1].hash if at else genesis(ledger)
        row = rows.get(line.position)
        links = (
            row is not None
            and entry.seq == at + 1
            and link(entry.seq, previous, _linked(row)) == entry.hash
        )
        proved.append(ProvedLine(line, entry.seq, entry.hash, links))
    top = max((p.seq or 0 for p in proved), default=0)
    covering = [c for c in checkpoints if c.size >= top and all(p.seq for p in proved)]
    return Proof(explanation, tuple(proved), min(covering, key=lambda c: c.size, default=None))


def _linked(row: StoredRow) -> LinkedEvent:
    """The stored facts a chain link covers."""
    return LinkedEvent(row.position, row.stream_id, row.version, row.topic, row.state)
