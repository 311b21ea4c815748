"""Racing processes for the race tests (``python -m tests.adapters.race_worker``).

``claim URL TASK PERSON...``: the store URL, the task id, then the people this process
claims for. It
opens the application, says ``ready``, waits for a line on stdin (the starting gun),
then has each person claim the task once — exactly one ``handle`` call per person, never
a retry — and prints one JSON line: outcomes counted by exception class name, the
winners, how many write transactions each claim took, and any unexpected traceback.

``open START URL...``: at ``START`` (a Unix time) open the first store, then one more
every :data:`OPEN_EVERY` seconds, in step with the other processes, and print the
failures as JSON.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from adapters.app import open_app
from adapters.storage.urls import open_store
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.state import NoSlotsLeft
from tests.support import later

CLAIMED = "claimed"
OPEN_EVERY = 0.2


def main(url: str, task_id: str, people: list[str]) -> dict[str, Any]:
    """Race for the task; the report the parent checks."""
    app = open_app(url)
    transactions = _count_write_transactions(app.store)
    print("ready", flush=True)
    sys.stdin.readline()
    outcomes: Counter[str] = Counter()
    winners: list[str] = []
    per_claim: Counter[int] = Counter()
    unexpected: list[str] = []
    for person in people:
        before = transactions["count"]
        try:
            app.handle(ClaimTask(task_id, person, later(1)))
        except NoSlotsLeft:
            outcomes[NoSlotsLeft.__name__] += 1
        except Exception as error:  # every other failure is reported, not raised
            outcomes[type(error).__name__] += 1
            unexpected.append(traceback.format_exc())
        else:
            outcomes[CLAIMED] += 1
            winners.append(person)
        per_claim[transactions["count"] - before] += 1
    app.close()
    return {
        "outcomes": dict(outcomes),
        "winners": winners,
        "transactions_per_claim": {str(k): v for k, v in per_claim.items()},
        "unexpected": unexpected,
    }


def _count_write_transactions(store: Any) -> dict[str, int]:
    """Wrap the store's ``writing`` so that each write transaction opened is counted."""
    counter = {"count": 0}
    writing = store.writing

    @contextmanager
    def counted(stream_id: str) -> Iterator[Any]:
        counter["count"] += 1
        opened: AbstractContextManager[Any] = writing(stream_id)
        with opened as transaction:
            yield transaction

    store.writing = counted
    return counter


def open_in_step(start: float, urls: list[str]) -> list[str]:
    """Open (creating) each store at its moment; the tracebacks of those that failed."""
    failures = []
    for n, url in enumerate(urls):
        while time.time() < start + n * OPEN_EVERY:
            pass  # spin, to hit the same millisecond as the other processes
        try:
            open_store(url).close()
        except Exception:  # reported to the parent
            failures.append(traceback.format_exc())
    return failures


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "open":
        report: Any = open_in_step(float(args[0]), args[1:])
    else:
        url, task_id, *people = args
        report = main(url, task_id, people)
    print(json.dumps(report, ensure_ascii=False), flush=True)
