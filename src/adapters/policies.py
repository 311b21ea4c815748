"""后续命令执行 — run the commands that follow a recorded event, after it committed.

The pure :func:`dangjian_core.development.policy.follow_ups` says what must follow (a
confirmed list → each person's ``ChangePartyStatus``; members flagged for training → one
reserved ``IssueTask``) under deterministic command ids. ``Dangjian.handle`` runs them
itself after the triggering command commits (``Outcome.follow_ups``), each in its own
transaction; a follow-up already handled is answered from its command id instead of being
applied again, so :func:`resume` may run after a crash (or twice) safely. A
refused follow-up (the person left the road meanwhile, say) is reported, not raised: the
triggering event stands, and the refusal is in the attempts log for inspectors.
See docs/adr/0010-follow-up-commands.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from adapters.app import Dangjian, Outcome
from adapters.follow_up import FollowUpResult
from adapters.storage.mapper import recorded_of
from dangjian_core.catalog import DEVELOPMENT
from dangjian_core.evaluation.state import evaluation_id
from dangjian_core.shared.recorded import Recorded


def run_follow_ups(app: Dangjian, events: Iterable[Recorded[Any]]) -> list[FollowUpResult]:
    """Handle every follow-up of ``events`` (already committed), in order."""
    return app.follow_up(events)


def handle_with_follow_ups(
    app: Dangjian, command: Any, *, command_id: str | None = None
) -> tuple[Outcome, list[FollowUpResult]]:
    """Handle ``command``, then its follow-ups once it has committed."""
    outcome = app.handle(command, command_id=command_id)
    return outcome, list(outcome.follow_ups)


def resume(app: Dangjian, unit_id: str, cycle: str) -> list[FollowUpResult]:
    """Run (again) the follow-ups of every event of a unit's development stream."""
    stream_id = DEVELOPMENT.stream_id(evaluation_id(unit_id, cycle))
    return run_follow_ups(app, (recorded_of(row) for row in app.store.read_stream(stream_id)))
