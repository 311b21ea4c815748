"""目录 — every concept's streams, commands, events and projections in one place.

The storage adapter reads this to route a command to its stream and decider, to give
each stored event a stable type name, and to know which read models to maintain.
Stored type names never change, even if a class is renamed or moved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from attrs import frozen

from dangjian_core import trail
from dangjian_core.calendar import commands as calendar_commands
from dangjian_core.calendar import decisions as calendar_decisions
from dangjian_core.calendar import events as calendar_events
from dangjian_core.calendar import projections as calendar_projections
from dangjian_core.development import commands as development_commands
from dangjian_core.development import decisions as development_decisions
from dangjian_core.development import events as development_events
from dangjian_core.development import policy as development_policy
from dangjian_core.development import projections as development_projections
from dangjian_core.development.policy import FollowUp
from dangjian_core.evaluation import commands as evaluation_commands
from dangjian_core.evaluation import decisions as evaluation_decisions
from dangjian_core.evaluation import events as evaluation_events
from dangjian_core.evaluation import projections as evaluation_projections
from dangjian_core.grids import commands as grid_commands
from dangjian_core.grids import decisions as grid_decisions
from dangjian_core.grids import events as grid_events
from dangjian_core.grids import projections as grid_projections
from dangjian_core.people import commands as people_commands
from dangjian_core.people import decisions as people_decisions
from dangjian_core.people import events as people_events
from dangjian_core.people import projections as people_projections
from dangjian_core.points import commands as points_commands
from dangjian_core.points import decisions as points_decisions
from dangjian_core.points import events as points_events
from dangjian_core.points import projections as points_projections
from dangjian_core.ratings import commands as rating_commands
from dangjian_core.ratings import decisions as rating_decisions
from dangjian_core.ratings import events as rating_events
from dangjian_core.ratings import projections as rating_projections
from dangjian_core.shared.readmodel import Change, Table
from dangjian_core.shared.recorded import Recorded
from dangjian_core.tasks import commands as task_commands
from dangjian_core.tasks import decisions as task_decisions
from dangjian_core.tasks import events as task_events
from dangjian_core.tasks import projections as task_projections
from dangjian_core.units import commands as unit_commands
from dangjian_core.units import decisions as unit_decisions
from dangjian_core.units import events as unit_events
from dangjian_core.units import projections as unit_projections
from dangjian_core.work import commands as work_commands
from dangjian_core.work import decisions as work_decisions
from dangjian_core.work import events as work_events
from dangjian_core.work import projections as work_projections


@frozen
class Concept:
    """概念 — one aggregate kind: its stream prefix, commands, events and decider."""

    name: str
    stream_prefix: str
    subject_field: str
    commands: tuple[type[Any], ...]
    events: tuple[type[Any], ...]
    initial_state: Callable[[], Any]
    decide: Callable[[Any, Any, Any], list[Any]]
    evolve: Callable[[Any, Any], Any]

    def stream_id(self, subject_id: str) -> str:
        """The stream holding the subject's events, e.g. ``task-T1``."""
        return f"{self.stream_prefix}-{subject_id}"


