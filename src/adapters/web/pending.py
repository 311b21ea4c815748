"""待审核 — the completions waiting for review in a reader's branch: each task's
submitted claims but the reader's own, with the claimant's name and their latest
submission (note, photos, when, which attempt)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import frozen
from fastapi import Request

from adapters.views import tasks
from adapters.views.reading import one, read
from adapters.web.acting import app_of
from adapters.web.cards import home_branch
from adapters.web.evidence import Submission, latest, positions
from adapters.web.wording import when
from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.facts import Facts
from dangjian_core.tasks.permissions import may_review
from dangjian_core.tasks.state import ClaimStatus


@frozen
class Pending:
    """一份待审核 — the task, the claimant and what they submitted."""

    task_id: str
    title: str
    category: str
    points: int
    claimant_id: str
    claimant: str
    submission: Submission | None
    submitted: str


def reader_branch(request: Request, reader_id: str) -> str:
    """The branch whose completions a reader would review: the one running their tasks."""
    with read(app_of(request).store) as views:
        person = one(views.select("people", {"person_id": reader_id}), "人员", reader_id)
        return home_branch(views, str(person["branch_id"]))


def not_a_reviewer(request: Request, reader_id: str) -> Rule | None:
    """The core's rule, asked now, if the reader does not review their branch's tasks."""
    branch = reader_branch(request, reader_id)

    def ask(facts: Facts, at: datetime) -> Rule | None:
        return may_review(facts, branch, reader_id, at)

    return app_of(request).judge(f"review:{branch}", ask)


def pending(request: Request, reader_id: str, now: datetime) -> list[Pending]:
    """Every completion waiting for review in the reader's branch but the reader's own,
    oldest task first."""
    app = app_of(request)
    found: list[tuple[dict[str, Any], str, str, set[int]]] = []
    with read(app.store) as views:
        person = one(views.select("people", {"person_id": reader_id}), "人员", reader_id)
        branch = home_branch(views, str(person["branch_id"]))
        for task in reversed(tasks.tasks(views, branch)):
            if task["status"] != "open":
                continue
            waiting = {"task_id": task["task_id"], "status": ClaimStatus.SUBMITTED.value}
            for claim in views.select("claims", waiting, order_by=("updated_at",)):
                claimant = str(claim["person_id"])
                if claimant == reader_id:
                    continue
                rows = views.select("people", {"person_id": claimant})
                name = str(rows[0]["name"]) if rows else claimant
                at = positions(views, str(task["task_id"]), claimant)
                found.append((task, claimant, name, at))
    return [
        _pending(app.store, task, claimant, name, at, now) for task, claimant, name, at in found
    ]


def _pending(
    store: Any, task: dict[str, Any], claimant: str, name: str, at: set[int], now: datetime
) -> Pending:
    submission = latest(store, at, claimant)
    return Pending(
        task_id=str(task["task_id"]),
        title=str(task["title"]),
        category=str(task["category"]),
        points=int(task["points"] or 0),
        claimant_id=claimant,
        claimant=name,
        submission=submission,
        submitted=when(submission.at, now) if submission else "",
    )
