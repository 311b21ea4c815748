"""公开承诺查询 — a unit's commitments of a year from the read models: every pledge and
where it stands, one pledger's commitment with its progress and grades, the board of the
posted ones on a day (overdue flagged), the feedback (public rows without any giver's
data; the contacts apart, for the branch only), the rule's versions, the scores, a score
explained, the star criterion computed from it, and counts over many books.

Rows are plain ``dict`` with English keys; :data:`LABELS` gives their Chinese labels.
Calculations are the core's (:mod:`dangjian_core.commitments.queries`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one, read
from dangjian_core.commitments.queries import (
    BookCounts,
    CommitmentBoard,
    ScoreExplanation,
    board,
    counts,
    explain_score,
    overdue,
)
from dangjian_core.commitments.state import FeedbackStatus
from dangjian_core.kernel.readmodel import Value

Row = dict[str, Any]

LABELS: dict[str, str] = {
    "pledger_id": "承诺人",
    "item_no": "序号",
    "collective": "集体承诺",
    "owner_id": "负责人",
    "post": "岗位",
    "content": "承诺内容",
    "target": "目标",
    "due": "完成时限",
    "status": "状态",
    "revisions": "修改次数",
    "ground": "退回原因",
    "returned_reason": "退回理由",
    "posted_on": "公示日期",
    "posted_until": "公示至",
    "changes": "变更次数",
    "change_reason": "变更理由",
    "withdrawn_reason": "撤回理由",
    "reports": "进展报告数",
    "done": "已报完成",
    "last_report_at": "最近报告",
    "score": "得分",
    "outcome": "兑现情况",
    "feedback_id": "意见编号",
    "text": "意见内容",
    "left_at": "提出时间",
    "reason": "处理理由",
    "moderated_at": "处理时间",
}
"""The Chinese label of every field of the pledge and feedback rows."""


@frozen
class CommitmentView:
    """一人的承诺 — a pledger's pledges, progress reports, grades and concluded score."""

    unit_id: str
    year: int
    pledger_id: str
    name: str
    pledges: tuple[Row, ...]
    progress: tuple[Row, ...]
    grades: tuple[Row, ...]
    score: Row | None


def _book(unit_id: str, year: int) -> dict[str, Any]:
    return {"unit_id": unit_id, "year": year}


def names_of(views: Selecting, ids: Iterable[str]) -> dict[str, str]:
    """The names of people and units among ``ids`` (an id with no name keeps itself)."""
    found: dict[str, str] = {}
    for subject in set(ids):
        rows = views.select("people", {"person_id": subject}) or views.select(
            "units", {"unit_id": subject}
        )
        if rows:
            found[subject] = str(rows[0]["name"])
    return found


def pledges(views: Selecting, unit_id: str, year: int) -> Rows:
    """Every pledge of the book, by pledger and number."""
    order = ("pledger_id", "item_no")
    return views.select("commitment_pledges", _book(unit_id, year), order_by=order)


def commitment(views: Selecting, unit_id: str, year: int, pledger_id: str) -> CommitmentView:
    """One pledger's commitment (refused when they have none in the book)."""
    key = {**_book(unit_id, year), "pledger_id": pledger_id}
    found = views.select("commitment_pledges", key, order_by=("item_no",))
    one(found, "承诺", f"{pledger_id}@{unit_id}/{year}")
    progress = views.select("commitment_progress", key, order_by=("item_no", "position"))
    grades = views.select("commitment_grades", key, order_by=("body", "item_no"))
    scores = views.select("commitment_scores", key)
    name = names_of(views, [pledger_id]).get(pledger_id, pledger_id)
    return CommitmentView(
        unit_id,
        year,
        pledger_id,
        name,
        tuple(found),
        tuple(progress),
        tuple(grades),
        scores[0] if scores else None,
    )


