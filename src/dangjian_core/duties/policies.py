"""职责后续 — a problem found on patrol becomes a task or a work item of the duty's unit in
one step (ADR 0010): the problem's event is followed by the tasks concept's
:class:`~dangjian_core.tasks.commands.IssueTask` or the work concept's
:class:`~dangjian_core.work.commands.IssueWorkItem`, decided under their own rules with
the reporting leader's authority. Pure: the same recorded event always gives the same
command under the same id (``follow:<stream>:<version>:<what>``)."""

from __future__ import annotations

from typing import Any

from dangjian_core.duties.events import FollowKind, ProblemFollow, ProblemReported, ProblemRouted
from dangjian_core.kernel.concept import FollowUp
from dangjian_core.kernel.ids import TaskId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.commands import IssueTask
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.work.commands import IssueWorkItem
from dangjian_core.work.events import WorkItemId

#: The category of the tasks problems found on patrol become.
PATROL_CATEGORY = "巡查问题"


def follow_ups(recorded: Recorded[Any]) -> list[FollowUp]:
    """The task or work item a problem becomes (none for other events)."""
    event = recorded.event
    if not isinstance(event, ProblemReported | ProblemRouted) or event.follow is None:
        return []
    prefix = f"follow:{recorded.stream_id}:{recorded.version}"
    return [
        FollowUp(f"{prefix}:{event.follow.kind.value}", _command(recorded, event, event.follow))
    ]


def _command(
    recorded: Recorded[Any], event: ProblemReported | ProblemRouted, follow: ProblemFollow
) -> IssueTask | IssueWorkItem:
    unit_id = event.unit_id
    reference = f"巡查问题 {event.duty_id}/{event.problem_id}"
    if follow.kind == FollowKind.TASK:
        return IssueTask(
            TaskId(follow.follow_id),
            unit_id,
            follow.title,
            PATROL_CATEGORY,
            follow.points,
            follow.slots,
            follow.deadline,
            (Audience.MEMBERS,),
            SourceKind.VILLAGE,
            reference,
            recorded.actor_id,
            recorded.at,
        )
    return IssueWorkItem(
        WorkItemId(follow.follow_id),
        unit_id,
        follow.title,
        follow.measure,
        follow.target,
        follow.deadline,
        recorded.actor_id,
        recorded.at,
    )
