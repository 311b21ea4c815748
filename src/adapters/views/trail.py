"""审计轨迹查询 — every event about a subject, found through the ``audit`` read model,
read from the log itself and described in Chinese, with when each was recorded and
whether it was entered late (补录: recorded after its time by more than the clock skew)
and who entered it when not its actor (代录)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adapters.storage.mapper import decode
from adapters.storage.store import EventStore, StoredRow
from adapters.storage.views import Rows, Selecting
from dangjian_core.catalog import EVENT_NAMES
from dangjian_core.kernel.time import entered_late
from dangjian_core.kernel.trail import describe

#: Tells an event in words (e.g. the CLI's :func:`adapters.cli.messages.sentence`).
Say = Callable[[Any], str]


def positions(views: Selecting, subject: str) -> list[int]:
    """The log positions of every event of ``branch:ID`` (any unit; its tasks' events
    included), ``task:ID`` or ``person:ID``, in order."""
    subjects = [subject]
    if subject.startswith("branch:"):
        branch_id = subject.removeprefix("branch:")
        tasks = views.select("tasks", {"branch_id": branch_id})
        subjects += [f"task:{task['task_id']}" for task in tasks]
    found = {
        int(row["position"] or 0) for s in subjects for row in views.select("audit", {"subject": s})
    }
    return sorted(found)


def trail(store: EventStore, subject: str, at: list[int], say: Say | None = None) -> Rows:
    """The events at the positions ``at``, each as a described row of the subject's trail;
    with ``say``, each row also has the event told as a ``sentence`` (the CLI's words)."""
    rows = []
    for row in store.read_positions(at):
        described, event = _trail_row(subject, row)
        if say is not None:
            described["sentence"] = say(event)
        rows.append(described)
    return rows


def _trail_row(subject: str, row: StoredRow) -> tuple[dict[str, Any], object]:
    recorded, envelope = decode(
        row.topic, row.state, position=row.position, stream_id=row.stream_id, version=row.version
    )
    return {
        "subject": subject,
        "position": recorded.position,
        "stream_id": recorded.stream_id,
        "version": recorded.version,
        "event_type": EVENT_NAMES[type(recorded.event)],
        "actor_id": recorded.actor_id,
        "at": recorded.at.isoformat(),
        "summary": describe(recorded.event),
        "recorded_at": envelope.recorded_at.isoformat(),
        "late": entered_late(recorded.at, envelope.recorded_at),
        "entered_by": envelope.entered_by,
        "late_reason": envelope.late_reason,
    }, recorded.event
