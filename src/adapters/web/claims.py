"""领办卡片 — the reader's claims as 我的任务 shows them: the task, where the claim
stands, what was submitted (note and photos), and the review's outcome and reason; read
from the ``claims``, ``tasks`` and ``audit`` read models and the claimant's own events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs
from attrs import frozen
from fastapi import Request

from adapters.views.reading import read
from adapters.views.tasks import TaskView, place_of
from adapters.web.acting import app_of
from adapters.web.cards import WITHDRAWABLE
from adapters.web.evidence import Submission, latest, positions
from adapters.web.wording import left, when
from dangjian_core.tasks.state import CLAIM_STATUS_NAMES, ClaimStatus

#: The order claims are listed in: work still to do first, given-back claims last.
_ORDER = {
    ClaimStatus.CLAIMED.value: 0,
    ClaimStatus.ENTERED.value: 1,
    ClaimStatus.WAITING.value: 1,
    ClaimStatus.REJECTED.value: 1,
    ClaimStatus.SUBMITTED.value: 2,
    ClaimStatus.APPROVED.value: 3,
    ClaimStatus.FAILED.value: 3,
    ClaimStatus.REVOKED.value: 3,
    ClaimStatus.NO_SHOW.value: 3,
    ClaimStatus.RELEASED.value: 4,
    ClaimStatus.WITHDRAWN.value: 5,
}


@frozen
class ClaimCard:
    """我的一份领办 — the task, the claim's status, the latest submission and review."""

    task_id: str
    title: str
    category: str
    points: int
    deadline: str
    left: str
    status: str
    status_zh: str
    awarded: int
    reason: str
    #: Whether the task still takes steps (not cancelled, deadline ahead).
    running: bool
    submission: Submission | None
    submitted: str
    #: The place on the task's waitlist (1 is next; 0: not waiting).
    place: int = 0
    #: The end of the draw window the claim is entered in (``""``: none).
    draw_until: str = ""

    @property
    def leavable(self) -> bool:
        """Whether the claim waits (on the waitlist or in the draw) and may leave."""
        waiting = (ClaimStatus.WAITING.value, ClaimStatus.ENTERED.value)
        return self.running and self.status in waiting

    @property
    def submittable(self) -> bool:
        """Whether a completion may be sent now (first time, or once more after a rejection)."""
        return self.running and self.status in WITHDRAWABLE

    @property
    def withdrawable(self) -> bool:
        """Whether the claim may be given back now."""
        return self.running and self.status in WITHDRAWABLE


def my_claims(request: Request, person_id: str, now: datetime) -> list[ClaimCard]:
    """Every claim of the person, work still to do first, latest change first within."""
    app = app_of(request)
    found: list[tuple[dict[str, Any], dict[str, Any], set[int]]] = []
    places: dict[str, int] = {}
    with read(app.store) as views:
        rows = views.select("claims", {"person_id": person_id}, order_by=("updated_at",))
        for claim in reversed(rows):
            tasks = views.select("tasks", {"task_id": claim["task_id"]})
            if tasks:
                found.append((claim, tasks[0], positions(views, str(claim["task_id"]), person_id)))
            if tasks and claim["status"] == ClaimStatus.WAITING.value:
                everyone = views.select("claims", {"task_id": claim["task_id"]})
                view = TaskView(tasks[0], tuple(everyone))
                places[str(claim["task_id"])] = place_of(view, person_id) or 0
    cards = [
        attrs.evolve(
            _card(claim, task, latest(app.store, at, person_id), now),
            place=places.get(str(task["task_id"]), 0),
        )
        for claim, task, at in found
    ]
    return sorted(cards, key=lambda card: _ORDER.get(card.status, 9))


def _card(
    claim: dict[str, Any], task: dict[str, Any], submission: Submission | None, now: datetime
) -> ClaimCard:
    status = str(claim["status"])
    deadline = str(task["deadline"])
    running = task["status"] == "open" and datetime.fromisoformat(deadline) > now
    return ClaimCard(
        task_id=str(task["task_id"]),
        title=str(task["title"]),
        category=str(task["category"]),
        points=int(task["points"] or 0),
        deadline=when(deadline, now),
        left=left(deadline, now),
        status=status,
        status_zh=CLAIM_STATUS_NAMES[ClaimStatus(status)],
        awarded=int(claim["awarded"] or 0),
        reason=str(claim["reason"] or ""),
        running=running,
        submission=submission,
        submitted=when(submission.at, now) if submission else "",
        draw_until=when(str(task["draw_until"]), now) if task.get("draw_until") else "",
    )
