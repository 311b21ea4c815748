"""补录 — the rule for an entry recorded after its time: within the window of the actor's
unit (7 days unless the unit, or the nearest unit above it, set its own with
``SetLateEntryPolicy``), with a reason, and typed in by someone holding one of the rule's
roles in that unit (书记、副书记、组织委员 unless set otherwise) or a level above it, at
the time of recording. The actor's unit is the one whose roll they are on; an actor that
is itself a unit answers for that unit.

Entries dated before the store went live (its history, typed in from the paper ledgers)
are the application's to admit: see ``adapters.app.handling``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import above, ancestors, live_unit
from dangjian_core.units.roles import ROLL_KEEPERS, Role, role_list
from dangjian_core.units.state import UNIT, UnitState

#: The window and the roles where no unit set its own.
DEFAULT_WINDOW_DAYS = 7
DEFAULT_ROLES: tuple[Role, ...] = ROLL_KEEPERS


@frozen
class LateEntryRule:
    """补录规则 — the window and roles in force for a unit, and the unit that set them
    (None: the defaults)."""

    window_days: int
    roles: tuple[Role, ...]
    set_by: str | None


def home_unit(facts: Facts, actor_id: str, now: datetime) -> UnitState | None:
    """The unit an actor answers to: the one whose roll they are on, or the unit itself."""
    person = facts.get(PERSON, actor_id)
    if person is not None:
        return live_unit(facts, person.branch_at(now), now)
    return live_unit(facts, actor_id, now) if facts.get(UNIT, actor_id) else None


def rule_for(facts: Facts, unit: UnitState, now: datetime) -> LateEntryRule:
    """The late-entry rule in force for ``unit``: its own, the nearest above it, or the
    defaults."""
    for candidate in (unit, *ancestors(facts, unit, now)):
        policy = candidate.late_entry_at(now)
        if policy is not None:
            return LateEntryRule(policy.window_days, policy.roles, candidate.unit_id)
    return LateEntryRule(DEFAULT_WINDOW_DAYS, DEFAULT_ROLES, None)


def late_entry(
    facts: Facts, actor_id: str, entered_by: str, at: datetime, now: datetime, reason: str
) -> Rule | None:
    """The rule a late entry breaks, or None: the actor's unit is known, the entry lies
    within its window, it gives a reason, and whoever typed it (``entered_by``: the actor
    when they typed it themself) holds one of the rule's roles there or above, now."""
    unit = home_unit(facts, actor_id, now)
    if unit is None:
        return Rule(
            "late_entry_unit",
            f"补录须能确定 {actor_id} 所属的组织(事后补录只对名册上的人或组织开放)",
            f"a late entry needs the unit {actor_id} answers to; {actor_id} is on no roll",
        )
    rule = rule_for(facts, unit, now)
    days = (now - at) / timedelta(days=1)
    if days > rule.window_days:
        source = rule.set_by or "默认"
        return Rule(
            "late_entry_window",
            f"补录超出期限:事件时间 {local(at):%Y-%m-%d %H:%M} 已过去 {days:.1f} 天,"
            f"{unit.unit_id} 的补录期限为 {rule.window_days} 天({source})",
            f"too late to enter: {at.isoformat()} is {days:.1f} days ago, and "
            f"{unit.unit_id} allows {rule.window_days} days ({rule.set_by or 'the default'})",
        )
    if not reason.strip():
        return Rule(
            "late_entry_reason",
            "补录须说明理由(命令行用 --late-reason)",
            "a late entry needs a reason (--late-reason on the command line)",
        )
    if unit.has_role(entered_by, rule.roles, now) or above(facts, unit, entered_by, now):
        return None
    zh, en = role_list(rule.roles)
    return Rule(
        "late_entry_role",
        f"{entered_by} 无权为{unit.unit_id}补录(需该组织的{zh}或上级)",
        f"{entered_by} may not enter late for {unit.unit_id}: needs its {en}, or a level above",
    )