UNITS = Concept(
    "units",
    "branch",
    "unit_id",
    (
        unit_commands.FoundUnit,
        unit_commands.FoundBranch,
        unit_commands.RenameUnit,
        unit_commands.MoveUnit,
        unit_commands.MergeUnit,
        unit_commands.DissolveUnit,
        unit_commands.AddRegionMember,
        unit_commands.RemoveRegionMember,
        unit_commands.AppointRole,
        unit_commands.EndRole,
    ),
    (
        unit_events.BranchFounded,
        unit_events.UnitFounded,
        unit_events.UnitRenamed,
        unit_events.UnitMoved,
        unit_events.UnitMerged,
        unit_events.UnitDissolved,
        unit_events.RegionMemberAdded,
        unit_events.RegionMemberRemoved,
        unit_events.RoleAssigned,
        unit_events.RoleEnded,
    ),
    unit_decisions.initial_state,
    unit_decisions.decide,
    unit_decisions.evolve_state,
)
PEOPLE = Concept(
    "people",
    "person",
    "person_id",
    (
        people_commands.RegisterPerson,
        people_commands.RecordPersonDetails,
        people_commands.RenamePerson,
        people_commands.ChangePartyStatus,
        people_commands.ExtendProbation,
        people_commands.TransferMembership,
    ),
    (
        people_events.PersonRegistered,
        people_events.PartyStatusChanged,
        people_events.PersonDetailsRecorded,
        people_events.PersonRenamed,
        people_events.ProbationExtended,
        people_events.MembershipTransferred,
    ),
    people_decisions.initial_state,
    people_decisions.decide,
    people_decisions.evolve_state,
)
TASKS = Concept(
    "tasks",
    "task",
    "task_id",
    (
        task_commands.IssueTask,
        task_commands.ClaimTask,
        task_commands.WithdrawClaim,
        task_commands.SubmitCompletion,
        task_commands.ApproveCompletion,
        task_commands.RejectCompletion,
        task_commands.CancelTask,
        task_commands.RevokePoints,
    ),
    (
        task_events.TaskIssued,
        task_events.TaskClaimed,
        task_events.ClaimWithdrawn,
        task_events.CompletionSubmitted,
        task_events.CompletionApproved,
        task_events.CompletionRejected,
        task_events.TaskCancelled,
        task_events.PointsRevoked,
    ),
    task_decisions.initial_state,
    task_decisions.decide,
    task_decisions.evolve_state,
)
POINTS = Concept(
    "points",
    "adjustment",
    "adjustment_id",
    (points_commands.AdjustPoints,),
    (points_events.PointsAdjusted,),
    points_decisions.initial_state,
    points_decisions.decide,
    points_decisions.evolve_state,
)
GRIDS = Concept(
    "grids",
    "grid",
    "block_id",
    (
        grid_commands.LayOutBlock,
        grid_commands.AssignBlockPost,
        grid_commands.AddHousehold,
        grid_commands.LinkHousehold,
        grid_commands.ExemptFromLinking,
        grid_commands.PairHousehold,
        grid_commands.LogVisit,
    ),
    (
        grid_events.BlockLaidOut,
        grid_events.BlockPostAssigned,
        grid_events.HouseholdAdded,
        grid_events.HouseholdLinked,
        grid_events.LinkExemptionRecorded,
        grid_events.HouseholdPaired,
        grid_events.VisitLogged,
    ),
    grid_decisions.initial_state,
    grid_decisions.decide,
    grid_decisions.evolve_state,
)
RATINGS = Concept(
    "ratings",
    "rating",
    "board_id",
    (
        rating_commands.SetStarStandard,
        rating_commands.ProposeRating,
        rating_commands.FixRating,
        rating_commands.LowerRating,
        rating_commands.RemoveRating,
    ),
    (
        rating_events.StarStandardSet,
        rating_events.RatingProposed,
        rating_events.RatingFixed,
        rating_events.RatingLowered,
        rating_events.RatingRemoved,
    ),
    rating_decisions.initial_state,
    rating_decisions.decide,
    rating_decisions.evolve_state,
)
WORK = Concept(
    "work",
    "work",
    "item_id",
    (
        work_commands.IssueWorkItem,
        work_commands.AssignWorkShare,
        work_commands.AcceptWorkShare,
        work_commands.LinkTasks,
        work_commands.ReportWorkProgress,
        work_commands.ReviseWorkShare,
        work_commands.CancelWorkItem,
    ),
    (
        work_events.WorkItemIssued,
        work_events.WorkShareAssigned,
        work_events.WorkShareAccepted,
        work_events.TasksLinked,
        work_events.WorkProgressReported,
        work_events.WorkShareRevised,
        work_events.WorkItemCancelled,
    ),
    work_decisions.initial_state,
    work_decisions.decide,
    work_decisions.evolve_state,
)
CALENDARS = Concept(
    "calendars",
    "calendar",
    "calendar_id",
    (calendar_commands.DeclareHolidays, calendar_commands.DeclareWorkdays),
    (calendar_events.HolidaysDeclared, calendar_events.WorkdaysDeclared),
    calendar_decisions.initial_state,
    calendar_decisions.decide,
    calendar_decisions.evolve_state,
)
DEVELOPMENT = Concept(
    "development",
    "development",
    "development_id",
    (
        development_commands.ProposeList,
        development_commands.PostNotice,
        development_commands.FileObjection,
        development_commands.UpholdObjection,
        development_commands.DismissObjection,
        development_commands.ConfirmList,
        development_commands.CommendMembers,
        development_commands.FlagForTraining,
    ),
    (
        development_events.ListProposed,
        development_events.NoticePosted,
        development_events.ObjectionFiled,
        development_events.ObjectionUpheld,
        development_events.ObjectionDismissed,
        development_events.ListConfirmed,
        development_events.MembersCommended,
        development_events.TrainingFlagged,
    ),
    development_decisions.initial_state,
    development_decisions.decide,
    development_decisions.evolve_state,
)
EVALUATION = Concept(
    "evaluation",
    "evaluation",
    "evaluation_id",
    (
        evaluation_commands.AdoptScheme,
        evaluation_commands.SetQuota,
        evaluation_commands.ApplyDeduction,
        evaluation_commands.RecordVeto,
        evaluation_commands.ScoreActivist,
        evaluation_commands.PublishSnapshot,
        evaluation_commands.CloseCycle,
    ),
    (
        evaluation_events.SchemeAdopted,
        evaluation_events.QuotaSet,
        evaluation_events.DeductionApplied,
        evaluation_events.VetoRecorded,
        evaluation_events.ActivistScored,
        evaluation_events.SnapshotPublished,
        evaluation_events.CycleClosed,
    ),
    evaluation_decisions.initial_state,
    evaluation_decisions.decide,
    evaluation_decisions.evolve_state,
)
CONCEPTS = (UNITS, PEOPLE, TASKS, POINTS, RATINGS, GRIDS, WORK, CALENDARS, DEVELOPMENT, EVALUATION)

