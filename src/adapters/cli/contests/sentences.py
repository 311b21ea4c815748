"""擂台赛说明 — one Chinese sentence per recorded contest event.

A sealed sheet's marks never appear: a submitted or corrected sheet before its round
closes says only who scored whom."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.contests.events import (
    ContestantEntered,
    ContestInspectionRecorded,
    ContestJudgeAppointed,
    ContestOpened,
    ContestReportFiled,
    ContestResultsPublished,
    ContestReviewRecorded,
    ContestRoundClosed,
    ContestRoundOpened,
    ContestSchemeAdopted,
    ContestScoreCorrected,
    ContestScoreSubmitted,
)
from dangjian_core.contests.values import Mark


def _marks(marks: tuple[Mark, ...]) -> str:
    return ", ".join(f"{m.criterion} {m.value}" for m in marks)


def _opened(e: ContestOpened) -> str:
    live = " (现场述职 + 网络直播)" if e.live_stream else ""
    return f"{e.host_unit_id} 举办擂台赛 {e.contest_id}「{e.title}」, {e.held_on}{live}"


def _scheme(e: ContestSchemeAdopted) -> str:
    s = e.scheme
    weights = "、".join(f"{c.name} {c.weight}%" for c in s.criteria)
    seen = f"; 实地考察占 {s.inspection_weight}%" if s.inspection_weight else ""
    return (
        f"{e.contest_id} 采用第 {e.version} 版评分细则「{s.name}」: {weights}; "
        f"{s.aggregation.zh}{seen}; 同分规则: {s.tie_rule.zh}"
    )


def _entered(e: ContestantEntered) -> str:
    return f"{e.unit_id} 党组织书记 {e.person_id} 报名参加 {e.contest_id}, 出场顺序 {e.order}"


def _report(e: ContestReportFiled) -> str:
    files = f", 附件 {len(e.attachments)} 个" if e.attachments else ""
    return (
        f"{e.unit_id} 提交述职报告 (第 {e.revision} 版: 亮点、措施、成效、不足、下一步计划{files})"
    )


def _judge(e: ContestJudgeAppointed) -> str:
    home = f" (所在单位 {e.home_unit_id}, 回避其参赛者)" if e.home_unit_id else ""
    return f"{e.judge_id} 担任 {e.contest_id} 评委{home}"


def _submitted(e: ContestScoreSubmitted) -> str:
    return f"评委 {e.judge_id} 已对 {e.unit_id} 评分 (亮分前密封)"


def _closed(e: ContestRoundClosed) -> str:
    sheets = "; ".join(f"{s.judge_id}: {_marks(s.marks)}" for s in e.sheets)
    return f"{e.unit_id} 现场亮分: {sheets}"


def _corrected(e: ContestScoreCorrected) -> str:
    shown = f": {_marks(e.marks)}" if e.revealed else " (亮分前密封)"
    return f"评委 {e.judge_id} 更正对 {e.unit_id} 的评分{shown}; 理由: {e.reason}"


def _inspected(e: ContestInspectionRecorded) -> str:
    note = f" ({e.note})" if e.note else ""
    return f"{e.unit_id} 实地考察得分 {e.score}{note}"


def _review(e: ContestReviewRecorded) -> str:
    good = "; ".join(e.strengths)
    hope = "; ".join(e.expectations) or "(无)"
    return f"{e.reviewer}{e.reviewer_title and f' ({e.reviewer_title})'} 点评 — 好: {good}; 期望: {hope}"


def _published(e: ContestResultsPublished) -> str:
    top = ", ".join(f"第{p.rank}名 {p.unit_id} {p.final}" for p in e.placings[:3])
    return (
        f"{e.contest_id} 结果公示 {e.start} 至 {e.end} ({e.days} 个工作日), "
        f"按第 {e.version} 版评分细则: {top}"
    )


SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    ContestOpened: _opened,
    ContestSchemeAdopted: _scheme,
    ContestantEntered: _entered,
    ContestReportFiled: _report,
    ContestJudgeAppointed: _judge,
    ContestRoundOpened: lambda e: f"{e.unit_id} 上台述职 ({e.contest_id}), 评委开始评分",
    ContestScoreSubmitted: _submitted,
    ContestRoundClosed: _closed,
    ContestScoreCorrected: _corrected,
    ContestInspectionRecorded: _inspected,
    ContestReviewRecorded: _review,
    ContestResultsPublished: _published,
}
