"""发展权限 — a unit's development list is proposed, posted, its objections resolved and it
is confirmed — and its members commended — by the unit's secretary or organizing member,
or from a level above it; flagging for training issues a task, so it needs the unit's
issuers; anyone objects. :func:`replay` asks the same of a recorded development event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dangjian_core.development.events import (
    DevelopmentEvent,
    ListConfirmed,
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionDismissed,
    ObjectionFiled,
    ObjectionUpheld,
    TrainingFlagged,
)
from dangjian_core.development.state import DevelopmentState
from dangjian_core.kernel.authority import Rule, What
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.state import PERSON
from dangjian_core.units.permissions import hold_role, known, lead_unit
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UnitState

PROPOSE_LIST: What = ("拟定发展对象名单", "propose the development list of")
POST_NOTICE: What = ("公示发展对象名单", "post the development list of")
RESOLVE_OBJECTION: What = ("处理异议", "resolve objections to the development list of")
CONFIRM_LIST: What = ("确定发展对象", "confirm the development list of")
COMMEND: What = ("表扬党员", "commend the members of")
FLAG_TRAINING: What = ("安排培训和引导", "flag for training the members of")
#: The filer of an objection who is on no roll: a member of the public, named, with contact.
PUBLIC = "public"


def develop(facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What) -> Rule | None:
    """发展党员: the unit's secretary or organizing member, or a level above it."""
    return lead_unit(facts, unit, actor_id, at, what)


def flag_training(unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """培训和引导: flagging members issues them a task, so it needs someone who issues the
    unit's tasks (its secretary or organizing member)."""
    return hold_role(unit, actor_id, (Role.SECRETARY, Role.ORGANIZING), at, FLAG_TRAINING)


def file_objection(facts: Facts, actor_id: str) -> Rule | None:
    """异议: anyone objects — a registered person, or a member of the public filing as
    :data:`PUBLIC` (with their name and contact on the objection)."""
    if actor_id == PUBLIC or facts.get(PERSON, actor_id) is not None:
        return None
    return Rule(
        "unknown_filer",
        f"{actor_id} 不是登记人员; 群众提出异议请以 {PUBLIC} 身份并留下姓名和联系方式",
        f"{actor_id} is not registered; a member of the public objects as {PUBLIC}, "
        "with a name and contact",
    )


_WHAT: dict[type[Any], What] = {
    ListProposed: PROPOSE_LIST,
    NoticePosted: POST_NOTICE,
    ObjectionUpheld: RESOLVE_OBJECTION,
    ObjectionDismissed: RESOLVE_OBJECTION,
    ListConfirmed: CONFIRM_LIST,
    MembersCommended: COMMEND,
}


def replay(
    recorded: Recorded[DevelopmentEvent],
    facts: Facts,
    before: DevelopmentState,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded development event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, ObjectionFiled):
        return file_objection(facts, actor)
    unit = known(facts, event.unit_id)
    if isinstance(unit, Rule):
        return unit
    if isinstance(event, TrainingFlagged):
        return flag_training(unit, actor, at)
    return develop(facts, unit, actor, at, _WHAT[type(event)])