#: Stable stored names of every event type. These strings are a storage contract: a class
#: may be renamed or moved, but its stored name stays; a changed event gets a new name
#: (e.g. ``TaskIssued@2``) and an upcaster from the old one (see docs/programming-model.md).
EVENT_TYPES: Mapping[str, type[Any]] = {
    "BranchFounded": unit_events.BranchFounded,
    "UnitFounded": unit_events.UnitFounded,
    "UnitRenamed": unit_events.UnitRenamed,
    "UnitMoved": unit_events.UnitMoved,
    "UnitMerged": unit_events.UnitMerged,
    "UnitDissolved": unit_events.UnitDissolved,
    "RegionMemberAdded": unit_events.RegionMemberAdded,
    "RegionMemberRemoved": unit_events.RegionMemberRemoved,
    "RoleAssigned": unit_events.RoleAssigned,
    "RoleEnded": unit_events.RoleEnded,
    "PersonRegistered": people_events.PersonRegistered,
    "PartyStatusChanged": people_events.PartyStatusChanged,
    "PersonDetailsRecorded": people_events.PersonDetailsRecorded,
    "PersonRenamed": people_events.PersonRenamed,
    "ProbationExtended": people_events.ProbationExtended,
    "MembershipTransferred": people_events.MembershipTransferred,
    "TaskIssued": task_events.TaskIssued,
    "TaskClaimed": task_events.TaskClaimed,
    "ClaimWithdrawn": task_events.ClaimWithdrawn,
    "CompletionSubmitted": task_events.CompletionSubmitted,
    "CompletionApproved": task_events.CompletionApproved,
    "CompletionRejected": task_events.CompletionRejected,
    "TaskCancelled": task_events.TaskCancelled,
    "PointsRevoked": task_events.PointsRevoked,
    "PointsAdjusted": points_events.PointsAdjusted,
    "StarStandardSet": rating_events.StarStandardSet,
    "RatingProposed": rating_events.RatingProposed,
    "RatingFixed": rating_events.RatingFixed,
    "RatingLowered": rating_events.RatingLowered,
    "RatingRemoved": rating_events.RatingRemoved,
    "BlockLaidOut": grid_events.BlockLaidOut,
    "BlockPostAssigned": grid_events.BlockPostAssigned,
    "HouseholdAdded": grid_events.HouseholdAdded,
    "HouseholdLinked": grid_events.HouseholdLinked,
    "LinkExemptionRecorded": grid_events.LinkExemptionRecorded,
    "HouseholdPaired": grid_events.HouseholdPaired,
    "VisitLogged": grid_events.VisitLogged,
    "SchemeAdopted": evaluation_events.SchemeAdopted,
    "QuotaSet": evaluation_events.QuotaSet,
    "DeductionApplied": evaluation_events.DeductionApplied,
    "VetoRecorded": evaluation_events.VetoRecorded,
    "ActivistScored": evaluation_events.ActivistScored,
    "SnapshotPublished": evaluation_events.SnapshotPublished,
    "CycleClosed": evaluation_events.CycleClosed,
    "HolidaysDeclared": calendar_events.HolidaysDeclared,
    "WorkdaysDeclared": calendar_events.WorkdaysDeclared,
    "WorkItemIssued": work_events.WorkItemIssued,
    "WorkShareAssigned": work_events.WorkShareAssigned,
    "WorkShareAccepted": work_events.WorkShareAccepted,
    "TasksLinked": work_events.TasksLinked,
    "WorkProgressReported": work_events.WorkProgressReported,
    "WorkShareRevised": work_events.WorkShareRevised,
    "WorkItemCancelled": work_events.WorkItemCancelled,
    "ListProposed": development_events.ListProposed,
    "NoticePosted": development_events.NoticePosted,
    "ObjectionFiled": development_events.ObjectionFiled,
    "ObjectionUpheld": development_events.ObjectionUpheld,
    "ObjectionDismissed": development_events.ObjectionDismissed,
    "ListConfirmed": development_events.ListConfirmed,
    "MembersCommended": development_events.MembersCommended,
    "TrainingFlagged": development_events.TrainingFlagged,
}
if set(EVENT_TYPES.values()) != {event for concept in CONCEPTS for event in concept.events}:
    raise AssertionError("every event of every concept needs exactly one stable stored name")
