"""存储地址 — choosing a backend by URL.

``sqlite:///path.db`` or a plain path (the embedded default), ``memory://``, or
``postgresql://user:password@host:port/db?schema=NAME&pool_size=N``.
"""

from __future__ import annotations

import os
from pathlib import Path

from adapters.storage.errors import StorageError, UnsupportedStore
from adapters.storage.memory import MemoryEventStore
from adapters.storage.names import DEFAULT_STORE, ENV_VAR
from adapters.storage.postgres import PostgresEventStore
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.store import EventStore

__all__ = ["DEFAULT_STORE", "ENV_VAR", "open_store", "sqlite_path"]


def open_store(url: str | None = None, *, create: bool = True) -> EventStore:
    """Open (creating tables on first use) the store a URL names.

    With no URL, ``$DANGJIAN_STORE`` or ``./dangjian.db`` is used. With ``create=False`` a
    SQLite file that does not exist yet is refused instead of created (for read-only use).
    """
    url = url or os.environ.get(ENV_VAR) or DEFAULT_STORE
    path = sqlite_path(url)
    if not create and path is not None and not Path(path).exists():
        raise StorageError(f"存储文件不存在:{path}", f"no store at {path}")
    if url in ("memory://", ":memory:"):
        return MemoryEventStore()
    if path is not None:
        return SqliteEventStore(path)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresEventStore(url)
    raise UnsupportedStore(
        f"不支持的存储地址:{url}",
        f"unsupported store URL {url!r}: use sqlite:///path.db, a file path, memory:// "
        "or postgresql://…",
    )


def sqlite_path(url: str) -> str | None:
    """The file a SQLite URL (or plain path) names; None for other backends."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return None if "://" in url or url == ":memory:" else url
