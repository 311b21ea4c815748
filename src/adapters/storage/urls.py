"""存储地址 — choosing a backend by URL: ``sqlite:///path.db``, a plain path, or ``memory://``."""

from __future__ import annotations

import os

from adapters.storage.errors import UnsupportedStore
from adapters.storage.memory_store import MemoryEventStore
from adapters.storage.sqlite_store import SqliteEventStore
from adapters.storage.store import EventStore

DEFAULT_STORE = "./dangjian.db"
ENV_VAR = "DANGJIAN_STORE"


def open_store(url: str | None = None) -> EventStore:
    """Open (creating tables on first use) the store a URL names.

    With no URL, ``$DANGJIAN_STORE`` or ``./dangjian.db`` is used.
    """
    url = url or os.environ.get(ENV_VAR) or DEFAULT_STORE
    if url in ("memory://", ":memory:"):
        return MemoryEventStore()
    if url.startswith("sqlite:///"):
        return SqliteEventStore(url.removeprefix("sqlite:///"))
    if "://" not in url:
        return SqliteEventStore(url)
    raise UnsupportedStore(
        f"不支持的存储地址:{url}",
        f"unsupported store URL {url!r}: use sqlite:///path.db, a file path or memory://",
    )
