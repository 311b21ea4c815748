"""党建应用 — :class:`Dangjian`, the one object services, the CLI and the web hold: the
write path (:mod:`~adapters.app.handling`, its follow-ups and bulk load) and the read
side (:class:`adapters.views.queries.Queries`) over one store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import attrs

from adapters.app import attempts, bulk, follow_ups
from adapters.app.bulk import HistoryItem
from adapters.app.follow_ups import FollowUpResult
from adapters.app.handling import Handler, Outcome
from adapters.logs import logger
from adapters.storage import projector
from adapters.storage.folding import StateCache
from adapters.storage.mapper import recorded_of
from adapters.storage.store import Attempt, EventStore
from adapters.storage.urls import open_store
from adapters.views.queries import Queries
from dangjian_core.commands import Command
from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, build
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import LOCAL

C = TypeVar("C")
_log = logger("app")


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Dangjian:
    """党建应用 — commands in, events recorded, read models out."""

    def __init__(self, store: EventStore, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self.store = store
        self._clock = clock
        self._cache = StateCache()
        self._handler = Handler(store, clock, self._cache)
        self.queries = Queries(store)

    def handle(
        self,
        command: Command,
        *,
        command_id: str | None = None,
        entered_by: str = "",
        stamp: bool = False,
        late_reason: str = "",
        follows: bool = False,
    ) -> Outcome:
        """Decide and record one command, then the commands that follow it; a repeated
        ``command_id`` is answered, not re-applied (see :meth:`Handler.decided`).
        ``entered_by``: who typed the command in for its actor (代录), if someone else;
        ``stamp``: the command happens now, its ``at`` taken under the stream's lock;
        ``late_reason``: why it is entered after its time (补录), which the rules for late
        entries ask for; ``follows``: a follow-up of an event already admitted."""
        name = type(command).__name__
        try:
            outcome = self._handler.decided(
                command,
                command_id,
                entered_by,
                stamp=stamp,
                late_reason=late_reason,
                follows=follows,
            )
        except DangjianError as refused:
            _log.info("%s refused (%s), command id %s", name, refused.code, command_id or "-")
            raise
        if outcome.events:
            positions = [recorded.position for recorded in outcome.events]
            again = " (answered again)" if outcome.replayed else ""
            _log.info("%s recorded at %s, command id %s%s", name, positions, command_id, again)
        if not outcome.events:
            return outcome
        # Also when answered again: a retry after a crash finishes the follow-ups.
        return attrs.evolve(outcome, follow_ups=tuple(self.follow_up(outcome.events)))

    def follow_up(self, events: Iterable[Recorded[Any]]) -> list[FollowUpResult]:
        """Handle the commands that follow ``events`` (already committed), in order; a
        refused one is reported, not raised (:func:`adapters.app.follow_ups.run`)."""
        return follow_ups.run(self, events)

    def now(self) -> datetime:
        """The server's time, in 北京时间: the ``at`` of every command an adapter builds
        for an authenticated person (no client chooses it)."""
        return self._clock().astimezone(LOCAL)

    def build(self, command_type: type[C], /, *, command_id: str = "", **fields: Any) -> C:
        """Build a command from untrusted input (:func:`dangjian_core.kernel.errors.build`);
        a shape refusal is kept in the attempts log (personal data masked) and raised."""
        try:
            return build(command_type, **fields)
        except InvalidCommand as refused:
            attempt = attempts.shaped(command_type, fields, command_id, refused, self._clock())
            with self.store.writing(f"attempt:{command_type.__name__}") as tx:
                tx.log_attempt(attempt)
            raise

    def submit(
        self,
        command_type: type[Any],
        /,
        *,
        command_id: str,
        fresh: bool = False,
        entered_by: str = "",
        **fields: Any,
    ) -> Outcome:
        """Build a command at the server's time (:meth:`now`) and handle it: how adapters
        that serve authenticated people act, no client choosing ``at``. The time is taken
        again under the stream's lock (``stamp``), so requests racing in several worker
        processes are recorded in the order of their times. A retried
        ``command_id`` is rebuilt at the time it was first recorded, so the same command
        is answered again and a different one under that id refused; a first attempt that
        recorded nothing is answered as it was. ``fresh``: the id was just made, so there
        is nothing to recall."""
        at = self.now()
        earlier = None if fresh else self.recall(command_id)
        if earlier is not None:
            if not earlier.events:
                return earlier
            at = earlier.events[0].at
        command = self.build(command_type, command_id=command_id, at=at, **fields)
        first = earlier is None  # a first attempt is stamped with the time it is decided
        return self.handle(command, command_id=command_id, entered_by=entered_by, stamp=first)

    def attempts(self, after_id: int = 0, limit: int = 1000) -> list[Attempt]:
        """The attempts log: refused commands after an id, oldest first."""
        return self.store.read_attempts(after_id, limit)

    def went_live(self) -> datetime | None:
        """When the store went live (its first event's recording time; None while empty):
        what is dated before it is history typed in from paper."""
        return self._handler.went_live()

    def judge(self, key: str, question: Callable[[Facts, datetime], Rule | None]) -> Rule | None:
        """The rule ``question`` finds broken now (None: allowed), asked of the store's
        facts at the server's time — for what adapters show rather than record."""
        return self._handler.judge(key, question)

    def recall(self, command_id: str) -> Outcome | None:
        """What a command id recorded, if it was handled — so a retry can be answered from
        the id alone, without rebuilding the original command."""
        return self._handler.recall(command_id)

    def load(
        self,
        history: Iterable[HistoryItem],
        *,
        batch: int = 10_000,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Bulk-load decided history (imports, generated datasets), many events per transaction.

        This bypasses ``decide``: use it only for histories produced by the deciders
        (e.g. :mod:`benchmarks.generate`) or exported from another store.
        """
        total = bulk.load(self.store, history, self._clock, batch=batch, progress=progress)
        self._cache.clear()
        return total

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Bring the materialised views up to the log; returns how many events were applied."""
        return projector.catch_up(self.store, progress=progress)

    def follow(self, after: int = 0, limit: int = 1000) -> list[Recorded[Any]]:
        """The event feed: up to ``limit`` recorded events after a global position."""
        return [recorded_of(r) for r in self.store.read_log(after, limit)]

    def feed(self, after: int = 0, page: int = 1000) -> Iterator[Recorded[Any]]:
        """Every recorded event after a position, read page by page until the end."""
        while batch := self.follow(after, page):
            yield from batch
            after = batch[-1].position

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()

    def __enter__(self) -> Dangjian:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_app(
    url: str | None = None, *, clock: Callable[[], datetime] = _utc_now, create: bool = True
) -> Dangjian:
    """Open the application on a store URL (``sqlite:///path.db``, a path, ``memory://``,
    ``postgresql://…``); ``create=False`` refuses a SQLite file that does not exist."""
    return Dangjian(open_store(url, create=create), clock=clock)
