"""攻坚状态 — one campaign as folded from its stream: its fronts, its problems with their
task forces (dated memberships), milestones and linked work; and the refusals of campaign
commands. The task force belongs to the campaign, not to the unit tree."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from attrs import field, frozen

from dangjian_core.campaigns.values import Capacity, LinkKind, amount
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId, PersonId


@frozen
class Membership:
    """攻坚党小组成员任期 — one period a person served on a task force: in what capacity,
    drawn from which unit, from ``since`` to ``until`` (None while serving)."""

    person_id: PersonId
    capacity: Capacity
    home_unit_id: BranchId
    since: date
    until: date | None = None

    def covers(self, day: date) -> bool:
        """Whether the person served on ``day``."""
        return self.since <= day and (self.until is None or day <= self.until)


@frozen
class Milestone:
    """节点 — a milestone: what, by when, its target in a unit of measure, and the result
    last reported (None before any report), with whether it was recorded as 超额完成."""

    milestone_no: int
    title: str
    due: date
    target: str
    measure: str
    achieved: str | None = None
    over_fulfilment: bool = False
    last_on: date | None = None
    evidence: str = ""

    @property
    def reached(self) -> bool:
        """Whether the last reported result meets the target."""
        return self.achieved is not None and amount(self.achieved) >= amount(self.target)

    @property
    def target_amount(self) -> Decimal:
        """The target as a decimal."""
        return amount(self.target)


@frozen
class Problem:
    """攻坚点 — a key problem on a front: its task force (leader and memberships), when it
    started and was completed, its milestones by number, and its linked work."""

    problem_id: str
    front_id: str
    title: str
    leader_id: PersonId | None = None
    formed_on: date | None = None
    members: tuple[Membership, ...] = ()
    started_on: date | None = None
    completed_on: date | None = None
    milestones: Mapping[int, Milestone] = field(factory=dict)
    links: tuple[tuple[LinkKind, str], ...] = ()

    def serving(self, person_id: str, day: date) -> Membership | None:
        """The person's membership covering ``day``, if any."""
        return next((m for m in self.members if m.person_id == person_id and m.covers(day)), None)

    def open_membership(self, person_id: str) -> Membership | None:
        """The person's membership not yet ended, if any."""
        return next((m for m in self.members if m.person_id == person_id and m.until is None), None)


@frozen
class CampaignState:
    """攻坚行动 — a campaign: the unit that launched it, its name and period, its fronts
    (id → name) and its problems by id."""

    campaign_id: str
    unit_id: BranchId
    name: str
    starts: date
    ends: date
    fronts: Mapping[str, str] = field(factory=dict)
    problems: Mapping[str, Problem] = field(factory=dict)


#: A campaign's stream, ``campaign-<campaign id>``; None before it is launched.
CAMPAIGN: Stream[CampaignState | None] = Stream("campaign", nothing)


class CampaignError(DomainError):
    """攻坚错误 — a campaign command was refused by a rule of campaigns and task forces;
    the message names the rule."""

    code = "campaign"
