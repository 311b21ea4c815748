"""村务决策查询 — a village's matters from the read models: every matter and where it stands,
one matter with its steps (roll, attendance, ratio and vote), its two publications and the
objections with their answers (public rows, without any objector's name or contact; the
contacts apart, for the branch only).

Rows are plain ``dict`` with English keys; :data:`LABELS` gives their Chinese labels.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one, read
from dangjian_core.matters.procedures import SHIPPED

Row = dict[str, Any]

LABELS: dict[str, str] = {
    "matter_id": "事项编号",
    "title": "事项",
    "origin": "来源",
    "procedure": "决策程序",
    "items": "子项",
    "status": "进展",
    "last_step": "最近步骤",
    "steps": "步骤",
    "body": "议事主体",
    "held_on": "日期",
    "notice_sent_on": "通知日期",
    "expected": "应到",
    "present": "实到",
    "ratio": "到会比例",
    "votes_for": "赞成",
    "votes_against": "反对",
    "abstentions": "弃权",
    "outcome": "结果",
    "posted_on": "公开日期",
    "period_end": "公示至",
    "days": "工作日",
    "objection_id": "异议编号",
    "text": "内容",
    "answer": "答复",
}
"""The Chinese label of every field of the matter rows."""

#: A matter's status in Chinese.
STATUS: dict[str, str] = {
    "opened": "已立项",
    "in_progress": "决策中",
    "resolved": "已决议",
    "resolution_published": "决议已公开",
    "implemented": "已实施",
    "result_published": "实施结果已公开",
    "ended": "已终止",
    "returned": "已退回重新提议",
}


@frozen
class MatterView:
    """一件村务 — the matter's row, its steps in order, publications and objections."""

    matter: Row
    steps: tuple[Row, ...]
    notices: tuple[Row, ...]
    objections: tuple[Row, ...]


def step_names() -> dict[str, str]:
    """The Chinese name of every shipped step key (a town's own keys show as they are)."""
    return {s.key: s.name for p in SHIPPED.values() for s in p.steps}


def ratio(row: Row) -> str:
    """实到 over 应到 as a percentage ("—" where nobody was expected)."""
    expected = int(row.get("expected") or 0)
    return f"{int(row['present']) * 100 // expected}%" if expected else "—"


def matters(views: Selecting, unit_id: str) -> Rows:
    """Every matter of the village, by id."""
    return views.select("matters", {"unit_id": unit_id}, order_by=("matter_id",))


def matter(views: Selecting, unit_id: str, matter_id: str) -> MatterView:
    """One matter (refused when the village has none by that id)."""
    key = {"unit_id": unit_id, "matter_id": matter_id}
    row = one(views.select("matters", key), "村务事项", f"{unit_id}/{matter_id}")
    steps = views.select("matter_steps", key, order_by=("position",))
    notices = views.select("matter_notices", key, order_by=("posted_on",))
    objections = views.select("matter_objections", key, order_by=("objection_id",))
    return MatterView(
        row,
        tuple({**s, "ratio": ratio(s)} for s in steps),
        tuple(notices),
        tuple(objections),
    )


class MatterQueries:
    """村务决策查询 — the reads above over a store, each caught up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def matters(self, unit_id: str) -> Rows:
        """Every matter of the village."""
        with read(self._store) as views:
            return matters(views, unit_id)

    def matter(self, unit_id: str, matter_id: str) -> MatterView:
        """One matter with its steps, publications and objections."""
        with read(self._store) as views:
            return matter(views, unit_id, matter_id)

    def objection_contacts(self, unit_id: str, matter_id: str) -> dict[str, Row]:
        """The objectors' names and contacts, by objection (the branch's only)."""
        key = {"unit_id": unit_id, "matter_id": matter_id}
        with read(self._store) as views:
            rows = views.select("matter_objection_contacts", key)
        return {str(r["objection_id"]): r for r in rows}
