"""村务决策规则 — the rules behind adopting a procedure, keeping the rolls, opening a matter
and gathering suggestions (after authority), and the order every step keeps:

- a procedure is adopted only when well formed (:func:`procedures.problems`); a matter
  follows the version in force when it was opened;
- the bodies whose roll the village keeps here are the two committees, the supervisors and
  the representatives (the branch committee's and the members' come from units and people);
  the director named on the two committees' roll is on it;
- the steps are taken in the procedure's order, each once it is reached and never dated
  before the last; nothing more happens on a matter a meeting ended, or after its last step.

The meetings' rules are in :mod:`~dangjian_core.matters.meetings`, the publications' in
:mod:`~dangjian_core.matters.publications`.
"""

from __future__ import annotations

from datetime import date

from dangjian_core.calendar.notices import (
    Breach,
)
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.matters import procedures
from dangjian_core.matters.commands import (
    AdoptProcedure,
    GatherSuggestions,
    OpenMatter,
    SetRoll,
)
from dangjian_core.matters.events import (
    MatterEvent,
    MatterNoticePublished,
    MatterOpened,
    ProcedureAdopted,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.state import Matter, VillageMatters, refuse
from dangjian_core.matters.values import Body, Step, StepKind

#: The bodies whose roll the village keeps here (the others are the people's and units').
OWN_ROLLS = (Body.TWO_COMMITTEES, Body.SUPERVISORS, Body.REPRESENTATIVES)


def adopt(command: AdoptProcedure, book: VillageMatters) -> list[MatterEvent]:
    """The next version of the village's procedure, if well formed."""
    found = procedures.problems(command.procedure)
    if found:
        refuse("procedure_shape", "; ".join(found), "the procedure is not well formed")
    if book.procedures and book.procedures[-1] == command.procedure:
        return []
    return [ProcedureAdopted(command.unit_id, len(book.procedures) + 1, command.procedure)]


def set_roll(command: SetRoll, book: VillageMatters) -> list[MatterEvent]:
    """A dated roll of a body the village keeps, with the director on the two committees'."""
    if command.body not in OWN_ROLLS:
        refuse(
            "roll_kept_elsewhere",
            f"{command.body.zh}的名册来自组织和人员档案, 不在此登记",
            f"the {command.body.value}' roll comes from the units and people",
        )
    if command.director_id and (
        command.body is not Body.TWO_COMMITTEES or command.director_id not in command.members
    ):
        raise InvalidCommand(
            "村委会主任须在村两委名册上", "the director must be on the two committees' roll"
        )
    event = RollSet(
        command.unit_id, command.body, command.since, command.members, command.director_id
    )
    if event in book.rolls.get(command.body, ()):
        return []
    return [event]


def open_matter(command: OpenMatter, book: VillageMatters) -> list[MatterEvent]:
    """A new matter, following the procedure in force."""
    event = MatterOpened(
        command.unit_id,
        command.matter_id,
        command.title,
        command.origin,
        command.items,
        len(book.procedures),
        book.procedure,
    )
    existing = book.matters.get(command.matter_id)
    if existing is not None:
        if existing.opened == event:
            return []
        refuse("matter_id", f"事项编号 {command.matter_id} 已被占用", "the matter id is taken")
    return [event]


def matter_of(book: VillageMatters, matter_id: str) -> Matter:
    """The matter, or a refusal naming the unknown one."""
    matter = book.matters.get(matter_id)
    if matter is None:
        raise UnknownSubject(f"村务事项 {matter_id} 不存在", f"matter {matter_id} does not exist")
    return matter


def step_of(matter: Matter, key: str, *kinds: StepKind) -> Step:
    """The step ``key`` of the matter's procedure, which must be of one of ``kinds``."""
    index = matter.procedure.index(key)
    if index is None:
        raise UnknownSubject(
            f"{matter.procedure.name}没有步骤 {key}", f"the procedure has no step {key}"
        )
    step = matter.procedure.steps[index]
    if step.kind not in kinds:
        refuse(
            "step_kind",
            f"「{step.name}」是{step.kind.zh}, 不能这样记录",
            f"step {key} is a {step.kind.value} step",
        )
    return step


def in_order(matter: Matter, step: Step, day: date) -> None:
    """The step is the one the matter waits for, on or after its last record's day."""
    waiting = matter.waiting
    if matter.ended:
        refuse(
            "matter_ended",
            f"事项 {matter.opened.matter_id} 已被否决终止",
            "the matter was voted down and has ended",
        )
    if waiting is None:
        refuse("matter_done", f"事项 {matter.opened.matter_id} 已完成全部步骤", "all steps done")
    if waiting.key != step.key:
        refuse(
            "step_order",
            f"{matter.procedure.name}: 现在应进行「{waiting.name}」, 不能进行「{step.name}」",
            f"the matter waits for step {waiting.key}, not {step.key}",
        )
    last = last_day(matter)
    if last is not None and day < last:
        refuse(
            "step_order",
            f"「{step.name}」的日期 {day} 早于上一步骤的 {last}",
            f"step {step.key} cannot be dated {day}, before the last step's {last}",
        )


def last_day(matter: Matter) -> date | None:
    """The day of the matter's latest record, if any."""
    if not matter.records:
        return None
    match matter.records[-1]:
        case SuggestionsGathered() as last:
            return last.gathered_on
        case MatterNoticePublished() as last:
            return last.posted_on
        case last:
            return last.held_on


def gather(command: GatherSuggestions, book: VillageMatters) -> list[MatterEvent]:
    """The suggestions gathered, at the suggestions step when it is reached."""
    matter = matter_of(book, command.matter_id)
    step = step_of(matter, command.step, StepKind.SUGGESTIONS)
    event = SuggestionsGathered(
        command.unit_id,
        command.matter_id,
        command.step,
        command.gathered_on,
        command.count,
        command.summary,
    )
    if event in matter.records:
        return []
    in_order(matter, step, command.gathered_on)
    return [event]


def keep(breach: Breach | None) -> None:
    """Refuse naming the notice rule broken, if any."""
    if breach is not None:
        refuse(breach.rule, breach.zh, breach.en)
