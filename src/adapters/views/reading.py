"""读取 — what every view module shares: the views caught up to the log, and the one row
a query about a named subject must find."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from adapters.storage import projector
from adapters.storage.store import EventStore
from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.kernel.errors import UnknownSubject


def read(store: EventStore) -> AbstractContextManager[ViewTransaction]:
    """The store's views, caught up with the log first."""
    projector.catch_up(store)
    return store.views()


def one(rows: Rows, kind: str, subject_id: str) -> dict[str, Any]:
    """The first row, or :class:`UnknownSubject` naming the ``kind`` and id."""
    if not rows:
        raise UnknownSubject(f"{kind} {subject_id} 不存在", f"no such {kind}: {subject_id}")
    return rows[0]
