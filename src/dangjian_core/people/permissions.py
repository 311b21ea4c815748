"""人员权限 — who keeps a person's record: the roll keepers of the unit whose roll the
person is on (书记、副书记、组织委员) or a level above; a transfer is decided by the
sending unit's leaders. :func:`replay` asks the same of a recorded person event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dangjian_core.kernel.authority import Rule, What, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.events import (
    MembershipTransferred,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonEvent,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)
from dangjian_core.people.state import PERSON, PersonState
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.permissions import keep_roll, known, lead_unit

REGISTER: What = ("登记人员", "register people")
DETAILS: What = ("记录个人信息", "record personal details")
RENAME_PERSON: What = ("更正姓名", "correct names")
CHANGE_STATUS: What = ("变更政治面貌", "change party status")
EXTEND: What = ("延长预备期", "extend probation")
TRANSFER: What = ("转接组织关系", "transfer the membership of")
SEE_DETAILS: What = ("查看完整个人信息", "see the full personal details of people")

_WHAT: dict[type[Any], What] = {
    PersonRegistered: REGISTER,
    PersonDetailsRecorded: DETAILS,
    PersonRenamed: RENAME_PERSON,
    PartyStatusChanged: CHANGE_STATUS,
    ProbationExtended: EXTEND,
}


def replay(
    recorded: Recorded[PersonEvent], facts: Facts, before: PersonState | None
) -> Rule | None:
    """The rule a recorded person event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, PersonRegistered):
        unit = known(facts, event.branch_id)
    elif before is None:
        return unknown(event.person_id)
    else:
        branch_id = before.branch_at(at)
        unit = live_unit(facts, branch_id, at) or known(facts, branch_id)
    if isinstance(unit, Rule):
        return unit
    if isinstance(event, MembershipTransferred):
        return lead_unit(facts, unit, actor, at, TRANSFER)
    return keep_roll(facts, unit, actor, at, _WHAT[type(event)])


def see_details(facts: Facts, person_id: str, reader_id: str, at: datetime) -> Rule | None:
    """Who may see a person's ID number and contact in full: whoever keeps their roll
    (the unit's secretary, deputy secretary or organizing member, or a level above), or
    the person themself; everyone else sees them masked."""
    person = facts.get(PERSON, person_id)
    if person is None:
        return unknown(person_id)
    if reader_id == person_id:
        return None
    branch_id = person.branch_at(at)
    unit = live_unit(facts, branch_id, at) or known(facts, branch_id)
    if isinstance(unit, Rule):
        return unit
    return keep_roll(facts, unit, reader_id, at, SEE_DETAILS)
