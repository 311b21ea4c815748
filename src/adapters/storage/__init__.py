"""存储适配器 — the event store on eventsourcing (in-memory, SQLite) and materialised views."""