EVENT_NAMES: Mapping[type[Any], str] = {cls: name for name, cls in EVENT_TYPES.items()}

_CONCEPT_OF_COMMAND = {command: c for c in CONCEPTS for command in c.commands}


def concept_of(command: Any) -> Concept:
    """The concept that decides ``command``."""
    try:
        return _CONCEPT_OF_COMMAND[type(command)]
    except KeyError:
        raise TypeError(f"not a dangjian command: {type(command).__name__}") from None


def stream_of(command: Any) -> str:
    """The id of the stream ``command`` is decided against."""
    concept = concept_of(command)
    return concept.stream_id(getattr(command, concept.subject_field))


@frozen
class Projection:
    """投影 — a read model: its tables, the pure function that changes them, and the
    event types it listens to (None: every event)."""

    name: str
    tables: tuple[Table, ...]
    project: Callable[[Recorded[Any]], list[Change]]
    listens_to: tuple[type[Any], ...] | None = None


PROJECTIONS = (
    Projection("units", unit_projections.TABLES, unit_projections.project_units, UNITS.events),
    Projection(
        "people", people_projections.TABLES, people_projections.project_people, PEOPLE.events
    ),
    Projection("tasks", task_projections.TABLES, task_projections.project_tasks, TASKS.events),
    Projection("points", points_projections.TABLES, points_projections.project_points),
    Projection("grids", grid_projections.TABLES, grid_projections.project_grids, GRIDS.events),
    Projection(
        "ratings", rating_projections.TABLES, rating_projections.project_ratings, RATINGS.events
    ),
    Projection(
        "work",
        work_projections.TABLES,
        work_projections.project_work,
        (*WORK.events, *work_projections.TASK_EVENTS),
    ),
    Projection(
        "calendars",
        calendar_projections.TABLES,
        calendar_projections.project_calendar,
        CALENDARS.events,
    ),
    Projection(
        "development",
        development_projections.TABLES,
        development_projections.project_development,
        DEVELOPMENT.events,
    ),
    Projection(
        "evaluation",
        evaluation_projections.TABLES,
        evaluation_projections.project_evaluation,
        EVALUATION.events,
    ),
    Projection("audit", trail.TABLES, trail.project_audit),
)
ALL_TABLES: tuple[Table, ...] = tuple(t for p in PROJECTIONS for t in p.tables)


_PROJECTORS = {
    event_type: tuple(
        p.project for p in PROJECTIONS if p.listens_to is None or event_type in p.listens_to
    )
    for event_type in EVENT_TYPES.values()
}


#: Process managers: what other streams must do after an event (ADR 0010).
POLICIES: tuple[Callable[[Recorded[Any]], list[FollowUp]], ...] = (development_policy.follow_ups,)


def follow_ups(recorded: Recorded[Any]) -> list[FollowUp]:
    """The commands that must follow one recorded event, with their command ids."""
    return [follow for policy in POLICIES for follow in policy(recorded)]


def project_all(recorded: Recorded[Any]) -> list[Change]:
    """Every row change one event makes across all read models."""
    return [c for project in _PROJECTORS[type(recorded.event)] for c in project(recorded)]
