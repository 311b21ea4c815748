"""导出核查包 — write a store's snapshot as one bundle file (format: :mod:`adapters.audit.bundle`).

The file is written beside its final name and renamed into place when complete, so a
reader never sees half a bundle. Events are streamed page by page, not held in memory.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from attrs import frozen

from adapters.audit.bundle import FORMAT, VERSION
from adapters.audit.evidence import of_store
from adapters.private_files import private_open
from adapters.storage.canonical import canonical_dumps
from adapters.storage.store import EventStore


@frozen
class Exported:
    """已导出 — where the bundle went and how many records of each kind it holds."""

    path: str
    ledger: str
    events: int
    chain: int
    checkpoints: int
    attempts: int


def export_bundle(store: EventStore, out: Path, now: datetime) -> Exported:
    """Write the store's events, chain, checkpoints and attempts to ``out``."""
    evidence = of_store(store)
    counts = {"events": 0, "chain": 0, "checkpoints": 0, "attempts": 0}
    header = {"format": FORMAT, "version": VERSION, "ledger": evidence.ledger}
    partial = out.with_name(f".{out.name}.partial")
    with private_open(partial) as file:
        file.write(_line({**header, "exported_at": now.isoformat()}))
        for name, records in (
            ("events", _events(evidence.rows())),
            (
                "chain",
                (
                    {"kind": "chain", "seq": e.seq, "position": e.position, "hash": e.hash.hex()}
                    for e in evidence.chain
                ),
            ),
            ("checkpoints", (_checkpoint(c) for c in evidence.checkpoints)),
            ("attempts", (_attempt(a) for a in evidence.attempts())),
        ):
            for record in records:
                file.write(_line(record))
                counts[name] += 1
        file.write(_line({"kind": "end", **counts}))
        file.flush()
        os.fsync(file.fileno())
    partial.replace(out)
    return Exported(str(out), evidence.ledger, **counts)


def _events(rows: Iterator[Any]) -> Iterator[dict[str, Any]]:
    """Event records, state as base64."""
    for row in rows:
        yield {
            "kind": "event",
            "position": row.position,
            "stream_id": row.stream_id,
            "version": row.version,
            "topic": row.topic,
            "state": base64.b64encode(row.state).decode(),
        }


def _checkpoint(record: Any) -> dict[str, Any]:
    """A checkpoint record."""
    fields = ("size", "note", "reason", "cut_at")
    return {
        "kind": "checkpoint",
        "head": record.head.hex(),
        **{f: getattr(record, f) for f in fields},
    }


def _attempt(attempt: Any) -> dict[str, Any]:
    """An attempt as text fields (a damaged store may hold NULLs: they become empty text)."""
    names = ("recorded_at", "at", "actor_id", "command_type", "stream_id", "command_id", "code")
    text = {n: "" if getattr(attempt, n) is None else str(getattr(attempt, n)) for n in names}
    reason, command = ("" if v is None else str(v) for v in (attempt.reason, attempt.command))
    return {"kind": "attempt", "id": int(attempt.id), **text, "reason": reason, "command": command}


def _line(record: dict[str, Any]) -> bytes:
    """One canonical JSON line."""
    return canonical_dumps(record) + b"\n"
