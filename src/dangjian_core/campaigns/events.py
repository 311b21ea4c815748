"""攻坚事件 — a campaign launched with its fronts and problems; a problem's task force
(攻坚党小组) formed with its leader, members joining and leaving on dates; the problem
started, its milestones set with measured targets, progress reported with evidence, the
problem completed; tasks and work items linked to it.

One stream per campaign, ``campaign-<campaign id>``. Amounts are the canonical text of a
decimal (:func:`~dangjian_core.campaigns.values.amount_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from attrs import frozen

from dangjian_core.campaigns.values import Capacity, LinkKind
from dangjian_core.kernel.ids import BranchId, PersonId


@frozen
class CampaignLaunched:
    """攻坚行动已发起 — a unit launched a campaign (攻坚点、促提升; 三场硬仗) running from
    ``starts`` to ``ends``."""

    TITLE: ClassVar[str] = "攻坚行动已发起"

    campaign_id: str
    unit_id: BranchId
    name: str
    starts: date
    ends: date


@frozen
class CampaignFrontOpened:
    """攻坚战场已设立 — a front of the campaign (a battle or battlefield: 交通项目大会战)."""

    TITLE: ClassVar[str] = "攻坚战场已设立"

    campaign_id: str
    front_id: str
    name: str


@frozen
class CampaignProblemListed:
    """攻坚点已列入 — a key problem (重难点问题) listed on a front."""

    TITLE: ClassVar[str] = "攻坚点已列入"

    campaign_id: str
    problem_id: str
    front_id: str
    title: str


@frozen
class TaskForceFormed:
    """攻坚党小组已组建 — a problem's task force, led from ``since`` by a member of the
    campaign unit's leadership team."""

    TITLE: ClassVar[str] = "攻坚党小组已组建"

    campaign_id: str
    problem_id: str
    leader_id: PersonId
    since: date


@frozen
class TaskForceMemberJoined:
    """攻坚党小组成员已加入 — a person drawn from ``home_unit_id`` (any unit) joined a
    problem's task force from ``since``, in a capacity."""

    TITLE: ClassVar[str] = "攻坚党小组成员已加入"

    campaign_id: str
    problem_id: str
    person_id: PersonId
    capacity: Capacity
    home_unit_id: BranchId
    since: date


@frozen
class TaskForceMemberLeft:
    """攻坚党小组成员已退出 — the membership that began ``since`` ended ``until``."""

    TITLE: ClassVar[str] = "攻坚党小组成员已退出"

    campaign_id: str
    problem_id: str
    person_id: PersonId
    since: date
    until: date


@frozen
class CampaignProblemStarted:
    """攻坚点已启动 — work on a problem started on ``on``."""

    TITLE: ClassVar[str] = "攻坚点已启动"

    campaign_id: str
    problem_id: str
    on: date


@frozen
class MilestoneSet:
    """节点目标已设定 — milestone ``milestone_no`` of a problem: what, by when, and the
    target in a real unit of measure (``"30.3208"`` 公顷, ``"231"`` 穴)."""

    TITLE: ClassVar[str] = "节点目标已设定"

    campaign_id: str
    problem_id: str
    milestone_no: int
    title: str
    due: date
    target: str
    measure: str


@frozen
class MilestoneProgressReported:
    """节点进展已报告 — a task-force member measured a milestone's result so far on
    ``on`` (``achieved``, cumulative), with evidence; ``over_fulfilment`` when the result
    passes the target and is recorded as 超额完成."""

    TITLE: ClassVar[str] = "节点进展已报告"

    campaign_id: str
    problem_id: str
    milestone_no: int
    reporter_id: PersonId
    on: date
    achieved: str
    evidence: str
    over_fulfilment: bool


@frozen
class CampaignProblemCompleted:
    """攻坚点已完成 — every milestone reached, the problem was completed on ``on``."""

    TITLE: ClassVar[str] = "攻坚点已完成"

    campaign_id: str
    problem_id: str
    on: date


@frozen
class CampaignWorkLinked:
    """攻坚点已关联工作 — a task or work item the problem spawned, linked by its id; its
    progress rolls up into the problem's."""

    TITLE: ClassVar[str] = "攻坚点已关联工作"

    campaign_id: str
    problem_id: str
    kind: LinkKind
    target_id: str


CampaignEvent = (
    CampaignLaunched
    | CampaignFrontOpened
    | CampaignProblemListed
    | TaskForceFormed
    | TaskForceMemberJoined
    | TaskForceMemberLeft
    | CampaignProblemStarted
    | MilestoneSet
    | MilestoneProgressReported
    | CampaignProblemCompleted
    | CampaignWorkLinked
)

#: Stable stored name → event class (the storage contract; never rename a key).
EVENTS: Mapping[str, type[CampaignEvent]] = {
    "CampaignLaunched": CampaignLaunched,
    "CampaignFrontOpened": CampaignFrontOpened,
    "CampaignProblemListed": CampaignProblemListed,
    "TaskForceFormed": TaskForceFormed,
    "TaskForceMemberJoined": TaskForceMemberJoined,
    "TaskForceMemberLeft": TaskForceMemberLeft,
    "CampaignProblemStarted": CampaignProblemStarted,
    "MilestoneSet": MilestoneSet,
    "MilestoneProgressReported": MilestoneProgressReported,
    "CampaignProblemCompleted": CampaignProblemCompleted,
    "CampaignWorkLinked": CampaignWorkLinked,
}
