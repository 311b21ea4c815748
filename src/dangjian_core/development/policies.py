"""发展约束与后续 — what other streams must do after a development event (a process manager).

A confirmed list moves each confirmed person to development candidate (发展对象) through
the person pipeline's own :class:`~dangjian_core.people.commands.ChangePartyStatus`, so its
rules apply (one year as activist, who keeps the roll). Members flagged for training get
one training task, reserved for them (:class:`~dangjian_core.tasks.commands.IssueTask`
with ``reserved_for``).

:func:`follow_ups` is pure: the same recorded event always gives the same commands with
the same command ids (``follow:<stream>:<version>:<what>``), so the adapter may run them
again after a crash and the store answers the ones already handled instead of applying
them twice (docs/adr/0010-follow-up-commands.md).
"""

from __future__ import annotations

from typing import Any

from dangjian_core.development.events import ListConfirmed, TrainingFlagged
from dangjian_core.kernel.concept import FollowUp
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import cycle_label
from dangjian_core.people.commands import ChangePartyStatus
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import IssueTask
from dangjian_core.tasks.events import Audience, SourceKind

#: The category of the training tasks issued to members flagged for training.
TRAINING_CATEGORY = "学习培训"


def follow_ups(recorded: Recorded[Any]) -> list[FollowUp]:
    """The commands that follow from one recorded event (none for most events)."""
    event = recorded.event
    prefix = f"follow:{recorded.stream_id}:{recorded.version}"
    if isinstance(event, ListConfirmed):
        return [
            FollowUp(f"{prefix}:{person_id}", _candidate(recorded, event, person_id))
            for person_id in event.confirmed
        ]
    if isinstance(event, TrainingFlagged) and event.flagged:
        return [FollowUp(f"{prefix}:task", _training(recorded, event))]
    return []


def _candidate(recorded: Recorded[Any], event: ListConfirmed, person_id: str) -> ChangePartyStatus:
    reason = f"{event.unit_id} {cycle_label(event.cycle)} 发展对象名单公示期满, 经确定列为发展对象"
    return ChangePartyStatus(
        person_id,  # type: ignore[arg-type]
        PartyStatus.CANDIDATE,
        event.since,
        reason,
        recorded.actor_id,
        recorded.at,
    )


def _training(recorded: Recorded[Any], event: TrainingFlagged) -> IssueTask:
    return IssueTask(
        event.task_id,
        event.unit_id,
        f"党员培训和引导 ({cycle_label(event.cycle)})",
        TRAINING_CATEGORY,
        event.points,
        len(event.flagged),
        event.deadline,
        (Audience.MEMBERS,),
        SourceKind.VILLAGE,
        "",
        recorded.actor_id,
        recorded.at,
        reserved_for=tuple(member.person_id for member in event.flagged),
    )
