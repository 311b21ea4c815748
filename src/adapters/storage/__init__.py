"""存储适配器 — the event store on eventsourcing (in-memory, SQLite, PostgreSQL) and the
materialised views.

- ports: :mod:`.store` (event log, command log, audit log, views; the write transaction)
  and :mod:`.views` (a view transaction);
- ledger: :mod:`.chain` (the hash chain) and :mod:`.canonical` (canonical JSON);
- backends: :mod:`.memory`, :mod:`.sqlite`, :mod:`.postgres`, chosen by :mod:`.urls`;
  the SQL they share, one module per port: :mod:`.sql_events` (event and command log),
  :mod:`.sql_ledger` (audit log), :mod:`.sql_views` (views);
- :mod:`.mapper` (events ⇄ stored bytes), :mod:`.projector`, :mod:`.folding`.
"""
