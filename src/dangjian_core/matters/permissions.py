"""村务决策权限 — the village's secretary or organizing member (or a level above) adopts
the procedure and keeps the rolls; the branch committee (or a level above) opens matters,
records the steps, the publications, the implementation and the answers to objections;
anyone objects to a publication (a villager as :data:`PUBLIC`, with a name and contact).
:func:`replay` asks the same of a recorded event."""

from __future__ import annotations

from datetime import datetime
from typing import assert_never

from dangjian_core.kernel.authority import Rule, What
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.matters.events import (
    ImplementationRecorded,
    MatterEvent,
    MatterNoticePublished,
    MatterObjectionAnswered,
    MatterObjectionFiled,
    MatterOpened,
    MeetingHeld,
    ProcedureAdopted,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.rolls import COMMITTEE
from dangjian_core.matters.state import VillageMatters
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import above
from dangjian_core.units.permissions import known, lead_unit
from dangjian_core.units.roles import role_list
from dangjian_core.units.state import UnitState

#: The objector who is on no roll: a villager, named, with a contact.
PUBLIC = "public"

ADOPT: What = ("采用决策程序", "adopt the decision procedure of")
ROLL: What = ("登记议事名册", "set the rolls of")
OPEN: What = ("村务事项立项", "open matters of")
RECORD: What = ("记录决策步骤", "record the decision steps of")
PUBLISH: What = ("公开村务", "publish the matters of")
IMPLEMENT: What = ("记录实施结果", "record the implementation of")
ANSWER: What = ("答复异议", "answer objections to")


def lead(facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What) -> Rule | None:
    """程序、名册: the unit's secretary or organizing member, or a level above it."""
    return lead_unit(facts, unit, actor_id, at, what)


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


def object_to(facts: Facts, actor_id: str) -> Rule | None:
    """群众监督: anyone — a registered person, or a villager as :data:`PUBLIC`."""
    if actor_id == PUBLIC or facts.get(PERSON, actor_id) is not None:
        return None
    return Rule(
        "unknown_objector",
        f"{actor_id} 不是登记人员; 群众提出异议请以 {PUBLIC} 身份并留下姓名和联系方式",
        f"{actor_id} is not registered; a villager objects as {PUBLIC}, with a name and contact",
    )


def replay(
    recorded: Recorded[MatterEvent],
    facts: Facts,
    before: VillageMatters | None,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded decision event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, MatterObjectionFiled):
        return object_to(facts, actor)
    unit = known(facts, event.unit_id)
    if isinstance(unit, Rule):
        return unit
    match event:
        case ProcedureAdopted():
            return lead(facts, unit, actor, at, ADOPT)
        case RollSet():
            return lead(facts, unit, actor, at, ROLL)
        case MatterOpened():
            return committee(facts, unit, actor, at, OPEN)
        case SuggestionsGathered() | MeetingHeld():
            return committee(facts, unit, actor, at, RECORD)
        case MatterNoticePublished():
            return committee(facts, unit, actor, at, PUBLISH)
        case ImplementationRecorded():
            return committee(facts, unit, actor, at, IMPLEMENT)
        case MatterObjectionAnswered():
            return committee(facts, unit, actor, at, ANSWER)
        case _:
            assert_never(event)
