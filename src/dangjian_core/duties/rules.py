"""职责规则 — what each duty command must satisfy.

- 落实职责 ``assign``: by the unit's leaders, to a person on the roll of the unit or of a
  unit under it; a duty id is assigned once (the same assignment again changes nothing);
- 交接 ``hand_over``: to another person on the roll, on a day from the last hand-over on;
- 终止 ``end``: on a day not before the duty began, once;
- 巡查 ``log_patrol``: by the holder (or the leaders for them), on a day from the duty's
  start to its end, not after the command; each patrol is one more fact (its retry is
  made safe by its command id only);
- 问题 ``report``: on a day the duty ran, a problem id used once; with a follow-up only
  by the leaders; ``route``: a reported problem not yet turned into anything.
"""

from __future__ import annotations

from datetime import date, datetime

from dangjian_core.duties import permissions as p
from dangjian_core.duties.commands import (
    AssignDuty,
    EndDuty,
    HandOverDuty,
    LogPatrol,
    ReportProblem,
    RouteProblem,
)
from dangjian_core.duties.events import (
    DutyAssigned,
    DutyEnded,
    DutyEvent,
    DutyHandedOver,
    PatrolLogged,
    ProblemReported,
    ProblemRouted,
)
from dangjian_core.duties.state import DutyError, DutyState
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.time import local_date
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import lies_within, live_unit


def assign(command: AssignDuty, state: DutyState | None, facts: Facts) -> list[DutyEvent]:
    """Bind a person on the roll to an object with a cadence."""
    enforce(p.run_duties(facts, command.unit_id, command.actor_id, command.at))
    event = DutyAssigned(
        command.duty_id,
        command.unit_id,
        command.kind,
        command.object_name,
        command.details,
        command.holder_id,
        command.every,
        command.cadence,
        command.since,
    )
    if state is not None:
        if _fields(state) == _fields(event):
            return []
        raise DutyError(f"职责 {command.duty_id} 已存在", f"duty {command.duty_id} already exists")
    on_roll(facts, command.unit_id, command.holder_id, command.at)
    return [event]


def _fields(duty: DutyState | DutyAssigned) -> tuple[object, ...]:
    holder = duty.holders[0][1] if isinstance(duty, DutyState) else duty.holder_id
    return (duty.unit_id, duty.kind, duty.object_name, holder, duty.every, duty.cadence, duty.since)


def hand_over(command: HandOverDuty, duty: DutyState, facts: Facts) -> list[DutyEvent]:
    """Give the duty to another person on the roll from a day on."""
    enforce(p.run_duties(facts, duty.unit_id, command.actor_id, command.at))
    running(duty, command.on)
    if duty.holder_id == command.holder_id:
        return []
    if command.on < duty.holders[-1][0]:
        raise DutyError(
            f"交接日期不能早于上次交接 ({duty.holders[-1][0]})",
            f"a hand-over cannot precede the last one ({duty.holders[-1][0]})",
        )
    on_roll(facts, duty.unit_id, command.holder_id, command.at)
    return [DutyHandedOver(duty.duty_id, command.holder_id, command.on)]


def end(command: EndDuty, duty: DutyState, facts: Facts) -> list[DutyEvent]:
    """End the duty on a day from its start on; once."""
    enforce(p.run_duties(facts, duty.unit_id, command.actor_id, command.at))
    if duty.ended is not None:
        if duty.ended == command.on:
            return []
        raise DutyError(
            f"职责 {duty.duty_id} 已于 {duty.ended} 终止", f"duty {duty.duty_id} ended {duty.ended}"
        )
    if command.on < duty.since:
        raise DutyError(
            f"终止日期不能早于职责开始 ({duty.since})",
            f"a duty cannot end before it began ({duty.since})",
        )
    return [DutyEnded(duty.duty_id, command.on, command.reason)]


def log_patrol(command: LogPatrol, duty: DutyState, facts: Facts) -> list[DutyEvent]:
    """Log a patrol by the holder on a day the duty ran, not ahead of its day."""
    enforce(p.patrol_rule(facts, duty, command.actor_id, command.at))
    running(duty, command.on)
    not_ahead(command.on, command.at)
    holder = duty.holder_on(command.on)
    return [PatrolLogged(duty.duty_id, holder, command.on, command.note, command.evidence)]


def report(command: ReportProblem, duty: DutyState, facts: Facts) -> list[DutyEvent]:
    """Report a problem found on patrol; with a follow-up, the leaders turn it into a task
    or a work item at once."""
    if command.follow is None:
        enforce(p.patrol_rule(facts, duty, command.actor_id, command.at))
    else:
        enforce(p.run_duties(facts, duty.unit_id, command.actor_id, command.at))
    event = ProblemReported(
        duty.duty_id,
        duty.unit_id,
        command.problem_id,
        command.on,
        command.description,
        command.follow,
    )
    known = duty.problem(command.problem_id)
    if known is not None:
        if (known.on, known.description, known.follow) == (
            event.on,
            event.description,
            event.follow,
        ):
            return []
        raise DutyError(
            f"问题编号 {command.problem_id} 已被占用", f"problem id {command.problem_id} is taken"
        )
    running(duty, command.on)
    not_ahead(command.on, command.at)
    return [event]


def route(command: RouteProblem, duty: DutyState, facts: Facts) -> list[DutyEvent]:
    """Turn a reported problem into a task or a work item, once."""
    enforce(p.run_duties(facts, duty.unit_id, command.actor_id, command.at))
    problem = duty.problem(command.problem_id)
    if problem is None:
        raise DutyError(
            f"职责 {duty.duty_id} 没有问题 {command.problem_id}",
            f"duty {duty.duty_id} has no problem {command.problem_id}",
        )
    if problem.follow is not None:
        if problem.follow == command.follow:
            return []
        raise DutyError(
            f"问题 {command.problem_id} 已转办为 {problem.follow.follow_id}",
            f"problem {command.problem_id} already became {problem.follow.follow_id}",
        )
    return [ProblemRouted(duty.duty_id, duty.unit_id, command.problem_id, command.follow)]


# --- the checks the rules share ---------------------------------------------------


def running(duty: DutyState, day: date) -> None:
    """The day must fall between the duty's start and its end."""
    if day < duty.since or (duty.ended is not None and day > duty.ended):
        until = "" if duty.ended is None else f" 至 {duty.ended}"
        raise DutyError(
            f"{day} 不在职责 {duty.duty_id} 的期间 ({duty.since}{until})",
            f"{day} is outside duty {duty.duty_id}'s period (from {duty.since})",
        )


def not_ahead(day: date, at: datetime) -> None:
    """A patrol or a problem is recorded on or after its day, never ahead of it."""
    if day > local_date(at):
        raise InvalidCommand(
            "巡查日期不能晚于记录时间", "a patrol cannot be logged ahead of its day"
        )


def on_roll(facts: Facts, unit_id: str, person_id: str, at: datetime) -> None:
    """The person must be on the roll of the unit or of a unit under it."""
    person = facts.get(PERSON, PersonId(person_id))
    scope = live_unit(facts, unit_id, at)
    home = None if person is None else person.branch_at(at)
    if scope is None or home is None or not lies_within(facts, home, scope, at):
        raise DutyError(
            f"{person_id} 不是 {unit_id} 或其下级组织的登记人员",
            f"{person_id} is not on the roll of {unit_id} or a unit under it",
        )
