"""会议表决规则 — the rule behind :class:`HoldMeeting`: the roll that day (应到), everyone
present on it (实到), the plan sent in time, the vote named or counted per the body's
rule, the quorum, and the outcome (passed, or the matter ends or returns); 一肩挑 merges
the proposal and the two committees' discussion where the procedure allows it."""

from __future__ import annotations

from datetime import date

from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local_date
from dangjian_core.matters import rolls
from dangjian_core.matters.commands import HoldMeeting
from dangjian_core.matters.events import MatterEvent, MeetingHeld, MeetingOutcome
from dangjian_core.matters.rules import in_order, matter_of, step_of
from dangjian_core.matters.state import Matter, VillageMatters, refuse
from dangjian_core.matters.values import Body, Choice, OnReject, Step, StepKind
from dangjian_core.units.state import UnitState


def hold(
    command: HoldMeeting, book: VillageMatters, unit: UnitState, facts: Facts
) -> list[MatterEvent]:
    """A step's meeting, voted with quorum; merged with the next where 一肩挑 allows."""
    matter = matter_of(book, command.matter_id)
    step = step_of(matter, command.step, StepKind.MEETING)
    day = command.held_on
    if day > local_date(command.at):
        raise InvalidCommand("会议日期不能晚于今天", "a meeting cannot be dated in the future")
    if not _repeated(matter, command):
        in_order(matter, step, day)  # the order is named before the meeting's own faults
    steps, rule = _merged(matter, step, unit, book, day) if command.merged else ((step,), step)
    assert rule.body is not None
    assert rule.quorum is not None
    assert rule.approval is not None
    expected = rolls.expected(facts, unit, book, rule.body, day)
    strangers = [p for p in command.present if p not in expected]
    if strangers:
        refuse(
            "present_on_roll",
            f"{'、'.join(strangers)} 不在{rule.body.zh} {day} 的名册上",
            f"{', '.join(strangers)} not on the {rule.body.value}' roll on {day}",
        )
    votes = _votes(command, rule)
    present = len(command.present)
    if rule.approval.met(votes[0], present):
        outcome = MeetingOutcome.PASSED
    elif rule.on_reject is OnReject.END:
        outcome = MeetingOutcome.ENDED
    else:
        outcome = MeetingOutcome.RETURNED
    event = MeetingHeld(
        command.unit_id,
        command.matter_id,
        tuple(s.key for s in steps),
        rule.body,
        day,
        command.notice_sent_on,
        expected,
        command.present,
        *votes,
        command.ballots if rule.named else (),
        outcome,
    )
    if event in matter.records:
        return []
    in_order(matter, step, day)
    _notice_sent(command, rule, day)
    if not rule.quorum.met(present, len(expected)):
        refuse(
            "quorum",
            f"{rule.body.zh}应到 {len(expected)} 人, 实到 {present} 人, "
            f"未达到{rule.quorum.zh}, 不能表决",
            f"{present} of {len(expected)} present: below the quorum, no vote",
        )
    return [event]


def _repeated(matter: Matter, command: HoldMeeting) -> bool:
    """Whether a meeting of the command's step, day and attendance is already recorded."""
    return any(
        isinstance(r, MeetingHeld)
        and (r.steps[0], r.held_on, r.present) == (command.step, command.held_on, command.present)
        for r in matter.records
    )


def _merged(
    matter: Matter, step: Step, unit: UnitState, book: VillageMatters, day: date
) -> tuple[tuple[Step, ...], Step]:
    index = matter.procedure.steps.index(step)
    following = matter.procedure.steps[index + 1 : index + 2]
    if (
        not matter.procedure.merge_when_one_person
        or step.body is not Body.BRANCH_COMMITTEE
        or not following
        or following[0].body is not Body.TWO_COMMITTEES
    ):
        refuse(
            "merge",
            f"{matter.procedure.name}不允许把「{step.name}」与下一步合并召开",
            f"the procedure does not let step {step.key} merge with the next",
        )
    if not rolls.one_person(unit, book, day):
        refuse(
            "one_person",
            f"{day} 支部书记不是村两委名册上的村委会主任(非一肩挑), 须分别召开",
            f"on {day} the secretary is not the village director: hold the two meetings",
        )
    return (step, following[0]), following[0]


def _votes(command: HoldMeeting, step: Step) -> tuple[int, int, int]:
    present = set(command.present)
    if step.named:
        voters = [b.voter_id for b in command.ballots]
        if set(voters) != present or len(voters) != len(present):
            refuse(
                "named_vote",
                f"{step.name}记名表决: 每位到会人员一票, 且只有到会人员投票",
                "a named vote: one ballot from each attendee, and only from them",
            )
        choices = [b.choice for b in command.ballots]
        return (
            choices.count(Choice.FOR),
            choices.count(Choice.AGAINST),
            choices.count(Choice.ABSTAIN),
        )
    if command.votes is None or command.ballots:
        refuse(
            "counted_vote",
            f"{step.name}计票表决: 记录赞成、反对、弃权票数",
            "a counted vote: record the numbers for, against and abstaining",
        )
    if sum(command.votes) != len(present) or min(command.votes) < 0:
        refuse(
            "counted_vote",
            f"赞成、反对、弃权共 {sum(command.votes)} 票, 与实到 {len(present)} 人不符",
            f"{sum(command.votes)} votes for {len(present)} present",
        )
    return command.votes


def _notice_sent(command: HoldMeeting, step: Step, day: date) -> None:
    if step.notice_days <= 0:
        return
    sent = command.notice_sent_on
    if sent is None or (day - sent).days < step.notice_days:
        when = "未记录" if sent is None else f"于 {sent}"
        refuse(
            "members_notice",
            f"{step.name}的方案须在会前 {step.notice_days} 天送达党员, 通知{when}发出",
            f"the plan reaches the members {step.notice_days} days before the meeting",
        )
