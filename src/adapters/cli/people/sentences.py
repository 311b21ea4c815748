"""人员说明 — one Chinese sentence per recorded person event; personal details are never
spelled out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.people.events import (
    MembershipTransferred,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)


def _registered(event: PersonRegistered) -> str:
    return f"已登记 {event.name} ({event.person_id}), {event.status.zh}, 组织 {event.branch_id}"


def _status_changed(event: PartyStatusChanged) -> str:
    return f"已变更 {event.person_id} 的政治面貌为{event.status.zh} (自 {event.since})"


def _details_recorded(event: PersonDetailsRecorded) -> str:
    return f"已记录 {event.person_id} 的个人信息 (不公开)"


def _renamed(event: PersonRenamed) -> str:
    return f"已更正 {event.person_id} 的姓名为 {event.name}: {event.reason}"


def _probation_extended(event: ProbationExtended) -> str:
    return f"已延长 {event.person_id} 的预备期至 {event.until}: {event.reason}"


def _transferred(event: MembershipTransferred) -> str:
    return (
        f"已将 {event.person_id} 的组织关系由 {event.from_id} 转接至 {event.to_id} "
        f"(自 {show_time(event.since)}): {event.reason}"
    )


#: The sentence for each person event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    PersonRegistered: _registered,
    PartyStatusChanged: _status_changed,
    PersonDetailsRecorded: _details_recorded,
    PersonRenamed: _renamed,
    ProbationExtended: _probation_extended,
    MembershipTransferred: _transferred,
}
