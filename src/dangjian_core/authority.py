"""权限重放 — was each recorded event made by someone entitled to make it, then?

:func:`violation` re-checks one recorded event (its actor, time and facts) against a
directory as it stood just before the event, with the same rules the deciders use
(:mod:`dangjian_core.permissions`): ``None``, or the rule the actor broke. It covers every
event type in the catalog. :func:`audit` runs it over a whole log, folding the streams as
it goes, so an event written straight into the database by someone without the role is
flagged — the inspector's ``verify`` uses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from attrs import frozen

from dangjian_core import permissions as p
from dangjian_core.calendar.events import HolidaysDeclared, WorkdaysDeclared
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.catalog import (
    CALENDARS,
    CONCEPTS,
    EVALUATION,
    EVENT_NAMES,
    GRIDS,
    PEOPLE,
    TASKS,
    UNITS,
    WORK,
)
from dangjian_core.development.authority import DEVELOPMENT_EVENTS, development_violation
from dangjian_core.directory import Directory
from dangjian_core.evaluation.authority import EVALUATION_EVENTS, evaluation_violation
from dangjian_core.evaluation.standings import CycleLedger
from dangjian_core.evaluation.state import evaluation_id
from dangjian_core.grids.events import BlockLaidOut, VisitLogged
from dangjian_core.grids.pairing import visit_rule
from dangjian_core.grids.state import BlockState
from dangjian_core.people.decisions import PersonState
from dangjian_core.people.events import (
    MembershipTransferred,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.ratings.events import (
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.shared.recorded import Recorded
from dangjian_core.tasks.events import (
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    PointsRevoked,
    TaskCancelled,
    TaskClaimed,
    TaskEvent,
    TaskIssued,
)
from dangjian_core.tasks.state import TaskState
from dangjian_core.units.events import (
    BranchFounded,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
    UnitDissolved,
    UnitFounded,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.hierarchy import children_among, live_unit
from dangjian_core.units.roles import ADJUSTERS, ISSUERS, REVIEWERS, REVOKERS, Role
from dangjian_core.units.state import UnitState
from dangjian_core.work.events import WorkItemIssued, WorkShareAccepted
from dangjian_core.work.state import WorkItemState


@frozen
class Flag:
    """越权事件 — a recorded event whose actor was not entitled to it at the time."""

    position: int
    stream_id: str
    event_type: str
    actor_id: str
    rule: p.Rule


def violation(recorded: Recorded[Any], directory: Directory, before: Any) -> p.Rule | None:
    """The rule ``recorded``'s actor broke, or None. ``directory`` and ``before`` (the
    state of the event's own stream) are as they stood just before the event."""
    actor, at, event = recorded.actor_id, recorded.at, recorded.event
    if isinstance(event, _UNIT_EVENTS):
        return _unit_event(event, actor, at, directory, before)
    if isinstance(event, _PERSON_EVENTS):
        return _person_event(event, actor, at, directory, before)
    if isinstance(event, _RATING_EVENTS):
        return _rating_event(event, actor, at, directory)
    if isinstance(event, GRIDS.events):
        return _grid_event(event, actor, at, directory, before)
    if isinstance(event, EVALUATION_EVENTS):
        return evaluation_violation(event, actor, at, directory)
    if isinstance(event, DEVELOPMENT_EVENTS):
        return development_violation(event, actor, at, directory)
    if isinstance(event, HolidaysDeclared | WorkdaysDeclared):
        unit = directory.branch(event.unit_id)
        return p.keep_calendar(directory, unit, event.unit_id, actor, at)
    if isinstance(event, WORK.events):
        return _work_event(event, actor, at, directory, before)
    return _task_event(event, actor, at, directory, before)


def audit(log: Iterable[Recorded[Any]]) -> list[Flag]:
    """Every event in ``log`` (in log order) whose actor lacked the authority then."""
    concept_of = {event: c for c in CONCEPTS for event in c.events}
    states: dict[str, Any] = {}
    directory = _Streams(states)
    flags = []
    for recorded in log:
        concept = concept_of[type(recorded.event)]
        before = states.get(recorded.stream_id, concept.initial_state())
        try:
            rule = violation(recorded, directory, before)
            states[recorded.stream_id] = concept.evolve(before, recorded.event)
        except Exception as broken:  # a damaged log must be reported, not crash verify
            # Only a log that no decider could have written gets here (an event whose
            # stream was never begun, say, because earlier events are missing or damaged).
            rule = _unreplayable(recorded, broken)
        if rule is not None:
            name = EVENT_NAMES[type(recorded.event)]
            flags.append(Flag(recorded.position, recorded.stream_id, name, recorded.actor_id, rule))
    return flags


