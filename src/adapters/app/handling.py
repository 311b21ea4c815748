"""命令处理 — the write path: lock the stream, recall the command id, top up the cached
state, decide, append at the next version, remember the command id, all in one
transaction. A refused command is kept in the attempts log, raises, and writes nothing.

What a decision knows of other streams and read models it asks of
:class:`adapters.app.facts.StoreFacts`, under the same lock; the write path reads no
views (an import-linter contract keeps it so).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs
from attrs import frozen

from adapters.app import attempts
from adapters.app.facts import StoreFacts
from adapters.app.follow_ups import FollowUpResult
from adapters.app.idempotency import answer_again, digests, recorded_again
from adapters.storage.errors import StorageError, VersionConflict
from adapters.storage.folding import Folded, StateCache, top_up
from adapters.storage.mapper import Envelope, decode, encode
from adapters.storage.store import CommandRecord, EventStore, NewEvent
from dangjian_core.catalog import concept_of, decide, stream_of, violation
from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.errors import (
    DomainError,
    InvalidCommand,
    LateEntryRefused,
    OutOfTimeOrder,
    Unauthorized,
)
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import is_valid_id
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import (
    HISTORY_WINDOW,
    LOCAL,
    check_not_future,
    entered_late,
    local,
)
from dangjian_core.people.late_entry import late_entry


@frozen
class Outcome:
    """结果 — the events a command recorded; ``replayed`` when its id was seen before."""

    events: tuple[Recorded[Any], ...]
    replayed: bool = False
    #: The commands that followed in other streams, each handled in its own transaction
    #: after this one committed (a confirmed list → each person to 发展对象; ADR 0010).
    follow_ups: tuple[FollowUpResult, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the command recorded anything."""
        return bool(self.events)


#: How many times a command is decided when another writer keeps appending first.
CONFLICT_RETRIES = 3


def in_time_order(stream_id: str, last_at: datetime | None, at: datetime) -> None:
    """Refuse to record events dated before the stream's latest event (its history is
    kept in time order: the order of the log is the order of the claims)."""
    if last_at is not None and at < last_at:
        raise OutOfTimeOrder(
            f"命令时间 {at.isoformat()} 早于 {stream_id} 的上一条记录({last_at.isoformat()})，"
            "请按时间顺序录入",
            f"{stream_id} already has an event at {last_at.isoformat()}, after this "
            f"command's time {at.isoformat()}: enter a subject's history in time order",
        )


def still_entitled(
    concept: Concept[Any, Any, Any],
    stream_id: str,
    version: int,
    state: Any,
    events: list[Any],
    command: Any,
    now: datetime,
    facts: Facts,
) -> None:
    """补录 — a late entry's events must be allowed to its actor also at the time of
    recording: nobody who has since lost a role enters what the role allowed by dating it
    back to when they held it. Asked of the authority replay, as an inspector would."""
    before = state
    for i, event in enumerate(events):
        seen_now = Recorded(0, stream_id, version + i + 1, command.actor_id, now, event)
        rule = violation(seen_now, facts, before)
        if rule is not None:
            raise Unauthorized(
                f"{rule.zh}(补录须录入时仍有此职权)",
                f"{rule.en} (a late entry needs the authority also when it is recorded)",
            )
        before = concept.evolve(before, event)


@frozen
class Entry:
    """录入 — how a command came in: who typed it for its actor (代录; empty when the actor
    did), the reason given for entering it after its time (补录), and when the store went
    live (None: empty, or a command stamped at the server's time)."""

    entered_by: str = ""
    late_reason: str = ""
    went_live: datetime | None = None
    #: A follow-up of an event already admitted (its lateness was judged with that event).
    follows: bool = False


def admit_late(actor_id: str, at: datetime, entry: Entry, now: datetime, facts: Facts) -> None:
    """补录 — an entry recorded after its time. History (dated before the store went live)
    is admitted in the store's first :data:`HISTORY_WINDOW`; anything later follows the
    rule of the actor's unit (:func:`dangjian_core.people.late_entry.late_entry`): its
    window, a reason, and a role that may enter late, held by whoever typed it."""
    if entry.follows:
        return
    if entry.went_live is None or at < entry.went_live:
        if entry.went_live is not None and now - entry.went_live > HISTORY_WINDOW:
            raise LateEntryRefused(
                f"系统自 {local(entry.went_live):%Y-%m-%d} 启用已超过 "
                f"{HISTORY_WINDOW.days} 天,启用前的历史不能再补录",
                f"the store went live on {entry.went_live.isoformat()}, more than "
                f"{HISTORY_WINDOW.days} days ago: its history can no longer be entered",
            )
        return
    enterer = entry.entered_by or actor_id
    rule = late_entry(facts, actor_id, enterer, at, now, entry.late_reason)
    if rule is not None:
        raise LateEntryRefused(rule.zh, rule.en)


