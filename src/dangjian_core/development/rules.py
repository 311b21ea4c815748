"""发展规则 — the rules behind each development command (after authority).

- a list is proposed only once the cycle is closed and the quota set, and not again once
  posted;
- the notice runs ``days`` working days from ``posted_on`` (the unit's calendar); it is
  posted again only when someone moved up onto the list after it was posted;
- objections are filed during the notice period, about someone on the list; each is
  upheld (the person leaves the list, the next eligible activist moves up) or dismissed;
- the list is confirmed only after the period, with every objection resolved and nobody
  moved up since the last notice.

The period rules are the calendar's (:mod:`~dangjian_core.calendar.notices`), shared with a
village's publications (决议公开, 实施结果公开).
"""

from __future__ import annotations

from dangjian_core.calendar.notices import (
    Breach,
    NoticePeriod,
    early_breach,
    notice_period,
    outside_breach,
)
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.development import ranking
from dangjian_core.development.commands import (
    CommendMembers,
    ConfirmList,
    DismissObjection,
    FileObjection,
    FlagForTraining,
    PostNotice,
    ProposeList,
    UpholdObjection,
)
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
from dangjian_core.development.state import (
    DevelopmentState,
    Objection,
    Outcome,
    refuse,
)
from dangjian_core.evaluation.state import EVALUATION, EvaluationState, evaluation_id
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local_date
from dangjian_core.tasks.state import TASK


def closed_evaluation(facts: Facts, unit_id: str, cycle: str) -> EvaluationState:
    """The unit's evaluation for the cycle, which must be closed."""
    evaluation = facts.get(EVALUATION, evaluation_id(unit_id, cycle))
    if evaluation is None or evaluation.closed is None:
        refuse(
            "cycle_closed",
            f"{unit_id} {cycle} 周期尚未结算, 不能排名",
            f"the {cycle} cycle of {unit_id} is not closed yet",
        )
    return evaluation


def propose(command: ProposeList, board: DevelopmentState, facts: Facts) -> list[DevelopmentEvent]:
    """Rank the closed cycle's activists and select the top ``quota`` eligible ones."""
    evaluation = closed_evaluation(facts, command.unit_id, command.cycle)
    assert evaluation.closed is not None
    if evaluation.quota is None:
        refuse(
            "quota_set", f"{command.cycle} 周期的发展名额尚未下达", "no development quota is set"
        )
    ranked = ranking.rank_activists(evaluation, facts)
    event = ListProposed(
        command.unit_id,
        command.cycle,
        evaluation.quota,
        evaluation.closed.at,
        tuple(ranked),
        ranking.select(ranked, evaluation.quota),
    )
    if board.proposal == event:
        return []
    if board.notice is not None:
        refuse(
            "posted", "名单已公示, 不能重新拟定", "the list is posted; it cannot be proposed again"
        )
    return [event]


def post(
    command: PostNotice, board: DevelopmentState, calendar: Calendar
) -> list[DevelopmentEvent]:
    """Post the current list for ``days`` working days from ``posted_on``."""
    proposal = _proposal(board)
    _not_confirmed(board)
    if command.posted_on < local_date(proposal.closed_at):
        raise InvalidCommand("公示日期早于周期结算", "the notice cannot begin before the close")
    end = notice_period(calendar, command.posted_on, command.days).end
    event = NoticePosted(
        command.unit_id,
        command.cycle,
        command.posted_on,
        command.days,
        end,
        command.calendar_id,
        board.selected,
    )
    if board.notice == event:
        return []
    if board.notice is not None and not board.changed_since_notice:
        refuse(
            "posted_once",
            f"名单已公示至 {board.notice.period_end}, 名单未变, 不能重新公示",
            f"the list is posted until {board.notice.period_end} and has not changed",
        )
    if board.notice is not None and command.posted_on <= board.notice.posted_on:
        raise InvalidCommand("重新公示须晚于上次公示", "a new notice must begin after the last")
    return [event]


def object_to(command: FileObjection, board: DevelopmentState) -> list[DevelopmentEvent]:
    """An objection during the notice period about someone on the list."""
    notice = board.notice
    if notice is None:
        refuse("posted", "名单尚未公示, 不能提出异议", "the list is not posted yet")
    event = ObjectionFiled(
        command.unit_id,
        command.cycle,
        command.objection_id,
        command.person_id,
        command.text,
        command.actor_id,
        command.filer_name,
        command.contact,
    )
    existing = board.objections.get(command.objection_id)
    if existing is not None:
        if existing.filed == event:
            return []
        refuse("objection_id", f"异议编号 {command.objection_id} 已被占用", "objection id taken")
    _keep(outside_breach(_period(notice), local_date(command.at)))
    if command.person_id not in board.selected:
        raise UnknownSubject(
            f"{command.person_id} 不在公示名单上", f"{command.person_id} is not on the posted list"
        )
    return [event]


