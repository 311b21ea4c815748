"""赛中 — a contestant's round: opened, scored by the judges (sealed), corrected, closed
with the sheets shown (现场亮分).

Rules:

- a round opens under a scheme, for a contestant whose report is filed, one round at a
  time and once per contestant, with at least one judge to score it (three under the
  trimmed mean, which drops two);
- a judge scores while the round is open, marking every criterion of the scheme and
  nothing else; a submitted sheet is final: the same again changes nothing, different
  marks are refused — they take a correction;
- a correction names a reason and replaces the judge's own submitted sheet, before the
  results are published; shown at once when its round has closed;
- a round closes once every judge who may score it has; the sheets are then shown.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from dangjian_core.contests import permissions as p
from dangjian_core.contests.commands import CloseRound, CorrectScore, OpenRound, SubmitScore
from dangjian_core.contests.events import (
    ContestRoundClosed,
    ContestRoundOpened,
    ContestScoreCorrected,
    ContestScoreSubmitted,
)
from dangjian_core.contests.rules.common import entry_of, not_published, refuse
from dangjian_core.contests.state import ContestState, Entry, RoundStatus
from dangjian_core.contests.values import Aggregation, ContestScheme, Mark, Sheet
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId


def scheme_of(contest: ContestState) -> ContestScheme:
    """The scheme in force, or the refusal: a contest is scored under a scheme."""
    if contest.scheme is None:
        raise refuse(
            f"{contest.contest_id} 尚未采用评分细则(须先定评分细则再开始述职)",
            f"{contest.contest_id} has no scheme; adopt one before the first round",
        )
    return contest.scheme


def eligible(contest: ContestState, entry: Entry, facts: Facts, at: datetime) -> list[str]:
    """The judges who may score ``entry`` at ``at`` (评委回避 excluded), by id."""
    return sorted(
        j for j, home in contest.judges.items() if p.own_unit(facts, home, j, entry, at) is None
    )


def open_round(command: OpenRound, contest: ContestState, facts: Facts) -> list[ContestRoundOpened]:
    """上台: under a scheme, with a report, one at a time, once, with enough judges."""
    entry = entry_of(contest, command.unit_id)
    if entry.round is RoundStatus.OPEN:
        return []
    not_published(contest)
    scheme = scheme_of(contest)
    if entry.round is RoundStatus.CLOSED:
        raise refuse(
            f"{command.unit_id} 已述职并亮分(每位参赛者述职一轮)",
            f"{command.unit_id} has had its round (one round per contestant)",
        )
    if entry.report is None:
        raise refuse(
            f"{command.unit_id} 尚未提交述职报告(须先提交报告再上台)",
            f"{command.unit_id} has filed no report; it is filed before the round",
        )
    on_stage = contest.open_round
    if on_stage is not None:
        raise refuse(
            f"{on_stage.unit_id} 正在述职, 亮分后才能开始下一轮(一次一轮)",
            f"{on_stage.unit_id} is on stage; one round at a time",
        )
    needed = 3 if scheme.aggregation is Aggregation.TRIMMED else 1
    judges = eligible(contest, entry, facts, command.at)
    if len(judges) < needed:
        raise refuse(
            f"{command.unit_id} 可评分的评委只有 {len(judges)} 名, {scheme.aggregation.zh}须至少 {needed} 名",
            f"only {len(judges)} judges may score {command.unit_id}; {needed} are needed",
        )
    return [ContestRoundOpened(command.contest_id, command.unit_id)]


def _check_marks(scheme: ContestScheme, marks: tuple[Mark, ...]) -> None:
    """每项都评: every criterion of the scheme, and nothing else."""
    given = sorted(m.criterion for m in marks)
    if given != sorted(scheme.names):
        raise refuse(
            f"评分须逐项评定评分细则的指标: {'、'.join(scheme.names)}(收到: {'、'.join(given)})",
            f"a sheet marks exactly the scheme's criteria: {', '.join(scheme.names)}",
        )


def _in_order(scheme: ContestScheme, marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    by_name = {m.criterion: m for m in marks}
    return tuple(Mark(n, str(by_name[n].value)) for n in scheme.names)


def submit(command: SubmitScore, contest: ContestState) -> list[ContestScoreSubmitted]:
    """评分: while the round is open; final once submitted."""
    entry = entry_of(contest, command.unit_id)
    scheme = scheme_of(contest)
    _check_marks(scheme, command.sheet)
    marks = _in_order(scheme, command.sheet)
    submitted = entry.sheets.get(command.actor_id)
    if submitted == marks:
        return []
    if submitted is not None:
        raise refuse(
            f"{command.actor_id} 已提交对 {command.unit_id} 的评分, 提交后不可更改(须以更正记录并说明理由)",
            f"{command.actor_id} has scored {command.unit_id}; a submitted score is final "
            "unless corrected with a reason",
        )
    if entry.round is not RoundStatus.OPEN:
        raise refuse(
            f"{command.unit_id} 的述职轮次{entry.round.zh}, 不能评分(只在述职轮次中评分)",
            f"the round of {command.unit_id} is not open; judges score during it",
        )
    judge = PersonId(command.actor_id)
    return [ContestScoreSubmitted(command.contest_id, command.unit_id, judge, marks)]


def correct(command: CorrectScore, contest: ContestState) -> list[ContestScoreCorrected]:
    """更正: the judge's own submitted sheet, with a reason, before publication."""
    entry = entry_of(contest, command.unit_id)
    scheme = scheme_of(contest)
    _check_marks(scheme, command.sheet)
    marks = _in_order(scheme, command.sheet)
    submitted = entry.sheets.get(command.actor_id)
    if submitted is None:
        raise refuse(
            f"{command.actor_id} 未对 {command.unit_id} 评分, 无可更正",
            f"{command.actor_id} has not scored {command.unit_id}; nothing to correct",
        )
    if submitted == marks:
        return []
    not_published(contest)
    revealed = entry.round is RoundStatus.CLOSED
    return [
        ContestScoreCorrected(
            command.contest_id,
            command.unit_id,
            PersonId(command.actor_id),
            marks,
            command.reason,
            revealed,
        )
    ]


