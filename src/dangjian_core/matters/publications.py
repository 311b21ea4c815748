"""村务公开规则 — the rules behind the two publications (决议公开, 实施结果公开), the
implementation between them, and the objections to them: each publication names its period
(at least the step's least working days) on a calendar with declared holidays; objections
are filed within it and answered once; the implementation is recorded after the
resolution's period with every objection answered; its result is published only after it
is recorded, never dated before it. The period rules are the calendar's
(:mod:`~dangjian_core.calendar.notices`), shared with the development list's 公示."""

from __future__ import annotations

from dangjian_core.calendar.notices import (
    NoticePeriod,
    early_breach,
    notice_period,
    outside_breach,
    period_breach,
)
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.time import local_date
from dangjian_core.matters.commands import (
    AnswerMatterObjection,
    FileMatterObjection,
    PublishNotice,
    RecordImplementation,
)
from dangjian_core.matters.events import (
    ImplementationRecorded,
    MatterEvent,
    MatterNoticePublished,
    MatterObjectionAnswered,
    MatterObjectionFiled,
)
from dangjian_core.matters.rules import in_order, keep, matter_of, step_of
from dangjian_core.matters.state import Matter, VillageMatters, refuse
from dangjian_core.matters.values import StepKind


def publish(command: PublishNotice, book: VillageMatters, calendar: Calendar) -> list[MatterEvent]:
    """A publication with its period; the result only after the implementation."""
    matter = matter_of(book, command.matter_id)
    kinds = (StepKind.RESOLUTION_NOTICE, StepKind.RESULT_NOTICE)
    step = step_of(matter, command.step, *kinds)
    keep(period_breach(command.days, step.min_days))
    existing = matter.notice(step.key)
    if existing is not None and (existing.posted_on, existing.days) == (
        command.posted_on,
        command.days,
    ):
        return []
    in_order(matter, step, command.posted_on)
    done = matter.implementation
    if step.kind is StepKind.RESULT_NOTICE and (done is None or command.posted_on < done.done_on):
        refuse(
            "implemented_first",
            "实施结果须在实施完成并记录之后公开",
            "the result is published only after the implementation is recorded",
        )
    period = notice_period(calendar, command.posted_on, command.days)
    return [
        MatterNoticePublished(
            command.unit_id,
            command.matter_id,
            step.key,
            step.kind,
            period.posted_on,
            period.days,
            period.end,
            command.calendar_id,
            command.text,
        )
    ]


def implement(command: RecordImplementation, book: VillageMatters) -> list[MatterEvent]:
    """The implementation, after the resolution's period with every objection answered."""
    matter = matter_of(book, command.matter_id)
    event = ImplementationRecorded(
        command.unit_id, command.matter_id, command.done_on, command.summary
    )
    if matter.implementation == event:
        return []
    if matter.implementation is not None:
        refuse("implemented_once", "实施结果已记录过", "the implementation is already recorded")
    waiting = matter.waiting
    if waiting is None or waiting.kind is not StepKind.RESULT_NOTICE:
        name = "事项已终止" if matter.ended else "决议尚未公开"
        refuse("step_order", f"{name}, 不能记录实施结果", "the resolution is not yet published")
    resolution = _resolution_notice(matter)
    keep(early_breach(period_of(resolution), command.done_on, ("记录实施结果", "implement")))
    open_ones = [o.filed.objection_id for o in matter.objections.values() if o.answer is None]
    if open_ones:
        refuse(
            "objections_answered",
            f"尚有异议未答复: {'、'.join(open_ones)}",
            f"objections still unanswered: {', '.join(open_ones)}",
        )
    if command.done_on > local_date(command.at):
        raise InvalidCommand(
            "实施完成日期不能晚于今天", "the implementation cannot be in the future"
        )
    return [event]


def file_objection(command: FileMatterObjection, book: VillageMatters) -> list[MatterEvent]:
    """An objection to a publication during its period."""
    matter = matter_of(book, command.matter_id)
    notice = matter.notice(command.step)
    if notice is None:
        refuse("published", "尚未公开, 不能提出异议", "nothing is published at that step yet")
    event = MatterObjectionFiled(
        command.unit_id,
        command.matter_id,
        command.step,
        command.objection_id,
        command.text,
        command.actor_id,
        command.filer_name,
        command.contact,
    )
    existing = matter.objections.get(command.objection_id)
    if existing is not None:
        if existing.filed == event:
            return []
        refuse("objection_id", f"异议编号 {command.objection_id} 已被占用", "objection id taken")
    keep(outside_breach(period_of(notice), local_date(command.at)))
    return [event]


def answer(command: AnswerMatterObjection, book: VillageMatters) -> list[MatterEvent]:
    """A written answer to an objection, once."""
    matter = matter_of(book, command.matter_id)
    objection = matter.objections.get(command.objection_id)
    if objection is None:
        raise UnknownSubject(
            f"异议 {command.objection_id} 不存在",
            f"objection {command.objection_id} does not exist",
        )
    if objection.answer == command.answer:
        return []
    if objection.answer is not None:
        refuse("answered_once", "异议已答复过", "the objection is already answered")
    return [
        MatterObjectionAnswered(
            command.unit_id, command.matter_id, command.objection_id, command.answer
        )
    ]


def period_of(notice: MatterNoticePublished) -> NoticePeriod:
    """The period of a recorded publication."""
    return NoticePeriod(notice.posted_on, notice.days, notice.period_end)


def _resolution_notice(matter: Matter) -> MatterNoticePublished:
    found = [
        r
        for r in matter.records
        if isinstance(r, MatterNoticePublished) and r.kind is StepKind.RESOLUTION_NOTICE
    ]
    if not found:
        refuse("step_order", "决议尚未公开", "the resolution is not yet published")
    return found[-1]
