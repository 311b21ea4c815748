"""重建读模型 — every board rebuilt from events in a scratch store, whole or as of a time.

"As of" a time keeps the events whose command time ``at`` is not after it, applied in log
order. The command time is the time the thing happened, as the command said (a year
replayed from the seeds keeps its own dates); ``by="recorded"`` uses the time each event
was stored instead, which shows what the boards said at that moment on this store.
Events keep their positions, so explanations point at the real log.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from adapters.app import Dangjian
from adapters.audit.report import Figure
from adapters.storage.mapper import decode
from adapters.storage.memory import MemoryEventStore
from adapters.storage.store import StoredRow
from dangjian_core.catalog import project_all

BY = ("at", "recorded")


def rebuild(
    rows: Iterable[StoredRow], until: datetime | None = None, *, by: str = "at"
) -> Dangjian:
    """An application over a scratch in-memory store whose views hold the rebuilt boards.

    Raises :class:`~adapters.storage.errors.CorruptEvent` at the first undecodable event.
    """
    if by not in BY:
        raise ValueError(f"by is one of {BY}: {by!r}")
    scratch = MemoryEventStore()
    last = 0
    with scratch.views(write=True) as views:
        for row in rows:
            recorded, envelope = decode(
                row.topic,
                row.state,
                position=row.position,
                stream_id=row.stream_id,
                version=row.version,
            )
            moment = recorded.at if by == "at" else envelope.recorded_at
            if until is not None and moment > until:
                continue
            views.apply(project_all(recorded))
            last = row.position
        if last:
            views.set_position(last)
    # The scratch log is empty, so queries find the views current and never catch up.
    return Dangjian(scratch)


def figures(app: Dangjian) -> tuple[Figure, ...]:
    """Every balance in the app's views, by branch, cycle and person."""
    with app.store.views() as views:
        rows = views.select("balances", {}, order_by=("branch_id", "cycle", "person_id"))
    return tuple(
        Figure(str(r["branch_id"]), str(r["cycle"]), str(r["person_id"]), int(r["total"] or 0))
        for r in rows
    )
