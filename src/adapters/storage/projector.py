"""投影器 — keeps the materialised views caught up with the event log.

It pulls pages of the log after the views' tracking position and applies each page's
row changes and the new position in one transaction. Running it twice, or in two
processes at once, never double-counts: the write lock and eventsourcing's tracking
table (which refuses a position that does not move forward) make sure of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from adapters.storage.errors import CorruptEvent, StorageError
from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore
from dangjian_core.catalog import project_all

PAGE = 2000


def apply_page(
    store: EventStore,
    limit: int = PAGE,
    *,
    source: EventStore | None = None,
    until: int | None = None,
    patience: float | None = None,
) -> int:
    """Apply at most one page of pending events; returns how many were applied.

    Events come from ``source`` (default: the store itself), so a replay can rebuild
    another store's views from this store's log; ``until`` stops at a position;
    ``patience`` bounds the wait for the views' write lock (:class:`StoreBusy` after it).
    """
    with store.views(write=True, patience=patience) as views:
        after = views.position()
        found = views.read_log(after, limit) if source is None else None
        rows = (source or store).read_log(after, limit) if found is None else found
        if until is not None:
            rows = [row for row in rows if row.position <= until]
        for row in rows:
            views.apply(project_all(recorded_of(row)))
        if rows:
            views.set_position(rows[-1].position)
        return len(rows)


def is_current(store: EventStore) -> bool:
    """Whether the views have applied every event (a read, no write lock)."""
    end = store.max_position()  # read first: a transaction never waits for a second connection
    with store.views() as views:
        return views.position() >= end


def catch_up(
    store: EventStore,
    *,
    page: int = PAGE,
    progress: Callable[[int], None] | None = None,
    source: EventStore | None = None,
    until: int | None = None,
    patience: float | None = None,
) -> int:
    """Apply every pending event; returns how many were applied.

    When the views are already current this only reads, so queries do not queue for the
    write lock behind commands. ``patience`` bounds each wait for the write lock.
    """
    if source is None and is_current(store):
        return 0
    total = 0
    while applied := apply_page(store, page, source=source, until=until, patience=patience):
        total += applied
        if progress is not None:
            progress(applied)
    return total


#: The longest wait between attempts while the database cannot be reached.
MAX_BACKOFF = 30.0


def run(
    store: EventStore,
    *,
    poll_seconds: float = 1.0,
    page: int = PAGE,
    should_stop: Callable[[], bool] = lambda: False,
    on_batch: Callable[[int, int], None] | None = None,
    on_error: Callable[[StorageError, float], None] | None = None,
) -> int:
    """Follow the log until ``should_stop()``: apply each new page as it appears.

    This is the body of ``dangjian project run``: a separate process that keeps the views
    current. Stopped or killed at any moment, it resumes from the tracked position on the
    next start without double counting (rows and position commit together). When the
    database cannot be reached (a dropped connection, a restart, a lock held too long) it
    says so through ``on_error`` and tries again, waiting twice as long each time up to
    :data:`MAX_BACKOFF` seconds; a corrupt event stops it (retrying cannot mend that).
    Returns how many events it applied.
    """
    total = 0
    backoff = 0.0
    while not should_stop():
        try:
            applied = apply_page(store, page)
        except CorruptEvent:
            raise
        except StorageError as error:
            backoff = min(MAX_BACKOFF, max(poll_seconds, backoff * 2))
            if on_error is not None:
                on_error(error, backoff)
            _sleep_unless(should_stop, backoff)
            continue
        backoff = 0.0
        total += applied
        if applied and on_batch is not None:
            on_batch(applied, total)
        if applied < page:
            time.sleep(poll_seconds)
    return total


def _sleep_unless(should_stop: Callable[[], bool], seconds: float) -> None:
    """Sleep, waking early (within a tenth of a second) when asked to stop."""
    deadline = time.monotonic() + seconds
    while not should_stop() and (left := deadline - time.monotonic()) > 0:
        time.sleep(min(0.1, left))
