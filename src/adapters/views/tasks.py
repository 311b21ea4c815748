"""任务查询 — a task with its claims, and a branch's tasks, from the read models."""

from __future__ import annotations

from typing import Any

from attrs import frozen

from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one


@frozen
class TaskView:
    """任务详情 — a task's row and its claims."""

    task: dict[str, Any]
    claims: tuple[dict[str, Any], ...]


def task(views: Selecting, task_id: str) -> TaskView:
    """A task and its claims (by when they last changed)."""
    row = one(views.select("tasks", {"task_id": task_id}), "任务", task_id)
    claims = views.select("claims", {"task_id": task_id}, order_by=("updated_at",))
    return TaskView(row, tuple(claims))


def tasks(views: Selecting, branch_id: str) -> Rows:
    """A branch's tasks, newest first."""
    rows = views.select("tasks", {"branch_id": branch_id}, order_by=("position",))
    return list(reversed(rows))


def waitlist(view: TaskView) -> list[dict[str, Any]]:
    """The task's waiting claims in order, each with its ``place`` (1 is next)."""
    waiting = [c for c in view.claims if c.get("status") == "waiting"]
    ordered = sorted(waiting, key=lambda c: (int(c.get("queue") or 0), str(c["person_id"])))
    return [{**claim, "place": n} for n, claim in enumerate(ordered, 1)]


def place_of(view: TaskView, person_id: str) -> int | None:
    """The person's place on the task's waitlist (None: not waiting)."""
    return next((c["place"] for c in waitlist(view) if c["person_id"] == person_id), None)
