"""攻坚命令 — launch a campaign, open its fronts, list its problems; form a problem's task
force, let members join and leave; start the problem, set its milestones, report their
progress, complete it; link the tasks and work items it spawned. Each names its campaign,
actor and time; dates (``since``, ``on``) are the days things happened."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from attrs import field, frozen, validators

from dangjian_core.campaigns.values import Capacity, LinkKind, day, measured
from dangjian_core.kernel.ids import BranchId, PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between, text

#: The most milestones one problem holds.
MAX_MILESTONES = 50


@frozen
class LaunchCampaign:
    """发起攻坚行动 — a unit's leaders launch a campaign from ``starts`` to ``ends``."""

    campaign_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    name: str = field(validator=text(1, 60))
    starts: date = field(validator=day)
    ends: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class OpenFront:
    """设立战场 — a front of the campaign (a battle, a battlefield)."""

    campaign_id: str = field(validator=check_id)
    front_id: str = field(validator=check_id)
    name: str = field(validator=text(1, 60))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ListProblem:
    """列入攻坚点 — a key problem on a front."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    front_id: str = field(validator=check_id)
    title: str = field(validator=text(1, 100))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class FormTaskForce:
    """组建攻坚党小组 — a problem's task force, led by a member of the leadership team."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    leader_id: PersonId = field(validator=check_id)
    since: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class JoinTaskForce:
    """加入攻坚党小组 — a person from any unit joins a task force in a capacity."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    capacity: Capacity = field(validator=validators.instance_of(Capacity))
    home_unit_id: BranchId = field(validator=check_id)
    since: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class LeaveTaskForce:
    """退出攻坚党小组 — a member's membership ends on ``until``."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    until: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class StartProblem:
    """启动攻坚点 — work on a problem starts on ``on``."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    on: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class SetMilestone:
    """设定节点目标 — a dated milestone with a target in a real unit (``"30.3208"`` 公顷,
    decimal text)."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    milestone_no: int = field(validator=int_between(1, MAX_MILESTONES))
    title: str = field(validator=text(1, 100))
    due: date = field(validator=day)
    target: str = field(validator=measured(Decimal("0.000001")))
    measure: str = field(validator=text(1, 10))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ReportMilestoneProgress:
    """报告节点进展 — the result measured so far (cumulative) on ``on``, with evidence;
    ``over_fulfilment`` to record a result beyond the target as 超额完成."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    milestone_no: int = field(validator=int_between(1, MAX_MILESTONES))
    achieved: str = field(validator=measured(Decimal(0)))
    on: date = field(validator=day)
    evidence: str = field(validator=text(1, 200))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    over_fulfilment: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class CompleteProblem:
    """攻坚点完成 — every milestone reached, the problem is completed on ``on``."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    on: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class LinkWork:
    """关联工作 — a task or work item the problem spawned, by its id."""

    campaign_id: str = field(validator=check_id)
    problem_id: str = field(validator=check_id)
    kind: LinkKind = field(validator=validators.instance_of(LinkKind))
    target_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


CampaignCommand = (
    LaunchCampaign
    | OpenFront
    | ListProblem
    | FormTaskForce
    | JoinTaskForce
    | LeaveTaskForce
    | StartProblem
    | SetMilestone
    | ReportMilestoneProgress
    | CompleteProblem
    | LinkWork
)