def close(command: CloseRound, contest: ContestState, facts: Facts) -> list[ContestRoundClosed]:
    """亮分: once every judge who may score the contestant has."""
    entry = entry_of(contest, command.unit_id)
    if entry.round is RoundStatus.CLOSED:
        return []
    if entry.round is not RoundStatus.OPEN:
        raise refuse(
            f"{command.unit_id} 尚未开始述职, 不能亮分",
            f"the round of {command.unit_id} has not opened",
        )
    missing = [j for j in eligible(contest, entry, facts, command.at) if j not in entry.sheets]
    if missing:
        raise refuse(
            f"尚有评委未对 {command.unit_id} 评分: {'、'.join(missing)}(全部评委评分后亮分)",
            f"judges who have not scored {command.unit_id} yet: {', '.join(missing)}",
        )
    sheets = tuple(Sheet(j, entry.sheets[j]) for j in sorted(entry.sheets))
    return [ContestRoundClosed(command.contest_id, command.unit_id, sheets)]


def with_round(contest: ContestState, unit_id: str, status: RoundStatus) -> ContestState:
    """The contest with one contestant's round moved to ``status``."""
    entry = contest.entries.get(unit_id)
    if entry is None:
        return contest
    entries = {**contest.entries, unit_id: attrs.evolve(entry, round=status)}
    return attrs.evolve(contest, entries=entries)


def with_sheet(
    contest: ContestState, unit_id: str, judge_id: str, marks: tuple[Mark, ...]
) -> ContestState:
    """The contest with one judge's sheet for a contestant as it now stands."""
    entry = contest.entries.get(unit_id)
    if entry is None:
        return contest
    sheets = {**entry.sheets, judge_id: marks}
    entries = {**contest.entries, unit_id: attrs.evolve(entry, sheets=sheets)}
    return attrs.evolve(contest, entries=entries)
