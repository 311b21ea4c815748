"""赛前 — opening a contest, its scheme, the contestants, their reports and the judges.

Rules:

- a contest is opened once; opening it again the same way changes nothing, otherwise
  it is refused (举办后不可更改);
- the scheme, the contestants and the panel are fixed before the first round; adopting
  the scheme in force again changes nothing, another makes the next version;
- a contestant is a unit under the host (本镇所属), entered by its party secretary at
  the time, each unit once and each drawn order once;
- a report is filed before its contestant's round opens; filing the same again
  changes nothing, a different one is the next revision;
- a judge is a registered person who is not a contestant; the unit they belong to, if
  named, exists.
"""

from __future__ import annotations

import attrs

from dangjian_core.contests.commands import (
    AdoptContestScheme,
    AppointJudge,
    EnterContestant,
    FileReport,
    OpenContest,
)
from dangjian_core.contests.events import (
    ContestantEntered,
    ContestJudgeAppointed,
    ContestOpened,
    ContestReportFiled,
    ContestSchemeAdopted,
)
from dangjian_core.contests.rules.common import entry_of, not_published, not_started, refuse
from dangjian_core.contests.state import ContestState, RoundStatus
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import lies_within
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UnitState, alive, other


def open_contest(command: OpenContest, contest: ContestState | None) -> list[ContestOpened]:
    """举办: once; the same again changes nothing."""
    event = ContestOpened(
        command.contest_id,
        command.host_unit_id,
        command.title,
        command.held_on,
        command.live_stream,
    )
    if contest is None:
        return [event]
    same = (contest.host_unit_id, contest.title, contest.held_on, contest.live_stream)
    if same == (event.host_unit_id, event.title, event.held_on, event.live_stream):
        return []
    raise refuse(
        f"{command.contest_id} 已举办, 不能更改主办单位、名称或日期",
        f"{command.contest_id} is already opened; its host, title and day are fixed",
    )


def adopt(command: AdoptContestScheme, contest: ContestState) -> list[ContestSchemeAdopted]:
    """评分细则: before the first round; the one in force again changes nothing."""
    if contest.scheme == command.scheme:
        return []
    not_published(contest)
    not_started(contest, "更改评分细则", "the scheme")
    version = len(contest.schemes) + 1
    return [ContestSchemeAdopted(command.contest_id, version, command.scheme)]


def enter(
    command: EnterContestant, contest: ContestState, host: UnitState, facts: Facts
) -> list[ContestantEntered]:
    """报名: a unit under the host, by its secretary, each unit and order once."""
    event = ContestantEntered(
        command.contest_id, command.unit_id, PersonId(command.person_id), command.order
    )
    found = contest.entries.get(command.unit_id)
    if found is not None and (found.person_id, found.order) == (event.person_id, event.order):
        return []
    not_started(contest, "报名", "the field")
    if found is not None:
        raise refuse(
            f"{command.unit_id} 已报名(每个单位一名参赛者)",
            f"{command.unit_id} has already entered (one contestant per unit)",
        )
    unit = alive(other(facts, command.unit_id), command.at)
    if unit.unit_id == host.unit_id or not lies_within(facts, unit.unit_id, host, command.at):
        raise refuse(
            f"{command.unit_id} 不是 {host.unit_id} 所属单位, 不能参加其擂台赛",
            f"{command.unit_id} is not a unit under {host.unit_id}",
        )
    if not unit.has_role(command.person_id, (Role.SECRETARY,), command.at):
        raise refuse(
            f"{command.person_id} 不是 {command.unit_id} 的党组织书记, 不能代表其述职",
            f"{command.person_id} is not the party secretary of {command.unit_id}",
        )
    taken = {e.order: e.unit_id for e in contest.entries.values()}
    if command.order in taken:
        raise refuse(
            f"出场顺序 {command.order} 已抽给 {taken[command.order]}",
            f"order {command.order} is already drawn by {taken[command.order]}",
        )
    return [event]


def file_report(command: FileReport, contest: ContestState) -> list[ContestReportFiled]:
    """述职报告: before the round; the same again changes nothing."""
    entry = entry_of(contest, command.unit_id)
    sections = (
        command.highlights,
        command.measures,
        command.results,
        command.shortcomings,
        command.next_steps,
        command.attachments,
    )
    last = entry.report
    if last is not None and sections == (
        last.highlights,
        last.measures,
        last.results,
        last.shortcomings,
        last.next_steps,
        last.attachments,
    ):
        return []
    if entry.round is not RoundStatus.WAITING:
        raise refuse(
            f"{command.unit_id} 已上台述职, 不能再改述职报告(报告须在上台前提交)",
            f"{command.unit_id} has taken the stage; the report is filed before the round",
        )
    revision = 1 if last is None else last.revision + 1
    return [ContestReportFiled(command.contest_id, command.unit_id, *sections, revision)]


def appoint(
    command: AppointJudge, contest: ContestState, facts: Facts
) -> list[ContestJudgeAppointed]:
    """评委: a registered person, not a contestant, before the first round."""
    if contest.judges.get(command.judge_id) == command.home_unit_id:
        return []
    not_started(contest, "调整评委", "the panel")
    if facts.get(PERSON, command.judge_id) is None:
        raise UnknownSubject(
            f"人员 {command.judge_id} 不存在", f"no such person: {command.judge_id}"
        )
    if any(e.person_id == command.judge_id for e in contest.entries.values()):
        raise refuse(
            f"{command.judge_id} 是参赛者, 不能担任评委",
            f"{command.judge_id} is a contestant and may not judge",
        )
    if command.home_unit_id:
        other(facts, command.home_unit_id)
    judge = PersonId(command.judge_id)
    return [ContestJudgeAppointed(command.contest_id, judge, command.home_unit_id)]


def evolve_report(contest: ContestState, event: ContestReportFiled) -> ContestState:
    """The contest with the contestant's latest report."""
    entry = contest.entries.get(event.unit_id)
    if entry is None:
        return contest
    entries = {**contest.entries, event.unit_id: attrs.evolve(entry, report=event)}
    return attrs.evolve(contest, entries=entries)
