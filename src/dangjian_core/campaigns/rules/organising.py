"""部署 — launching a campaign, its fronts and problems, task forces and their members,
and the work a problem links to."""

from __future__ import annotations

from dangjian_core.campaigns.commands import (
    FormTaskForce,
    JoinTaskForce,
    LaunchCampaign,
    LeaveTaskForce,
    LinkWork,
    ListProblem,
    OpenFront,
)
from dangjian_core.campaigns.events import (
    CampaignEvent,
    CampaignFrontOpened,
    CampaignLaunched,
    CampaignProblemListed,
    CampaignWorkLinked,
    TaskForceFormed,
    TaskForceMemberJoined,
    TaskForceMemberLeft,
)
from dangjian_core.campaigns.rules.common import (
    LEADERSHIP,
    formed,
    not_after,
    not_before,
    problem_of,
    refuse,
)
from dangjian_core.campaigns.state import CampaignState
from dangjian_core.campaigns.values import LinkKind
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.people.state import PERSON
from dangjian_core.tasks.state import TASK
from dangjian_core.units.state import UNIT, UnitState
from dangjian_core.work.state import WORK_ITEM


def launch(command: LaunchCampaign, state: CampaignState | None) -> list[CampaignEvent]:
    """发起: ends no earlier than it starts; once launched, only the same launch."""
    event = CampaignLaunched(
        command.campaign_id, command.unit_id, command.name, command.starts, command.ends
    )
    if state is not None:
        same = (state.unit_id, state.name, state.starts, state.ends)
        if same == (event.unit_id, event.name, event.starts, event.ends):
            return []
        raise refuse(
            f"攻坚行动 {command.campaign_id} 已发起", f"campaign {command.campaign_id} exists"
        )
    if command.ends < command.starts:
        raise refuse("结束日期不能早于开始日期", "a campaign cannot end before it starts")
    return [event]


def open_front(command: OpenFront, campaign: CampaignState) -> list[CampaignEvent]:
    """战场: one id, one front."""
    name = campaign.fronts.get(command.front_id)
    if name == command.name:
        return []
    if name is not None:
        raise refuse(f"战场 {command.front_id} 已设立为「{name}」", f"{command.front_id} exists")
    return [CampaignFrontOpened(command.campaign_id, command.front_id, command.name)]


def list_problem(command: ListProblem, campaign: CampaignState) -> list[CampaignEvent]:
    """攻坚点: on an opened front; one id, one problem."""
    if command.front_id not in campaign.fronts:
        raise UnknownSubject(
            f"战场 {command.front_id} 未设立", f"front {command.front_id} was not opened"
        )
    known = campaign.problems.get(command.problem_id)
    if known is not None:
        if (known.front_id, known.title) == (command.front_id, command.title):
            return []
        raise refuse(f"攻坚点 {command.problem_id} 已列入", f"{command.problem_id} is listed")
    event = CampaignProblemListed(
        command.campaign_id, command.problem_id, command.front_id, command.title
    )
    return [event]


def form(command: FormTaskForce, campaign: CampaignState, unit: UnitState) -> list[CampaignEvent]:
    """攻坚党小组: led by the leadership team, formed once, not before the campaign."""
    problem = problem_of(campaign, command.problem_id)
    if problem.leader_id is not None:
        if problem.leader_id == command.leader_id:
            return []
        raise refuse(
            f"攻坚点 {problem.problem_id} 的攻坚党小组已组建,组长为 {problem.leader_id}",
            f"the task force of {problem.problem_id} is led by {problem.leader_id}",
        )
    if not unit.has_role(command.leader_id, LEADERSHIP, command.at):
        raise refuse(
            f"攻坚党小组组长须为 {unit.unit_id} 领导班子成员,{command.leader_id} 不是",
            f"a task force leader must be on the leadership team of {unit.unit_id}",
        )
    not_after(command.since, command.at)
    not_before(command.since, campaign.starts, "攻坚行动开始")
    return [
        TaskForceFormed(command.campaign_id, command.problem_id, command.leader_id, command.since)
    ]


def join(command: JoinTaskForce, campaign: CampaignState, facts: Facts) -> list[CampaignEvent]:
    """成员: registered, from a founded unit, dated, never overlapping, not the leader."""
    problem = formed(campaign, command.problem_id)
    current = problem.open_membership(command.person_id)
    if current is not None:
        if (current.capacity, current.home_unit_id) == (command.capacity, command.home_unit_id):
            return []
        raise refuse(f"{command.person_id} 已在攻坚党小组中", f"{command.person_id} serves")
    if facts.get(PERSON, command.person_id) is None:
        raise UnknownSubject(f"人员 {command.person_id} 未登记", f"{command.person_id} unknown")
    if facts.get(UNIT, command.home_unit_id) is None:
        raise UnknownSubject(
            f"组织 {command.home_unit_id} 不存在", f"unit {command.home_unit_id} does not exist"
        )
    if command.person_id == problem.leader_id:
        raise refuse("组长不另作成员加入", "the leader does not join as a member")
    not_after(command.since, command.at)
    not_before(command.since, problem.formed_on, "攻坚党小组组建")
    for past in problem.members:
        if past.person_id == command.person_id and past.until and command.since <= past.until:
            raise refuse(
                f"{command.person_id} 的任期与 {past.since}–{past.until} 重叠",
                f"overlaps the membership {past.since}–{past.until}",
            )
    joined = TaskForceMemberJoined(
        command.campaign_id,
        command.problem_id,
        command.person_id,
        command.capacity,
        command.home_unit_id,
        command.since,
    )
    return [joined]


def leave(command: LeaveTaskForce, campaign: CampaignState) -> list[CampaignEvent]:
    """退出: a serving member, on or after the day they joined."""
    problem = problem_of(campaign, command.problem_id)
    current = problem.open_membership(command.person_id)
    if current is None:
        ended = [m for m in problem.members if m.person_id == command.person_id]
        if ended and ended[-1].until == command.until:
            return []
        raise refuse(f"{command.person_id} 不是在任成员", f"{command.person_id} is not serving")
    not_after(command.until, command.at)
    not_before(command.until, current.since, "加入")
    left = TaskForceMemberLeft(
        command.campaign_id, command.problem_id, command.person_id, current.since, command.until
    )
    return [left]


def link(command: LinkWork, campaign: CampaignState, facts: Facts) -> list[CampaignEvent]:
    """关联: an existing task or work item, once."""
    problem = problem_of(campaign, command.problem_id)
    if (command.kind, command.target_id) in problem.links:
        return []
    if command.kind is LinkKind.TASK:
        exists = facts.get(TASK, command.target_id) is not None
    else:
        exists = facts.get(WORK_ITEM, command.target_id) is not None
    if not exists:
        raise UnknownSubject(
            f"{command.kind.zh} {command.target_id} 不存在", f"{command.target_id} does not exist"
        )
    return [
        CampaignWorkLinked(command.campaign_id, command.problem_id, command.kind, command.target_id)
    ]