def _unreplayable(recorded: Recorded[Any], broken: Exception) -> p.Rule:
    return p.Rule(
        "unreplayable",
        f"第 {recorded.position} 条事件无法按历史重放(此前的事件缺失或损坏),无法核对操作人"
        f" {recorded.actor_id} 的职权",
        f"event at position {recorded.position} cannot be replayed on the history before it "
        f"({type(broken).__name__}); the authority of {recorded.actor_id} cannot be checked",
    )


class _Streams:
    """A directory over the states folded so far."""

    def __init__(self, states: dict[str, Any]) -> None:
        self._states = states

    def branch(self, branch_id: BranchId) -> Any:
        """The unit as folded so far."""
        return self._states.get(UNITS.stream_id(branch_id))

    def person(self, person_id: PersonId) -> Any:
        """The person as folded so far."""
        return self._states.get(PEOPLE.stream_id(person_id))

    def block(self, block_id: str) -> Any:
        """The grid block as folded so far."""
        return self._states.get(GRIDS.stream_id(block_id))

    def evaluation(self, unit_id: BranchId, cycle: str) -> Any:
        """The unit's evaluation for a cycle as folded so far."""
        return self._states.get(EVALUATION.stream_id(evaluation_id(unit_id, cycle)))

    def cycle_ledger(self, unit_id: BranchId, cycle: str) -> CycleLedger:  # noqa: ARG002
        """Not needed to judge authority: an empty ledger."""
        return CycleLedger()

    def children(self, unit_id: BranchId, at: datetime) -> list[UnitState]:
        """The living units under ``unit_id`` at ``at``, as folded so far."""
        prefix = UNITS.stream_id("")
        units = [s for k, s in self._states.items() if k.startswith(prefix) and s is not None]
        return children_among(self, units, unit_id, at)

    def calendar(self, calendar_id: str = "default") -> Calendar:
        """The calendar as folded so far."""
        state = self._states.get(CALENDARS.stream_id(calendar_id))
        calendar: Calendar = Calendar() if state is None else state.calendar
        return calendar

    def work_item(self, item_id: str) -> Any:
        """The work item as folded so far."""
        return self._states.get(WORK.stream_id(item_id))

    def task(self, task_id: str) -> Any:
        """The task as folded so far."""
        return self._states.get(TASKS.stream_id(task_id))


_UNIT_EVENTS = (
    BranchFounded,
    UnitFounded,
    UnitRenamed,
    UnitMoved,
    UnitMerged,
    UnitDissolved,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
)
_PERSON_EVENTS = (
    PersonRegistered,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonRenamed,
    ProbationExtended,
    MembershipTransferred,
)


def unknown(unit_id: object) -> p.Rule:
    """The rule for an event naming a unit or person nobody had recorded."""
    return p.Rule("unknown", f"{unit_id} 当时不存在", f"{unit_id} did not exist at the time")


def _unit(directory: Directory, unit_id: str | None) -> UnitState | p.Rule:
    unit = None if unit_id is None else directory.branch(BranchId(unit_id))
    return unknown(unit_id) if unit is None else unit


def _unit_event(
    event: Any, actor: str, at: datetime, directory: Directory, before: UnitState | None
) -> p.Rule | None:
    if isinstance(event, BranchFounded):
        return None  # a root branch: its founder becomes its superior
    if isinstance(event, UnitFounded):
        if event.parent_id is None:
            return None  # a root unit: its founder becomes its superior
        parent = _unit(directory, event.parent_id)
        return parent if isinstance(parent, p.Rule) else p.found_under(directory, parent, actor, at)
    if before is None:
        return unknown(getattr(event, "unit_id", getattr(event, "branch_id", "?")))
    match event:
        case UnitRenamed():
            return p.change_unit(directory, before, actor, at, p.RENAME)
        case UnitDissolved():
            return p.change_unit(directory, before, actor, at, p.DISSOLVE)
        case UnitMoved():
            return _two(directory, before, event.parent_id, actor, at, (p.MOVE, p.RECEIVE))
        case UnitMerged():
            return _two(directory, before, event.into_id, actor, at, (p.MERGE, p.MERGE_INTO))
        case RegionMemberAdded() | RegionMemberRemoved():
            member = _unit(directory, event.member_id)
            if isinstance(member, p.Rule):
                return member
            return p.change_unit(directory, before, actor, at, p.REGION) or p.change_unit(
                directory, member, actor, at, p.LINK
            )
        case RoleAssigned():
            return p.appoint(directory, before, actor, event.role, at, event.person_id)
        case RoleEnded():
            return p.appoint(directory, before, actor, event.role, at)
    raise AssertionError(f"not a unit event: {event!r}")


