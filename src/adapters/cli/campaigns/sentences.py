"""攻坚说明 — one Chinese sentence per recorded campaign event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.campaigns.events import (
    CampaignFrontOpened,
    CampaignLaunched,
    CampaignProblemCompleted,
    CampaignProblemListed,
    CampaignProblemStarted,
    CampaignWorkLinked,
    MilestoneProgressReported,
    MilestoneSet,
    TaskForceFormed,
    TaskForceMemberJoined,
    TaskForceMemberLeft,
)


def _launched(e: CampaignLaunched) -> str:
    return f"攻坚行动已发起: {e.unit_id} 「{e.name}」({e.campaign_id}), {e.starts} 至 {e.ends}"


def _front(e: CampaignFrontOpened) -> str:
    return f"攻坚战场已设立: {e.campaign_id} 「{e.name}」({e.front_id})"


def _listed(e: CampaignProblemListed) -> str:
    return f"攻坚点已列入: {e.campaign_id} {e.front_id} 「{e.title}」({e.problem_id})"


def _formed(e: TaskForceFormed) -> str:
    return f"攻坚党小组已组建: {e.problem_id} 组长 {e.leader_id}, 自 {e.since}"


def _joined(e: TaskForceMemberJoined) -> str:
    return (
        f"攻坚党小组成员已加入: {e.problem_id} {e.person_id} ({e.capacity.zh}, 来自 "
        f"{e.home_unit_id}), 自 {e.since}"
    )


def _left(e: TaskForceMemberLeft) -> str:
    return f"攻坚党小组成员已退出: {e.problem_id} {e.person_id} ({e.since} 至 {e.until})"


def _started(e: CampaignProblemStarted) -> str:
    return f"攻坚点已启动: {e.problem_id}, {e.on}"


def _milestone(e: MilestoneSet) -> str:
    return (
        f"节点目标已设定: {e.problem_id} 第 {e.milestone_no} 个节点「{e.title}」"
        f"{e.target}{e.measure}, {e.due} 前"
    )


def _reported(e: MilestoneProgressReported) -> str:
    over = " (超额完成)" if e.over_fulfilment else ""
    return (
        f"节点进展已报告: {e.problem_id} 第 {e.milestone_no} 个节点累计 {e.achieved}{over}, "
        f"{e.on} 由 {e.reporter_id} 报告, 佐证: {e.evidence}"
    )


def _completed(e: CampaignProblemCompleted) -> str:
    return f"攻坚点已完成: {e.problem_id}, {e.on}"


def _linked(e: CampaignWorkLinked) -> str:
    return f"攻坚点已关联工作: {e.problem_id} ← {e.kind.zh} {e.target_id}"


SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    CampaignLaunched: _launched,
    CampaignFrontOpened: _front,
    CampaignProblemListed: _listed,
    TaskForceFormed: _formed,
    TaskForceMemberJoined: _joined,
    TaskForceMemberLeft: _left,
    CampaignProblemStarted: _started,
    MilestoneSet: _milestone,
    MilestoneProgressReported: _reported,
    CampaignProblemCompleted: _completed,
    CampaignWorkLinked: _linked,
}
