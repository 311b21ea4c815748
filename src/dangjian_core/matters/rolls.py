"""应到名册 — who should attend a body's meeting on a day (应到): the branch committee
from the unit's roles, the members' meeting from the people's roll (full members whose
membership is in the unit that day; probationary members attend without a vote and do not
count), and the two committees, the supervisors and the representatives from the village's
own dated rolls. 一肩挑 is read from the same facts: the branch secretary that day is the
director named on the two committees' roll."""

from __future__ import annotations

from datetime import date, datetime, time

from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import LOCAL
from dangjian_core.matters.state import VillageMatters, refuse
from dangjian_core.matters.values import Body
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PERSON, PersonState
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UnitState

#: The branch committee's roles (支部委员会).
COMMITTEE = (
    Role.SECRETARY,
    Role.DEPUTY_SECRETARY,
    Role.ORGANIZING,
    Role.PUBLICITY,
    Role.DISCIPLINE,
)


def noon(day: date) -> datetime:
    """The instant a meeting on ``day`` is taken to stand at: local noon."""
    return datetime.combine(day, time(12), LOCAL)


def status_on(person: PersonState, day: date) -> PartyStatus | None:
    """The person's party status on ``day``, if any yet."""
    held = [p for p in person.history if p.since <= day]
    return held[-1].status if held else None


def members_on(facts: Facts, unit_id: str, day: date) -> tuple[str, ...]:
    """The full members on the unit's roll on ``day``, by id."""
    found: list[str] = []
    for person_id in facts.ids(PERSON):
        person = facts.get(PERSON, person_id)
        if person is None or person.branch_at(noon(day)) != unit_id:
            continue
        if status_on(person, day) is PartyStatus.FULL:
            found.append(person_id)
    return tuple(sorted(found))


def expected(
    facts: Facts, unit: UnitState, book: VillageMatters, body: Body, day: date
) -> tuple[str, ...]:
    """应到: the roll of ``body`` on ``day``; refused when the body keeps no roll then."""
    if body is Body.BRANCH_COMMITTEE:
        holders = {p for role in COMMITTEE for p in unit.holders(role, noon(day))}
        if not holders:
            refuse(
                "roll_set",
                f"{day} {unit.unit_id} 没有支部委员在任",
                f"{unit.unit_id} has no committee members on {day}",
            )
        return tuple(sorted(holders))
    if body is Body.MEMBERS:
        return members_on(facts, unit.unit_id, day)
    roll = book.roll(body, day)
    if roll is None or not roll.members:
        refuse(
            "roll_set",
            f"{day} 尚无{body.zh}名册, 请先登记",
            f"no roll of the {body.value} is set for {day}; set one first",
        )
    return roll.members


def one_person(unit: UnitState, book: VillageMatters, day: date) -> bool:
    """一肩挑: the branch secretary on ``day`` is the director on the two committees' roll."""
    roll = book.roll(Body.TWO_COMMITTEES, day)
    if roll is None or not roll.director_id:
        return False
    return roll.director_id in unit.holders(Role.SECRETARY, noon(day))
