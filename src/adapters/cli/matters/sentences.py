"""村务决策说明 — one Chinese sentence per recorded village-decision event.

An objector's name and contact never appear (personal data)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.matters.events import (
    ImplementationRecorded,
    MatterNoticePublished,
    MatterObjectionAnswered,
    MatterObjectionFiled,
    MatterOpened,
    MeetingHeld,
    ProcedureAdopted,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.procedures import SHIPPED

#: The Chinese name of every shipped step, by key (a town's own keys show as they are).
_NAMES = {s.key: s.name for p in SHIPPED.values() for s in p.steps}


def _name(key: str) -> str:
    return _NAMES.get(key, key)


def _procedure(event: ProcedureAdopted) -> str:
    steps = " → ".join(s.name for s in event.procedure.steps)
    return f"{event.unit_id} 已采用第 {event.version} 版决策程序「{event.procedure.name}」: {steps}"


def _roll(event: RollSet) -> str:
    director = f", 村委会主任 {event.director_id}" if event.director_id else ""
    return (
        f"{event.unit_id} 自 {event.since} 起{event.body.zh}名册 {len(event.members)} 人{director}"
    )


def _opened(event: MatterOpened) -> str:
    items = f", 共 {len(event.items)} 项" if event.items else ""
    return (
        f"{event.unit_id} 村务事项 {event.matter_id}「{event.title}」已立项"
        f"({event.origin.zh}{items}), 按「{event.procedure.name}」决策"
    )


def _gathered(event: SuggestionsGathered) -> str:
    return f"{event.matter_id} {event.gathered_on} 征集群众建议 {event.count} 条: {event.summary}"


def _meeting(event: MeetingHeld) -> str:
    expected, present = len(event.expected), len(event.present)
    ratio = f"{present * 100 // expected}%" if expected else "—"
    steps = "、".join(_name(k) for k in event.steps)
    return (
        f"{event.matter_id} {event.held_on} {event.body.zh}({steps}): 应到 {expected} 人, "
        f"实到 {present} 人 ({ratio}); 赞成 {event.votes_for}, 反对 {event.votes_against}, "
        f"弃权 {event.abstentions} — {event.outcome.zh}"
    )


def _published(event: MatterNoticePublished) -> str:
    return (
        f"{event.matter_id} {event.kind.zh}: {event.posted_on} 至 {event.period_end} "
        f"({event.days} 个工作日)"
    )


def _implemented(event: ImplementationRecorded) -> str:
    return f"{event.matter_id} 实施结果已记录 ({event.done_on}): {event.summary}"


def _objection(event: MatterObjectionFiled) -> str:
    return f"{event.matter_id} 收到对{_name(event.step)}的异议 {event.objection_id}"


def _answered(event: MatterObjectionAnswered) -> str:
    return f"{event.matter_id} 异议 {event.objection_id} 已答复: {event.answer}"


#: The sentence for each village-decision event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    ProcedureAdopted: _procedure,
    RollSet: _roll,
    MatterOpened: _opened,
    SuggestionsGathered: _gathered,
    MeetingHeld: _meeting,
    MatterNoticePublished: _published,
    ImplementationRecorded: _implemented,
    MatterObjectionFiled: _objection,
    MatterObjectionAnswered: _answered,
}
