"""后续命令执行 — run the commands that follow a recorded event, after it committed.

The pure :func:`dangjian_core.development.policies.follow_ups` says what must follow (a
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

from adapters.app import Dangjian
from adapters.follow_up import FollowUpResult
from adapters.storage.mapper import recorded_of
from dangjian_core.development.state import DEVELOPMENT
from dangjian_core.evaluation.state import evaluation_id


def resume(app: Dangjian, unit_id: str, cycle: str) -> list[FollowUpResult]:
    """Run (again) the follow-ups of every event of a unit's development stream."""
    stream_id = DEVELOPMENT.id(evaluation_id(unit_id, cycle))
    return app.follow_up(recorded_of(row) for row in app.store.read_stream(stream_id))
