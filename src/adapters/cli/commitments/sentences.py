"""承诺说明 — one Chinese sentence per recorded commitment event.

A villager's name and contact never appear (personal data)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.commitments.events import (
    AssessmentConcluded,
    AssessmentRuleAdopted,
    CommitmentAssessed,
    CommitmentEvent,
    CommitmentPosted,
    CommitmentSubmitted,
    PledgeApproved,
    PledgeChanged,
    PledgeDrafted,
    PledgeFeedbackHidden,
    PledgeFeedbackLeft,
    PledgeFeedbackShown,
    PledgeProgressReported,
    PledgeReturned,
    PledgeRevised,
    PledgeWithdrawn,
)
from dangjian_core.commitments.scoring import show_score


def _book(event: CommitmentEvent) -> str:
    return f" {event.unit_id} {event.year} 年度"


def _pledge(event: Any) -> str:
    return f" {event.pledger_id} 第 {event.item_no} 项"


def _numbers(items: tuple[int, ...]) -> str:
    return "、".join(str(n) for n in items) or "(无)"


def _rule(event: AssessmentRuleAdopted) -> str:
    r = event.rule
    return (
        f"已采用{_book(event)}第 {event.version} 版评诺规则: 本人自评 {r.self_weight}%, "
        f"党员大会评议 {r.meeting_weight}%, 村民代表评议 {r.representatives_weight}%; "
        f"部分兑现计 {r.partly_value} 分, {r.fulfilled_from} 分以上为已兑现, "
        f"{r.partly_from} 分以上为部分兑现"
    )


def _drafted(event: PledgeDrafted) -> str:
    kind = "集体承诺" if event.collective else "承诺"
    return (
        f"已拟定{_book(event)}{kind} {_pledge(event)} ({event.post}): {event.content}; "
        f"目标 {event.target}; 完成时限 {event.due}; 负责人 {event.owner_id}"
    )


def _revised(event: PledgeRevised) -> str:
    return f"已修改{_book(event)}{_pledge(event)}: {event.content}; 目标 {event.target}"


def _submitted(event: CommitmentSubmitted) -> str:
    return f"{event.pledger_id} 已提交{_book(event)}承诺第 {_numbers(event.items)} 项, 待党支部审核"


def _approved(event: PledgeApproved) -> str:
    return f"已审核通过{_book(event)}{_pledge(event)}"


def _returned(event: PledgeReturned) -> str:
    return f"已退回{_book(event)}{_pledge(event)} ({event.ground.zh}): {event.reason}"


def _posted(event: CommitmentPosted) -> str:
    return (
        f"已亮诺: {event.pledger_id} {event.year} 年度承诺第 {_numbers(event.items)} 项"
        f"自 {event.posted_on} 起公示至 {event.posted_until}"
    )


def _withdrawn(event: PledgeWithdrawn) -> str:
    when = "公示后" if event.posted else ""
    return f"已{when}撤回{_book(event)}{_pledge(event)}: {event.reason}"


def _changed(event: PledgeChanged) -> str:
    return (
        f"已变更已公示的{_book(event)}{_pledge(event)}: {event.content}; 目标 {event.target}; "
        f"完成时限 {event.due}; 理由: {event.reason}"
    )


def _reported(event: PledgeProgressReported) -> str:
    done = ", 已完成" if event.done else ""
    proof = f" (佐证 {len(event.evidence)} 份)" if event.evidence else ""
    return f"{event.owner_id} 报告了{_pledge(event)} 的进展{done}: {event.note}{proof}"


def _left(event: PledgeFeedbackLeft) -> str:
    return f"已收到对{_pledge(event)} 的群众意见 {event.feedback_id}, 待党支部审核后公开"


def _shown(event: PledgeFeedbackShown) -> str:
    return f"已公开{_book(event)}群众意见 {event.feedback_id}"


def _hidden(event: PledgeFeedbackHidden) -> str:
    return f"已隐藏{_book(event)}群众意见 {event.feedback_id} (保留不删): {event.reason}"


def _assessed(event: CommitmentAssessed) -> str:
    grades = "、".join(f"第 {g.item_no} 项{g.grade.zh}" for g in event.grades) or "(无)"
    return f"已记录{event.body.zh}: {event.pledger_id} {event.year} 年度承诺 {grades}"


def _concluded(event: AssessmentConcluded) -> str:
    items = "、".join(
        f"第 {r.item_no} 项{r.outcome.zh} {show_score(r.score)} 分" for r in event.results
    )
    return (
        f"已确定 {event.pledger_id} {event.year} 年度评诺结果 (第 {event.rule_version} 版规则): "
        f"{items or '(无)'}; 得分 {show_score(event.score)}"
    )


#: The sentence for each commitment event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    AssessmentRuleAdopted: _rule,
    PledgeDrafted: _drafted,
    PledgeRevised: _revised,
    CommitmentSubmitted: _submitted,
    PledgeApproved: _approved,
    PledgeReturned: _returned,
    CommitmentPosted: _posted,
    PledgeWithdrawn: _withdrawn,
    PledgeChanged: _changed,
    PledgeProgressReported: _reported,
    PledgeFeedbackLeft: _left,
    PledgeFeedbackShown: _shown,
    PledgeFeedbackHidden: _hidden,
    CommitmentAssessed: _assessed,
    AssessmentConcluded: _concluded,
}