class Handler:
    """命令处理 — decides and records one command at a time on a store, with a cache of
    folded stream states shared by the application's threads."""

    def __init__(self, store: EventStore, clock: Callable[[], datetime], cache: StateCache):
        self.store = store
        self._clock = clock
        self._cache = cache
        self._went_live: datetime | None = None

    def went_live(self) -> datetime | None:
        """When the store went live: the recording time of its first event (None while it
        is empty). What is dated before it is the store's history, typed in from paper."""
        if self._went_live is None:
            first = self.store.read_log(0, 1)
            if first:
                row = first[0]
                _, envelope = decode(
                    row.topic,
                    row.state,
                    position=row.position,
                    stream_id=row.stream_id,
                    version=row.version,
                )
                self._went_live = envelope.recorded_at
        return self._went_live

    def decided(
        self,
        command: Any,
        command_id: str | None = None,
        entered_by: str = "",
        *,
        stamp: bool = False,
        late_reason: str = "",
        follows: bool = False,
    ) -> Outcome:
        """Decide and record one command (follow-ups not run); a repeated ``command_id``
        is answered, not re-applied. ``entered_by`` names who typed it in when that is
        not the actor (代录); it goes into each event's envelope, as does ``late_reason``
        for an entry recorded after its time (补录, see :func:`admit_late`). ``stamp``: the command
        happens now — its time is taken again under the stream's lock (never before the
        stream's latest event), so commands of several processes at the server's time
        are recorded in the order of their times.

        The stream is locked from load to append, so handled commands never race each
        other; should a writer that takes no stream lock (a bulk load) get in first, the
        stream is reloaded and the command decided again, a bounded number of times.
        """
        command_id = command_id or uuid.uuid4().hex
        concept, stream_id = concept_of(command), stream_of(command)
        digest, *earlier = digests(command)
        proxy = "" if entered_by == command.actor_id else entered_by
        if proxy and not is_valid_id(proxy):
            raise InvalidCommand(
                f"录入人编号格式不对: {proxy!r}", f"malformed entered_by id {proxy!r}"
            )
        entry = Entry(proxy, late_reason.strip(), None if stamp else self.went_live(), follows)
        args = (command, concept, stream_id, command_id, (digest, earlier), entry, stamp)
        try:
            for _ in range(CONFLICT_RETRIES - 1):
                try:
                    return self._handle(*args)
                except VersionConflict:
                    self._cache.forget(stream_id)
            return self._handle(*args)
        except StorageError:
            # a commit shared with other commands failed: states they folded into the
            # cache may hold events that never committed
            self._cache.clear()
            raise

    def _handle(
        self,
        command: Any,
        concept: Concept[Any, Any, Any],
        stream_id: str,
        command_id: str,
        digests_: tuple[str, list[str]],
        entry: Entry,
        stamp: bool = False,
    ) -> Outcome:
        digest, earlier = digests_
        refusal: DomainError | None = None
        with self.store.writing(stream_id) as tx:
            # the command id and the stream's new events in one go (one round trip)
            cached = self._cache.get(concept, stream_id)
            record, rows = tx.recall_and_read(command_id, stream_id, cached.version)
            if record is not None:
                return Outcome(answer_again(tx, record, (digest, *earlier)), replayed=True)
            folded = top_up(concept, cached, rows)
            version, state = folded.version, folded.state
            if stamp:
                now = self._clock().astimezone(LOCAL)
                command = attrs.evolve(command, at=max(now, folded.last_at or now))
                digest, *earlier = digests(command)
            facts = StoreFacts(tx, self._cache, self.store)
            try:
                now = self._clock()
                check_not_future(command.at, now)
                events = decide(command, state, facts)
                if events:
                    in_time_order(stream_id, folded.last_at, command.at)
                late = entered_late(command.at, now)
                if late and events:
                    admit_late(command.actor_id, command.at, entry, now, facts)
                if late:
                    still_entitled(concept, stream_id, version, state, events, command, now, facts)
            except DomainError as refused:
                # Kept in the attempts log by this same transaction; no event is written.
                tx.log_attempt(
                    attempts.decided(command, stream_id, command_id, refused, self._clock())
                )
                refusal = refused
            else:
                envelope = Envelope(
                    command.actor_id,
                    command.at,
                    command_id,
                    self._clock(),
                    entry.entered_by,
                    entry.late_reason if late else "",
                )
                new = [
                    NewEvent(version + i + 1, *encode(e, envelope)) for i, e in enumerate(events)
                ]
                positions = tx.append(stream_id, new) if new else []
                tx.remember(CommandRecord(command_id, digest, stream_id, version + 1, len(new)))
        if refusal is not None:
            raise refusal
        for event in events:
            state = concept.evolve(state, event)
        last_at = command.at if events else folded.last_at
        self._cache.put(stream_id, Folded(version + len(events), state, last_at))
        return Outcome(
            tuple(
                Recorded(pos, stream_id, e.version, command.actor_id, command.at, event)
                for pos, e, event in zip(positions, new, events, strict=True)
            )
        )

    def judge(self, key: str, question: Callable[[Facts, datetime], Rule | None]) -> Rule | None:
        """Ask a rule of the core now, outside any command (may this reader see that?),
        reading its facts as a decision would; ``key`` names the lock it is asked under."""
        with self.store.writing(f"judge:{key}") as tx:
            return question(StoreFacts(tx, self._cache, self.store), self._clock())

    def recall(self, command_id: str) -> Outcome | None:
        """What a command id recorded, if it was handled."""
        with self.store.writing(f"recall:{command_id}") as tx:
            record = tx.recall(command_id)
            return None if record is None else Outcome(recorded_again(tx, record), replayed=True)
