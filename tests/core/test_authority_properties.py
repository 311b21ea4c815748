"""Authority replay agrees with the live checks, for random role histories and commands.

Given a random history of appointments and ends (some refused) on the 象珠镇 fixture and
then a random command of any concept:

- every event the live deciders accepted passes the replay (an honest log has no flags);
- the events a command produced, replayed against a *different* random role history,
  are flagged exactly when the live decision against that history refuses the command
  for want of authority (``Unauthorized`` or ``SelfReview``), and pass when it accepts.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.catalog import audit, decide, stream_of
from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    ExemptFromLinking,
    LayOutBlock,
    LinkHousehold,
    LogVisit,
    PairHousehold,
)
from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.kernel.errors import DomainError, Unauthorized
from dangjian_core.kernel.ids import AdjustmentId, BranchId, PersonId, TaskId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
)
from dangjian_core.people.events import Gender, PartyStatus
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.tasks.state import SelfReview
from dangjian_core.units.commands import (
    AddRegionMember,
    AppointRole,
    DissolveUnit,
    EndRole,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
)
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests.core.given import Village
from tests.core.org import (
    CHEN,
    COUNTY,
    DING,
    GROUP,
    GUANCHUAN,
    HOUSEHOLD,
    HU,
    LARGE,
    LV,
    QINGWEIJIE,
    REGION,
    SMALL,
    T1,
    TOWN,
    WANG,
    WU,
    ZONGZHI,
    later,
    task_town,
)

UNITS = (TOWN, ZONGZHI, QINGWEIJIE, GUANCHUAN, GROUP, REGION)
PEOPLE = (WANG, DING, HU, LV, CHEN, WU)
ACTORS = (COUNTY, *PEOPLE, "outsider")
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

units, people = st.sampled_from(UNITS), st.sampled_from(PEOPLE)
#: Leaders first, so that many commands get through and their events can be compared.
actors = st.one_of(st.sampled_from((WANG, DING, LV, HU)), st.sampled_from(ACTORS))
roles = st.sampled_from(list(Role))
#: The terms the fixture starts with, which a history may end.
KEY_TERMS = (
    (TOWN, WANG, Role.SECRETARY),
    (TOWN, DING, Role.ORGANIZING),
    (GUANCHUAN, HU, Role.SECRETARY),
    (QINGWEIJIE, LV, Role.SECRETARY),
)


@st.composite
def role_histories(draw: st.DrawFn) -> list[Any]:
    """Appointments and ends at increasing times, mostly from above (some get refused)."""
    commands: list[Any] = []
    hours = 24 * 5
    for _ in range(draw(st.integers(0, 10))):
        hours += draw(st.integers(1, 48))
        at = later(hours / 24)
        actor = draw(st.sampled_from((COUNTY, COUNTY, WANG, DING, LV, HU)))
        if draw(st.booleans()):
            unit, person, role = draw(st.sampled_from(KEY_TERMS))
            commands.append(EndRole(unit, person, role, "换届", actor, at))
        else:
            commands.append(AppointRole(draw(units), draw(people), draw(roles), actor, at))
    return commands


def _unit_commands(draw: st.DrawFn, actor: str, at: datetime) -> Any:
    unit, other = draw(units), draw(units)
    kind = draw(st.sampled_from(list(UnitKind)))
    parent = draw(st.one_of(st.none(), units))
    return draw(
        st.sampled_from(
            [
                FoundUnit(BranchId("u-new"), kind, "新组织", parent, 1, actor, at),
                RenameUnit(unit, "新名称", actor, at),
                MoveUnit(unit, other, "调整", actor, at),
                MergeUnit(unit, other, "合并", actor, at),
                DissolveUnit(unit, "撤销", actor, at),
                AddRegionMember(REGION, other, actor, at),
                RemoveRegionMember(REGION, QINGWEIJIE, "调整", actor, at),
                AppointRole(unit, draw(people), draw(roles), actor, at),
                EndRole(unit, draw(people), draw(roles), "免职", actor, at),
            ]
        )
    )


def _person_commands(draw: st.DrawFn, actor: str, at: datetime) -> Any:
    person = draw(people)
    status = draw(st.sampled_from(list(PartyStatus)))
    return draw(
        st.sampled_from(
            [
                RegisterPerson(
                    PersonId("p-new"), draw(units), "新人", status, date(2017, 1, 1), actor, at
                ),
                ChangePartyStatus(person, status, at.date(), "决议", actor, at),
                RenamePerson(person, "新名字", "错字", actor, at),
                RecordPersonDetails(person, Gender.FEMALE, 1980, "电话", "", actor, at),
                ExtendProbation(person, date(2019, 1, 1), "延长", actor, at),
            ]
        )
    )


def _task_commands(draw: st.DrawFn, actor: str, at: datetime) -> Any:
    claimant = draw(st.sampled_from((CHEN, WU, LV)))
    return draw(
        st.sampled_from(
            [
                IssueTask(
                    TaskId("T-new"),
                    draw(units),
                    "巡查",
                    "日常工作巡查",
                    3,
                    2,
                    at + timedelta(days=9),
                    (Audience.MEMBERS,),
                    SourceKind.VILLAGE,
                    "",
                    actor,
                    at,
                ),
                ClaimTask(T1, actor, at),
                WithdrawClaim(T1, actor, at),
                SubmitCompletion(T1, "完成", (), actor, at),
                ApproveCompletion(T1, claimant, None, "", actor, at),
                RejectCompletion(T1, claimant, "照片不清", actor, at),
                CancelTask(T1, "上级通知", actor, at),
                RevokePoints(T1, CHEN, "督查", actor, at),
                AdjustPoints(AdjustmentId("A-new"), QINGWEIJIE, claimant, 2, "表彰", actor, at),
            ]
        )
    )


def _grid_commands(draw: st.DrawFn, actor: str, at: datetime) -> Any:
    person, post = draw(people), draw(st.sampled_from(list(GridPost)))
    size = draw(st.sampled_from(list(BlockSize)))
    return draw(
        st.sampled_from(
            [
                LayOutBlock(
                    "b-new",
                    draw(units),
                    "新网格",
                    size,
                    draw(st.sampled_from((None, LARGE))),
                    actor,
                    at,
                ),
                AssignBlockPost(SMALL, post, person, actor, at),
                AddHousehold(SMALL, "h-new", "新户", draw(st.booleans()), actor, at),
                LinkHousehold(SMALL, HOUSEHOLD, person, actor, at),
                ExemptFromLinking(SMALL, person, "患病", actor, at),
                PairHousehold(SMALL, HOUSEHOLD, person, actor, at),
                LogVisit(SMALL, HOUSEHOLD, person, at.date(), "走访", actor, at),
            ]
        )
    )


@st.composite
def commands(draw: st.DrawFn) -> Any:
    """Any command of any concept, by any actor, after the role histories."""
    actor, at = draw(actors), later(40)
    family = draw(
        st.sampled_from([_unit_commands, _person_commands, _task_commands, _grid_commands])
    )
    return family(draw, actor, at)


def play(history: list[Any]) -> Village:
    """The task town after ``history`` (refusals skipped)."""
    village = task_town()
    for command in history:
        village.attempt(command)
    return village


def outcome(village: Village, command: Any) -> list[Any] | DomainError:
    """What the live decision says, without changing the village."""
    try:
        return decide(command, village.state_of(command), village.directory())
    except DomainError as refusal:
        return refusal


def recorded(village: Village, command: Any, events: list[Any]) -> list[Recorded[Any]]:
    """The events as the village would record them after its log."""
    stream, start = stream_of(command), len(village.log)
    version = village.versions.get(stream, 0)
    return [
        Recorded(start + i + 1, stream, version + i + 1, command.actor_id, command.at, event)
        for i, event in enumerate(events)
    ]


@PROPERTY
@for_all(role_histories(), commands())
def test_every_event_the_live_checks_accepted_passes_the_replay(
    history: list[Any], command: Any
) -> None:
    village = play(history)
    village.attempt(command)

    assert [] == audit(village.log)


@st.composite
def other_histories(draw: st.DrawFn, history: list[Any]) -> list[Any]:
    """Another role history: unrelated, or the same one with some key terms ended."""
    if draw(st.booleans()):
        return draw(role_histories())
    ended = draw(st.lists(st.sampled_from(KEY_TERMS), min_size=1, max_size=4, unique=True))
    return [*history, *(EndRole(u, p, r, "调离", COUNTY, later(35)) for u, p, r in ended)]


@PROPERTY
@for_all(st.data(), role_histories(), commands())
def test_the_replay_flags_an_event_exactly_when_the_live_check_would_refuse_its_actor(
    data: st.DataObject, history: list[Any], command: Any
) -> None:
    first = play(history)
    produced = outcome(first, command)
    if isinstance(produced, DomainError) or not produced:
        return
    second = play(data.draw(other_histories(history)))
    verdict = outcome(second, command)

    flags = audit([*second.log, *recorded(second, command, produced)])

    if isinstance(verdict, Unauthorized | SelfReview):
        assert flags, f"{command} was refused live ({verdict}) but not flagged"
    elif isinstance(verdict, list):
        assert [] == flags, f"{command} was accepted live but flagged: {flags}"
