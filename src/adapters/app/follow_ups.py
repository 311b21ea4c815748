"""后续命令 — run the commands that follow a recorded event, after it committed (ADR 0010).

Each concept's pure follow-up policy (``CONCEPT.follow_ups``; e.g.
:func:`dangjian_core.development.policies.follow_ups`) says what must follow (a confirmed
list → each person's ``ChangePartyStatus``; members flagged for training → one reserved
``IssueTask``) under deterministic command ids. ``Dangjian.handle`` runs them itself after
the triggering command commits (``Outcome.follow_ups``), each in its own transaction; a
follow-up already handled is answered from its command id instead of being applied again,
so :func:`resume` may run after a crash (or twice) safely. A refused follow-up (the person
left the road meanwhile, say) is reported, not raised: the triggering event stands, and the
refusal is in the attempts log for inspectors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from attrs import frozen

from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore
from dangjian_core.catalog import follow_ups, stream_of
from dangjian_core.development.state import DEVELOPMENT
from dangjian_core.evaluation.state import evaluation_id
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.recorded import Recorded

if TYPE_CHECKING:
    from adapters.app.handling import Outcome


@frozen
class FollowUpResult:
    """后续命令结果 — a follow-up's id, command, stream, and how it went."""

    command_id: str
    command: str
    stream_id: str
    ok: bool
    replayed: bool = False
    #: Recorded something now (False when answered again from the command id).
    changed: bool = False
    error: str = ""


class Handles(Protocol):
    """What runs follow-ups: the application's ``handle`` and ``follow_up``, on a store."""

    store: EventStore

    def handle(
        self, command: Any, *, command_id: str | None = None, follows: bool = False
    ) -> Outcome:
        """Decide and record a command, then its follow-ups."""

    def follow_up(self, events: Iterable[Recorded[Any]]) -> list[FollowUpResult]:
        """Handle the commands that follow ``events``."""


def run(app: Handles, events: Iterable[Recorded[Any]]) -> list[FollowUpResult]:
    """Handle the commands that follow ``events`` (already committed), in order.

    Each has a deterministic command id, so running them again answers the ones already
    handled. A refused follow-up is reported (and in the attempts log), not raised: the
    triggering event stands. A follow-up dated after the fact with the event it follows
    was admitted with it: the rules for late entries judged that event, not this.
    """
    results = []
    for recorded in events:
        for follow in follow_ups(recorded):
            name, stream = type(follow.command).__name__, stream_of(follow.command)
            try:
                done = app.handle(follow.command, command_id=follow.command_id, follows=True)
            except DomainError as refused:
                results.append(
                    FollowUpResult(follow.command_id, name, stream, False, error=str(refused))
                )
                continue
            fresh = done.changed and not done.replayed
            results.append(
                FollowUpResult(follow.command_id, name, stream, True, done.replayed, fresh)
            )
    return results


def resume(app: Handles, unit_id: str, cycle: str) -> list[FollowUpResult]:
    """Run (again) the follow-ups of every event of a unit's development stream."""
    stream_id = DEVELOPMENT.id(evaluation_id(unit_id, cycle))
    return app.follow_up(recorded_of(row) for row in app.store.read_stream(stream_id))


def summary(results: tuple[FollowUpResult, ...] | list[FollowUpResult]) -> str:
    """后续: one clause per follow-up command, in Chinese."""
    if not results:
        return "(无后续命令)"
    parts = []
    for result in results:
        state = "已执行" if result.changed else "已存在" if result.ok else f"被拒绝: {result.error}"
        parts.append(f"{result.command} {result.stream_id} {state}")
    return "后续: " + "; ".join(parts)