def _two(
    directory: Directory,
    unit: UnitState,
    target_id: str,
    actor: str,
    at: datetime,
    what: tuple[p.What, p.What],
) -> p.Rule | None:
    """Moving and merging need authority over the unit and over where it goes."""
    target = _unit(directory, target_id)
    if isinstance(target, p.Rule):
        return target
    return p.change_unit(directory, unit, actor, at, what[0]) or p.lead_unit(
        directory, target, actor, at, what[1]
    )


_RATING_EVENTS = (StarStandardSet, RatingProposed, RatingFixed, RatingLowered, RatingRemoved)


_PERSON_WHAT: dict[type[Any], p.What] = {
    PersonRegistered: p.REGISTER,
    PersonDetailsRecorded: p.DETAILS,
    PersonRenamed: p.RENAME_PERSON,
    PartyStatusChanged: p.CHANGE_STATUS,
    ProbationExtended: p.EXTEND,
}


def _person_event(
    event: Any, actor: str, at: datetime, directory: Directory, before: PersonState | None
) -> p.Rule | None:
    if isinstance(event, PersonRegistered):
        unit = _unit(directory, event.branch_id)
    elif before is None:
        return unknown(event.person_id)
    else:
        branch_id = before.branch_at(at)
        unit = live_unit(directory, branch_id, at) or _unit(directory, branch_id)
    if isinstance(unit, p.Rule):
        return unit
    if isinstance(event, MembershipTransferred):
        return p.lead_unit(directory, unit, actor, at, p.TRANSFER)
    return p.keep_roll(directory, unit, actor, at, _PERSON_WHAT[type(event)])


_TASK_RULES: dict[type[Any], tuple[tuple[Role, ...], p.What]] = {
    TaskIssued: (ISSUERS, p.ISSUE),
    TaskCancelled: (ISSUERS, p.CANCEL),
    CompletionApproved: (REVIEWERS, p.REVIEW),
    CompletionRejected: (REVIEWERS, p.REVIEW),
    PointsRevoked: (REVOKERS, p.REVOKE),
    PointsAdjusted: (ADJUSTERS, p.ADJUST),
}


def _task_event(
    event: TaskEvent | PointsAdjusted,
    actor: str,
    at: datetime,
    directory: Directory,
    before: TaskState | None,
) -> p.Rule | None:
    match event:
        case TaskClaimed() | ClaimWithdrawn() | CompletionSubmitted():
            return p.only_self(actor, event.claimant_id, p.CLAIM)
        case CompletionApproved() | CompletionRejected():
            rule = p.not_own_claim(actor, event.claimant_id)
            if rule is not None:
                return rule
    roles, what = _TASK_RULES[type(event)]
    if isinstance(event, TaskIssued | PointsAdjusted):
        unit = _unit(directory, event.branch_id)
    elif before is None:
        return unknown(event.task_id)
    else:
        branch_id = before.issued.branch_id
        unit = live_unit(directory, branch_id, at) or _unit(directory, branch_id)
    return unit if isinstance(unit, p.Rule) else p.hold_role(unit, actor, roles, at, what)


def _rating_event(
    event: RatingEvent, actor: str, at: datetime, directory: Directory
) -> p.Rule | None:
    """Standards from above the unit; ratings by its leaders or from above."""
    unit = _unit(directory, event.unit_id)
    if isinstance(unit, p.Rule):
        return unit
    if isinstance(event, StarStandardSet):
        return p.set_standards(directory, unit, actor, at)
    return p.rate(directory, unit, actor, at)


def _grid_event(
    event: Any, actor: str, at: datetime, directory: Directory, before: BlockState | None
) -> p.Rule | None:
    """Grid events: the branch's leaders; a visit also by the paired member themselves."""
    block = before
    if block is None and not isinstance(event, BlockLaidOut):
        return unknown(event.block_id)
    branch_id = event.branch_id if isinstance(event, BlockLaidOut) else block.branch_id  # type: ignore[union-attr]
    if isinstance(event, VisitLogged) and block is not None:
        return visit_rule(directory, block, event.person_id, actor, at)
    return p.lay_out_grid(directory, branch_id, actor, at)


def _work_event(
    event: Any, actor: str, at: datetime, directory: Directory, before: WorkItemState | None
) -> p.Rule | None:
    """Work items: the item's unit's leaders; a share is accepted by the receiving unit's."""
    if isinstance(event, WorkShareAccepted):
        return p.run_work(directory, event.unit_id, actor, at, p.ACCEPT_WORK)
    if isinstance(event, WorkItemIssued):
        return p.run_work(directory, event.unit_id, actor, at)
    if before is None:
        return unknown(event.item_id)
    return p.run_work(directory, before.unit_id, actor, at)
