"""批量装载 — already-decided history appended many events per transaction.

For imports and generated datasets only: this bypasses ``decide``, so use it for
histories produced by the deciders (e.g. :mod:`benchmarks.generate`) or exported from
another store.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from attrs import frozen

from adapters.storage.mapper import Envelope, encode
from adapters.storage.store import EventStore, NewEvent
from dangjian_core.kernel.time import entered_late


@frozen
class HistoryItem:
    """历史事件 — an already-decided event to bulk-load: stream, version, actor, time."""

    stream_id: str
    version: int
    event: Any
    actor_id: str
    at: datetime
    #: Who entered it for the actor (代录), if someone else.
    entered_by: str = ""
    #: Why it is entered after its time (补录), if it is.
    late_reason: str = ""


def load(
    store: EventStore,
    history: Iterable[HistoryItem],
    clock: Callable[[], datetime],
    *,
    batch: int = 10_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Append the history in batches of ``batch`` events; returns how many were loaded."""
    total = 0
    for chunk in _batched(history, batch):
        rows = [
            (item.stream_id, NewEvent(item.version, *encode(item.event, _envelope(item, clock))))
            for item in chunk
        ]
        store.append_batch(rows)
        total += len(rows)
        if progress is not None:
            progress(len(rows))
    return total


def _envelope(item: HistoryItem, clock: Callable[[], datetime]) -> Envelope:
    command_id = f"load:{item.stream_id}:{item.version}"
    proxy = "" if item.entered_by == item.actor_id else item.entered_by
    recorded_at = clock()
    late = item.late_reason if entered_late(item.at, recorded_at) else ""
    return Envelope(item.actor_id, item.at, command_id, recorded_at, proxy, late)


def _batched(items: Iterable[HistoryItem], size: int) -> Iterator[list[HistoryItem]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
