"""抽签种子 — where a draw's seed comes from: the log's head at a position fixed in advance.

The position is the first event recorded (by the server clock, the envelope's
``recorded_at``) at or after the draw window's end and after the task's last entry to or
withdrawal from the draw (so that no entry is recorded once the seed could be known, even
in a log typed in after the fact); the seed is the log's head there,
read by :func:`log_head` — the one function to switch when the head becomes a Merkle
root (its kind is named in the draw's event). :func:`hold_draw` is what the adapters run
(``dangjian tasks draw``, and before a claim on a task whose window has ended): it marks
the window's end in the log when nothing was recorded since, then asks for the draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from adapters.app import Dangjian
from adapters.app.handling import Outcome
from adapters.storage.mapper import decode
from adapters.storage.store import EventStore, StoredRow
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.tasks.commands import CloseDrawWindow, DrawSlots

#: The kind of head :func:`log_head` reads: the hash chain's entry hash at a position.
SEED_KIND = "chain-entry-hash/v1"


def log_head(store: EventStore, position: int) -> tuple[str, str] | None:
    """The log's head at a stored position (hex) and its kind; None: no such event."""
    entry = store.chain_at(position)
    return None if entry is None else (entry.hash.hex(), SEED_KIND)


def recorded_at(row: StoredRow) -> datetime:
    """When the server recorded a stored event (its envelope's ``recorded_at``)."""
    _, envelope = decode(
        row.topic, row.state, position=row.position, stream_id=row.stream_id, version=row.version
    )
    return envelope.recorded_at


def seed_position(rows: Iterator[StoredRow], until: datetime) -> int | None:
    """The first of ``rows`` (in log order) recorded at or after ``until``."""
    return next((row.position for row in rows if recorded_at(row) >= until), None)


def last_entry(store: EventStore, task_id: str, before: int | None = None) -> int:
    """The log position of the task's last entry to (or withdrawal from) the draw, or of
    its issue when nobody entered; only events before ``before`` count."""
    last = 0
    for row in store.read_stream(f"task-{task_id}"):
        if before is not None and row.position >= before:
            break
        if last == 0 or row.topic in ("DrawEntered", "WaitlistLeft"):
            last = row.position
    return last


def _window(app: Dangjian, task_id: str) -> datetime | None:
    """The end of a task's draw window still to be drawn (None: none, or no such task —
    the command that follows says so)."""
    try:
        row = app.queries.task(task_id).task
    except UnknownSubject:
        return None
    if not row.get("draw_until") or row.get("drawn") or row.get("status") != "open":
        return None
    return datetime.fromisoformat(str(row["draw_until"]))


def hold_draw(app: Dangjian, task_id: str, actor_id: str) -> list[Outcome]:
    """Hold the task's draw if its window has ended and it is still to be drawn: first
    mark the window's end when no event was recorded since, then draw with the head at
    the first event recorded at or after it. Nothing (``[]``) before the window's end."""
    until = _window(app, task_id)
    if until is None or app.now() < until:
        return []
    outcomes = []
    after = last_entry(app.store, task_id)
    position = seed_position(app.store.iter_log(after), until)
    if position is None:
        mark = CloseDrawWindow(task_id, actor_id, app.now())  # type: ignore[arg-type]
        outcomes.append(app.handle(mark, stamp=True))
        position = seed_position(app.store.iter_log(after), until)
    head = None if position is None else log_head(app.store, position)
    if position is None or head is None:
        return outcomes  # nothing recorded (cannot happen after the mark): no draw yet
    seed, kind = head
    draw = DrawSlots(task_id, seed, position, kind, actor_id, app.now())  # type: ignore[arg-type]
    outcomes.append(app.handle(draw, stamp=True))
    return outcomes
