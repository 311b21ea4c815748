"""完成情况 — what a claimant reported: the note and photos of their latest
``CompletionSubmitted`` on a task, and when. The read models keep a claim's status, not
its evidence, so this reads the few events of that claimant on that task from the log
itself (found through the ``audit`` read model, as the audit trail does): no stream is
folded."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from attrs import frozen

from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore
from adapters.storage.views import Selecting
from dangjian_core.tasks.events import CompletionSubmitted


@frozen
class Submission:
    """一次提交 — the note, the photos' hashes, the attempt and when it was sent."""

    note: str
    photos: tuple[str, ...]
    attempt: int
    at: datetime


def _positions(views: Selecting, subject: str) -> set[int]:
    return {int(row["position"] or 0) for row in views.select("audit", {"subject": subject})}


def positions(views: Selecting, task_id: str, person_id: str) -> set[int]:
    """Where the log holds the events of one claimant on one task."""
    return _positions(views, f"task:{task_id}") & _positions(views, f"person:{person_id}")


def latest(store: EventStore, found: Iterable[int], person_id: str) -> Submission | None:
    """The claimant's latest submission among the events at ``found`` (read these after
    the views' transaction has ended: one connection at a time)."""
    submission: Submission | None = None
    for row in store.read_positions(sorted(found)):
        recorded = recorded_of(row)
        event = recorded.event
        if isinstance(event, CompletionSubmitted) and event.claimant_id == person_id:
            submission = Submission(event.note, event.photos, event.attempt, recorded.at)
    return submission
