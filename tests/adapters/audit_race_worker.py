"""A racing process for the audit concurrency tests.

``python -m tests.adapters.audit_race_worker append URL STREAM NAME`` appends one event at
version 1 of STREAM straight through the store API; ``… retry URL NAME`` handles one fixed
claim under one fixed command id. Each prints ``ready`` once it is set up, waits for a line
on standard input (the starting gun, so all go together), and prints one JSON line: what
it was told, and for ``retry`` the positions it was answered with.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

from adapters.app import open_app
from adapters.storage.errors import StorageError
from adapters.storage.mapper import Envelope, encode
from adapters.storage.store import NewEvent
from adapters.storage.urls import open_store
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.tasks.commands import ClaimTask
from tests.support import BRANCH, LANZHI, SECRETARY, later

COMMAND_ID = "claim-once"


def _wait() -> None:
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()


def append(url: str, stream: str, name: str) -> dict[str, object]:
    """One event at version 1, whatever the stream holds."""
    store = open_store(url)
    event = PointsAdjusted(stream, BRANCH, LANZHI, "2021-10", "竞争", 1, name)
    when = datetime(2021, 10, 9, tzinfo=UTC)
    topic, state = encode(event, Envelope(SECRETARY, when, f"race-{name}", when))
    _wait()
    try:
        with store.writing(stream) as tx:
            [position] = tx.append(stream, [NewEvent(1, topic, state)])
        return {"name": name, "won": True, "position": position}
    except StorageError as error:
        return {"name": name, "won": False, "error": "StorageError", "code": error.code}
    finally:
        store.close()


def retry(url: str, name: str) -> dict[str, object]:
    """The same claim under the same command id, as a retry would send it."""
    with open_app(url) as app:
        _wait()
        outcome = app.handle(ClaimTask("T1", LANZHI, later(1)), command_id=COMMAND_ID)
        return {
            "name": name,
            "replayed": outcome.replayed,
            "positions": [r.position for r in outcome.events],
        }


if __name__ == "__main__":
    mode, url, *rest = sys.argv[1:]
    report = append(url, rest[0], rest[1]) if mode == "append" else retry(url, rest[0])
    sys.stdout.write(json.dumps(report) + "\n")