def uphold(command: UpholdObjection, board: DevelopmentState) -> list[DevelopmentEvent]:
    """The person leaves the list; the next eligible activist moves up."""
    objection = _objection(board, command.objection_id, Outcome.UPHELD)
    if objection.outcome is Outcome.UPHELD:
        return []
    person = objection.person_id
    promoted = board.next_eligible() if person in board.selected else None
    return [
        ObjectionUpheld(
            command.unit_id,
            command.cycle,
            command.objection_id,
            person,
            None if promoted is None else promoted.person_id,
            command.finding,
        )
    ]


def dismiss(command: DismissObjection, board: DevelopmentState) -> list[DevelopmentEvent]:
    """The list stays; the reason is recorded."""
    objection = _objection(board, command.objection_id, Outcome.DISMISSED)
    if objection.outcome is Outcome.DISMISSED:
        return []
    return [
        ObjectionDismissed(command.unit_id, command.cycle, command.objection_id, command.reason)
    ]


def confirm(command: ConfirmList, board: DevelopmentState) -> list[DevelopmentEvent]:
    """Confirm after the period, every objection resolved, nobody moved up unposted."""
    _proposal(board)
    if board.confirmed is not None:
        return []
    notice = board.notice
    if notice is None:
        refuse("posted", "名单尚未公示, 不能确定", "the list must be posted before it is confirmed")
    if board.changed_since_notice:
        refuse(
            "repost",
            "异议成立后有人递补进入名单, 须重新公示",
            "someone moved up onto the list after the notice: post it again",
        )
    day = local_date(command.at)
    _keep(early_breach(_period(notice), day, ("确定名单", "confirm")))
    pending = board.open_objections
    if pending:
        ids = "、".join(o.objection_id for o in pending)
        refuse(
            "objections_resolved",
            f"尚有 {len(pending)} 条异议未处理: {ids}",
            f"{len(pending)} objection(s) still open: {ids}",
        )
    return [ListConfirmed(command.unit_id, command.cycle, board.selected, day)]


def commend(
    command: CommendMembers, board: DevelopmentState, facts: Facts
) -> list[DevelopmentEvent]:
    """The top ``top`` full members with any points are commended."""
    evaluation = closed_evaluation(facts, command.unit_id, command.cycle)
    members = [m for m in ranking.full_members(evaluation, facts) if m.total > 0]
    event = MembersCommended(
        command.unit_id, command.cycle, command.top, tuple(members[: command.top])
    )
    if board.commended == event:
        return []
    if board.commended is not None:
        refuse("commended_once", "本周期已表扬过党员", "members were already commended this cycle")
    return [event]


def flag(command: FlagForTraining, board: DevelopmentState, facts: Facts) -> list[DevelopmentEvent]:
    """Full members under the threshold are flagged; their training task is named."""
    evaluation = closed_evaluation(facts, command.unit_id, command.cycle)
    members = ranking.full_members(evaluation, facts)
    flagged = tuple(m for m in members if m.total < command.threshold)
    event = TrainingFlagged(
        command.unit_id,
        command.cycle,
        command.threshold,
        flagged,
        command.task_id,
        command.points,
        command.deadline,
    )
    if board.flagged == event:
        return []
    if board.flagged is not None:
        refuse(
            "flagged_once", "本周期已安排过培训和引导", "members were already flagged this cycle"
        )
    if command.deadline <= command.at:
        raise InvalidCommand(
            "培训任务的截止时间须晚于现在", "the training task's deadline has passed"
        )
    if facts.get(TASK, command.task_id) is not None:
        refuse(
            "task_id", f"任务编号 {command.task_id} 已被占用", f"task id {command.task_id} is taken"
        )
    return [event]


def _proposal(board: DevelopmentState) -> ListProposed:
    if board.proposal is None:
        refuse("proposed", "尚未拟定发展对象名单", "no development list has been proposed")
    return board.proposal


def _not_confirmed(board: DevelopmentState) -> None:
    if board.confirmed is not None:
        refuse("confirmed", "名单已确定", "the list is already confirmed")


def _objection(board: DevelopmentState, objection_id: str, wanted: Outcome) -> Objection:
    objection = board.objections.get(objection_id)
    if objection is None:
        raise UnknownSubject(
            f"异议 {objection_id} 不存在", f"objection {objection_id} does not exist"
        )
    if objection.outcome not in (Outcome.OPEN, wanted):
        refuse(
            "resolved_once",
            f"异议 {objection_id} 已处理为「{objection.outcome.zh}」",
            f"objection {objection_id} was already {objection.outcome.value}",
        )
    return objection


def _period(notice: NoticePosted) -> NoticePeriod:
    return NoticePeriod(notice.posted_on, notice.days, notice.period_end)


def _keep(breach: Breach | None) -> None:
    if breach is not None:
        refuse(breach.rule, breach.zh, breach.en)
