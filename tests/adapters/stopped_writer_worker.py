"""A writer that stops itself inside ``store.writing()`` (as Ctrl-Z on ``roster import``
would): ``python -m tests.adapters.stopped_writer_worker PATH``.

It opens the SQLite store, enters a write transaction, prints ``writing`` and sends itself
SIGSTOP, holding the writers' lock and SQLite's write lock until it is killed.
"""

from __future__ import annotations

import os
import signal
import sys

from adapters.storage.sqlite import SqliteEventStore


def main(path: str) -> None:
    """Enter ``writing()`` and stop there."""
    store = SqliteEventStore(path)
    with store.writing("stopped-writer"):
        print("writing", flush=True)
        os.kill(os.getpid(), signal.SIGSTOP)


if __name__ == "__main__":
    main(sys.argv[1])
