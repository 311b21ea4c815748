"""A racing process with many threads (``python -m tests.adapters.thread_race_worker``).

``URL TASK THREADS PERSON...``: opens one application on the store URL (its connection
pool sized by the URL), starts THREADS threads sharing the people, says ``ready``, waits
for a line on stdin (the starting gun), then every thread has each of its people claim
the task once — exactly one ``handle`` call per person, never a retry — and prints one
JSON line: outcomes counted by exception class name, the winners, how many write
transactions each claim took, and any unexpected traceback.
"""

from __future__ import annotations

import json
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from adapters.app import Dangjian, open_app
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.state import NoSlotsLeft
from tests.support import later

CLAIMED = "claimed"


class Report:
    """What the threads saw, gathered under one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.outcomes: Counter[str] = Counter()
        self.per_claim: Counter[int] = Counter()
        self.winners: list[str] = []
        self.unexpected: list[str] = []

    def as_json(self) -> dict[str, Any]:
        """The report the parent checks."""
        return {
            "outcomes": dict(self.outcomes),
            "winners": self.winners,
            "transactions_per_claim": {str(k): v for k, v in self.per_claim.items()},
            "unexpected": self.unexpected,
        }


def _count_per_thread(app: Dangjian) -> threading.local:
    """Wrap the store's ``writing`` so each thread counts the write transactions it opens."""
    counts = threading.local()
    writing = app.store.writing

    @contextmanager
    def counted(stream_id: str) -> Iterator[Any]:
        counts.n = getattr(counts, "n", 0) + 1
        with writing(stream_id) as transaction:
            yield transaction

    app.store.writing = counted  # type: ignore[method-assign]
    return counts


def _claim_all(app: Dangjian, task_id: str, people: list[str], counts: Any, out: Report) -> None:
    for person in people:
        before = getattr(counts, "n", 0)
        try:
            app.handle(ClaimTask(task_id, person, later(1)))
            outcome, error_text = CLAIMED, ""
        except NoSlotsLeft:
            outcome, error_text = NoSlotsLeft.__name__, ""
        except Exception as error:  # every other failure is reported, not raised
            outcome, error_text = type(error).__name__, traceback.format_exc()
        with out.lock:
            out.outcomes[outcome] += 1
            out.per_claim[getattr(counts, "n", 0) - before] += 1
            if outcome == CLAIMED:
                out.winners.append(person)
            if error_text:
                out.unexpected.append(error_text)


def main(url: str, task_id: str, threads: int, people: list[str]) -> dict[str, Any]:
    """Race for the task from ``threads`` threads; the report the parent checks."""
    app = open_app(url)
    counts = _count_per_thread(app)
    out = Report()
    gun = threading.Event()

    def lane(share: list[str]) -> None:
        gun.wait()
        _claim_all(app, task_id, share, counts, out)

    pool = [threading.Thread(target=lane, args=(people[i::threads],)) for i in range(threads)]
    for thread in pool:
        thread.start()
    print("ready", flush=True)
    sys.stdin.readline()
    gun.set()
    for thread in pool:
        thread.join()
    app.close()
    return out.as_json()


if __name__ == "__main__":
    url, task, threads, *names = sys.argv[1:]
    print(json.dumps(main(url, task, int(threads), names), ensure_ascii=False), flush=True)
