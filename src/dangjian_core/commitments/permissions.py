"""承诺权限 — a member pledges for themself, a party group or branch through its leaders
(or from above it); the branch committee (or a level above) vets, posts, changes,
moderates, records the meeting's and the representatives' assessment and concludes —
never on its own pledges; the owner reports progress; anyone leaves feedback; the unit's
leaders adopt the assessment rule. :func:`replay` asks the same of a recorded event,
from the event and the facts alone."""

from __future__ import annotations

from datetime import datetime
from typing import assert_never

from dangjian_core.commitments.events import (
    AssessmentConcluded,
    AssessmentRuleAdopted,
    CommitmentAssessed,
    CommitmentEvent,
    CommitmentPosted,
    CommitmentSubmitted,
    PledgeApproved,
    PledgeChanged,
    PledgeDrafted,
    PledgeFeedbackHidden,
    PledgeFeedbackLeft,
    PledgeFeedbackShown,
    PledgeProgressReported,
    PledgeReturned,
    PledgeRevised,
    PledgeWithdrawn,
)
from dangjian_core.commitments.state import CommitmentBook
from dangjian_core.commitments.values import AssessorBody
from dangjian_core.kernel.authority import Rule, What, only_self
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import above
from dangjian_core.units.permissions import known, lead_unit
from dangjian_core.units.roles import Role, role_list
from dangjian_core.units.state import UNIT, UnitState

#: The branch committee (支部委员会), who vet, post and assess on the branch's behalf.
COMMITTEE = (
    Role.SECRETARY,
    Role.DEPUTY_SECRETARY,
    Role.ORGANIZING,
    Role.PUBLICITY,
    Role.DISCIPLINE,
)
#: Who pledges for a party group or branch (a collective commitment).
COLLECTIVE_LEADERS = (Role.SECRETARY, Role.ORGANIZING, Role.GROUP_LEADER)
#: The giver of feedback who is on no roll: a villager, named, with a contact.
PUBLIC = "public"

ADOPT_RULE: What = ("采用评诺规则", "adopt the assessment rule of")
PLEDGE: What = ("作承诺", "pledge")
VET: What = ("审核承诺", "vet the commitments of")
POST: What = ("公示承诺", "post the commitments of")
WITHDRAW: What = ("撤回承诺事项", "withdraw pledges of")
CHANGE: What = ("变更承诺事项", "change pledges of")
REPORT: What = ("报告践诺进展", "report progress")
MODERATE: What = ("处理群众意见", "moderate the feedback on the commitments of")
ASSESS: What = ("记录评诺", "record the assessments of")
CONCLUDE: What = ("确定评诺结果", "conclude the assessments of")


