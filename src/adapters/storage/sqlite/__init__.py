"""SQLite 事件库 — eventsourcing's SQLite recorders, with the stream lock of ``BEGIN IMMEDIATE``.

The events table, notification order and tracking table are eventsourcing's own. What is
added: a write transaction that holds SQLite's write lock from loading the stream to
appending its new events (so a command never loses a version race and is decided once),
a table of handled command ids, the audit log and the view tables beside the events.

- :mod:`~adapters.storage.sqlite.store` — the store: opening, reads, audit log, views;
- :mod:`~adapters.storage.sqlite.transaction` — the write transaction and the append;
- :mod:`~adapters.storage.sqlite.connection` — WAL mode, the writers' queue, errors.
"""

from adapters.storage.sqlite.store import SqliteEventStore

__all__ = ["SqliteEventStore"]