def posted_board(views: Selecting, unit_id: str, year: int, on: date) -> CommitmentBoard:
    """亮诺榜: the posted pledges as they stand on ``on``, with names."""
    rows = pledges(views, unit_id, year)
    names = names_of(
        views, [str(r["pledger_id"]) for r in rows] + [str(r["owner_id"]) for r in rows]
    )
    return board(unit_id, year, rows, names, on)


def feedback(views: Selecting, unit_id: str, year: int, *, shown_only: bool = False) -> Rows:
    """Feedback and its moderation, oldest first (public: no giver's data)."""
    where = _book(unit_id, year)
    if shown_only:
        where["status"] = FeedbackStatus.SHOWN.value
    return views.select("commitment_feedback", where, order_by=("left_at", "feedback_id"))


class CommitmentQueries:
    """承诺查询 — the commitment read models of a store, each query catching them up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def pledges(self, unit_id: str, year: int) -> Rows:
        """Every pledge of a unit's book for a year."""
        with read(self._store) as views:
            return pledges(views, unit_id, year)

    def commitment(self, unit_id: str, year: int, pledger_id: str) -> CommitmentView:
        """One pledger's commitment, progress, grades and score."""
        with read(self._store) as views:
            return commitment(views, unit_id, year, pledger_id)

    def board(self, unit_id: str, year: int, on: date) -> CommitmentBoard:
        """亮诺榜 on a day."""
        with read(self._store) as views:
            return posted_board(views, unit_id, year, on)

    def overdue(self, unit_id: str, year: int, on: date) -> Rows:
        """The posted pledges overdue on ``on``."""
        with read(self._store) as views:
            return [dict(row) for row in overdue(pledges(views, unit_id, year), on)]

    def feedback(self, unit_id: str, year: int, *, shown_only: bool = False) -> Rows:
        """The villagers' feedback (public rows: no names, no contacts)."""
        with read(self._store) as views:
            return feedback(views, unit_id, year, shown_only=shown_only)

    def feedback_contacts(self, unit_id: str, year: int) -> dict[str, Row]:
        """Each feedback's giver, name and contact, for the branch checking it only
        (personal data)."""
        with read(self._store) as views:
            rows = views.select("commitment_feedback_contacts", _book(unit_id, year))
        return {str(row["feedback_id"]): row for row in rows}

    def rules(self, unit_id: str, year: int) -> Rows:
        """Every version of the book's assessment rule."""
        with read(self._store) as views:
            return views.select("commitment_rules", _book(unit_id, year), order_by=("version",))

    def scores(self, unit_id: str, year: int) -> Rows:
        """The concluded scores of the book, highest first."""
        with read(self._store) as views:
            rows = views.select("commitment_scores", _book(unit_id, year))
        return sorted(rows, key=lambda r: (-int(r["score"] or 0), str(r["pledger_id"])))

    def explain(self, unit_id: str, year: int, pledger_id: str) -> ScoreExplanation:
        """A concluded score traced to the rule's version and the bodies' grades."""
        with read(self._store) as views:
            key = {**_book(unit_id, year), "pledger_id": pledger_id}
            score = one(views.select("commitment_scores", key), "评诺得分", pledger_id)
            version = {**_book(unit_id, year), "version": score["rule_version"]}
            rule = one(views.select("commitment_rules", version), "评诺规则", unit_id)
            return explain_score(
                score,
                views.select("commitment_pledges", key),
                views.select("commitment_grades", key),
                rule,
            )

    def star_criteria(self, year: int, subject_id: str) -> Rows:
        """The star criteria computed for a subject's ratings of a year (公开承诺)."""
        with read(self._store) as views:
            where: dict[str, Value] = {"year": year, "subject_id": subject_id}
            return views.select("star_criteria", where, order_by=("unit_id", "kind", "name"))

    def counts(self, year: int, unit_ids: Iterable[str] | None = None) -> BookCounts:
        """Posted commitments of a year over the given units' books (all units if None)."""
        with read(self._store) as views:
            if unit_ids is None:
                return counts(views.select("commitment_pledges", {"year": year}))
            return counts(r for u in unit_ids for r in pledges(views, u, year))