def adopt_rule(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """评诺规则: the unit's secretary or organizing member, or a level above it."""
    return lead_unit(facts, unit, actor_id, at, ADOPT_RULE)


def pledge(facts: Facts, pledger_id: str, actor_id: str, at: datetime) -> Rule | None:
    """承诺: a member only for themself; a party group's or branch's collective commitment
    by its secretary, organizing member or group leader, or from a level above it."""
    group = facts.get(UNIT, pledger_id)
    if group is None:
        return only_self(actor_id, pledger_id, PLEDGE)
    if group.has_role(actor_id, COLLECTIVE_LEADERS, at) or above(facts, group, actor_id, at):
        return None
    zh, en = role_list(COLLECTIVE_LEADERS)
    return Rule(
        "pledge_for",
        f"{actor_id} 无权为 {pledger_id} 作集体承诺(需其{zh}或上级)",
        f"{actor_id} may not pledge for {pledger_id}: needs one of its {en}, or a level above",
    )


def committee(
    facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """支部委员会: a member of the unit's committee, or someone from a level above it."""
    if unit.has_role(actor_id, COMMITTEE, at) or above(facts, unit, actor_id, at):
        return None
    zh, en = role_list(COMMITTEE)
    return Rule(
        "committee",
        f"{actor_id} 无权{what[0]} {unit.unit_id}(需其{zh}或上级)",
        f"{actor_id} may not {what[1]} {unit.unit_id}: needs one of its {en}, or a level above",
    )


def not_own(actor_id: str, *whose: str) -> Rule | None:
    """Nobody vets or assesses (for others) their own commitment or pledge."""
    if actor_id not in whose:
        return None
    return Rule(
        "self_vet",
        f"{actor_id} 不能审核、评议本人的承诺",
        f"{actor_id} may not vet or assess their own commitment",
    )


def vet(
    facts: Facts,
    unit: UnitState,
    actor_id: str,
    at: datetime,
    whose: tuple[str, str],
    what: What = VET,
) -> Rule | None:
    """审诺、变更: the committee, never on a pledge the actor owns or pledged."""
    return committee(facts, unit, actor_id, at, what) or not_own(actor_id, *whose)


def withdraw(
    facts: Facts, unit: UnitState, pledger_id: str, posted: bool, actor_id: str, at: datetime
) -> Rule | None:
    """撤回: before posting, the pledger's side or the committee; after, the committee."""
    if not posted and pledge(facts, pledger_id, actor_id, at) is None:
        return None
    return committee(facts, unit, actor_id, at, WITHDRAW)


def report(actor_id: str, owner_id: str) -> Rule | None:
    """践诺: the owner of the pledge reports its progress."""
    return only_self(actor_id, owner_id, REPORT)


def give_feedback(facts: Facts, actor_id: str) -> Rule | None:
    """群众监督: anyone — a registered person, or a villager as :data:`PUBLIC` (with a
    name and contact, kept private)."""
    if actor_id == PUBLIC or facts.get(PERSON, actor_id) is not None:
        return None
    return Rule(
        "unknown_giver",
        f"{actor_id} 不是登记人员; 群众提意见请以 {PUBLIC} 身份并留下姓名和联系方式",
        f"{actor_id} is not registered; a villager gives feedback as {PUBLIC}, with a name "
        "and contact",
    )


def assess(
    facts: Facts,
    unit: UnitState,
    pledger_id: str,
    body: AssessorBody,
    actor_id: str,
    at: datetime,
) -> Rule | None:
    """评诺: self-assessment by whoever pledged; the meeting's and the representatives'
    grades recorded by the committee, never on the actor's own commitment."""
    if body is AssessorBody.SELF:
        return pledge(facts, pledger_id, actor_id, at)
    return committee(facts, unit, actor_id, at, ASSESS) or not_own(actor_id, pledger_id)


def conclude(
    facts: Facts, unit: UnitState, pledger_id: str, actor_id: str, at: datetime
) -> Rule | None:
    """确定评诺结果: the committee, never on the actor's own commitment."""
    return committee(facts, unit, actor_id, at, CONCLUDE) or not_own(actor_id, pledger_id)


def replay(
    recorded: Recorded[CommitmentEvent],
    facts: Facts,
    before: CommitmentBook | None,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded commitment event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, PledgeFeedbackLeft):
        return give_feedback(facts, actor)
    unit = known(facts, event.unit_id)
    if isinstance(unit, Rule):
        return unit
    match event:
        case AssessmentRuleAdopted():
            return adopt_rule(facts, unit, actor, at)
        case PledgeDrafted() | PledgeRevised() | CommitmentSubmitted():
            return pledge(facts, event.pledger_id, actor, at)
        case PledgeApproved() | PledgeReturned():
            return vet(facts, unit, actor, at, (event.owner_id, event.pledger_id))
        case PledgeChanged():
            return vet(facts, unit, actor, at, (event.owner_id, event.pledger_id), CHANGE)
        case CommitmentPosted():
            return committee(facts, unit, actor, at, POST)
        case PledgeWithdrawn():
            return withdraw(facts, unit, event.pledger_id, event.posted, actor, at)
        case PledgeProgressReported():
            return report(actor, event.owner_id)
        case PledgeFeedbackShown() | PledgeFeedbackHidden():
            return committee(facts, unit, actor, at, MODERATE)
        case CommitmentAssessed():
            return assess(facts, unit, event.pledger_id, event.body, actor, at)
        case AssessmentConcluded():
            return conclude(facts, unit, event.pledger_id, actor, at)
        case _:
            assert_never(event)
