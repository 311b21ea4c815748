"""PostgreSQL 事件库 — eventsourcing's PostgreSQL tables, written in as few round trips as possible.

A write transaction takes ``pg_advisory_xact_lock`` on the stream id before reading it, so
two commands on the same task queue instead of racing, and each is decided once against
the latest state. The insert takes eventsourcing's EXCLUSIVE table lock first, which makes
commit order equal notification order, so a follower never skips an event. Views and the
command-id table live in the same schema; catching views up takes one advisory lock (per
schema) so two projector processes never apply the same events twice.

A command costs three round trips to the server plus one per directory stream it reads,
like a raw ``BEGIN; INSERT; COMMIT``: several statements travel as one query (parameters
bound on the client), so ``BEGIN``, the stream lock, the command-id lookup and the stream
read go together; the table lock, the insert and the chain head together; the chain
link, the command record and ``COMMIT`` together. ``lock_timeout`` is set once per pooled
connection (it bounds the stream lock's wait too); no ``NOTIFY`` is sent (the projector
polls).

- :mod:`~adapters.storage.postgres.store` — the store: opening, reads, audit log, views;
- :mod:`~adapters.storage.postgres.transaction` — the batched write transaction;
- :mod:`~adapters.storage.postgres.statements` — the SQL of one schema, the chain links;
- :mod:`~adapters.storage.postgres.connection` — the pool, the locks, errors.
"""

from adapters.storage.postgres.store import PostgresEventStore

__all__ = ["PostgresEventStore"]
