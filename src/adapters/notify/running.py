"""运行循环 — step the notifier, sleep until there is something to do, stop when asked.

``once``: stop when every robot has reached the log's end (waiting out rate limits and
retries on the way: a cron run ends having tried everything once it may). Otherwise run
until ``should_stop``, polling the log every ``poll`` seconds; when the store is away (a
dropped connection, a busy lock), say so and try again, the wait doubling up to 30 s. A
damaged event stops it: waiting mends nothing. SIGTERM and Ctrl-C ask it to stop after
the post in hand (:func:`stop_on_signals`).
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from adapters.notify.notifier import Notifier
from adapters.storage.errors import CorruptEvent, StorageError

#: The longest wait for a store that went away, and the longest nap between checks of
#: ``should_stop`` (so SIGTERM is heeded within it even during a long backoff).
MAX_STORE_WAIT = 30.0
NAP = 0.2


def follow(
    notifier: Notifier,
    *,
    once: bool,
    poll: float,
    should_stop: Callable[[], bool],
    on_unavailable: Callable[[StorageError, float], None] = lambda _error, _wait: None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Run the notifier until done (``once``) or stopped."""
    wait = poll
    while not should_stop():
        try:
            wake = notifier.step()
        except CorruptEvent:
            raise
        except StorageError as error:
            if once:
                raise
            on_unavailable(error, wait)
            _nap(wait, should_stop, sleep, clock)
            wait = min(wait * 2, MAX_STORE_WAIT)
            continue
        wait = poll
        if wake is None:
            if once:
                return
            _nap(poll, should_stop, sleep, clock)
        elif (delay := wake - clock()) > 0:
            _nap(delay if once else min(delay, poll), should_stop, sleep, clock)


def _nap(
    seconds: float,
    should_stop: Callable[[], bool],
    sleep: Callable[[float], None],
    clock: Callable[[], float],
) -> None:
    until = clock() + seconds
    while not should_stop() and (left := until - clock()) > 0:
        sleep(min(left, NAP))


@contextmanager
def stop_on_signals() -> Iterator[Callable[[], bool]]:
    """SIGTERM and Ctrl-C ask the loop to stop after the post in hand (handlers restored
    after)."""
    asked: list[int] = []

    def ask(signum: int, _frame: FrameType | None) -> None:
        asked.append(signum)

    previous = {sig: signal.signal(sig, ask) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield lambda: bool(asked)
    finally:
        for sig, handler in previous.items():
            if handler is not None:  # None: set outside Python, nothing to put back
                signal.signal(sig, handler)
