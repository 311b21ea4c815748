"""任务卡片 — a task as the hall shows it, read from the ``tasks``, ``claims`` and
``people`` read models: what it is worth, how many slots are left, until when, why it
exists, who may claim it, and where the reader's own claim stands; and, when the slots
are gone, who took them first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import frozen
from fastapi import Request

from adapters.storage.mapper import recorded_of
from adapters.storage.views import Selecting
from adapters.views import tasks
from adapters.views.reading import one, read
from adapters.web.acting import app_of
from adapters.web.wording import left, when
from dangjian_core.tasks.events import Audience, SourceKind, TaskClaimed
from dangjian_core.tasks.state import CLAIM_STATUS_NAMES, HOLDS_SLOT, ClaimStatus

#: A claim in one of these may be given back (before the deadline).
WITHDRAWABLE = frozenset({ClaimStatus.CLAIMED.value, ClaimStatus.REJECTED.value})


@frozen
class TaskCard:
    """任务卡片 — one open task in the hall, and the reader's claim on it."""

    task_id: str
    title: str
    category: str
    points: int
    slots: int
    remaining: int
    deadline_at: str
    deadline: str
    left: str
    source: str
    audiences: str
    reserved: str
    #: The reader's claim: its status (``""`` for none) and its Chinese name.
    mine: str
    mine_zh: str
    #: Fair claiming: a full task takes a waitlist; the draw window's end while claims
    #: are collected for the draw (``""``: none, or drawn).
    waitlist: bool = False
    draw_until: str = ""

    @property
    def leavable(self) -> bool:
        """Whether the reader waits (on the waitlist or in the draw) and may leave."""
        return self.mine in (ClaimStatus.WAITING.value, ClaimStatus.ENTERED.value)

    @property
    def claimable(self) -> bool:
        """Whether the reader holds no claim on it (or gave one back)."""
        return self.mine in ("", ClaimStatus.WITHDRAWN.value)

    @property
    def withdrawable(self) -> bool:
        """Whether the reader's claim may be given back."""
        return self.mine in WITHDRAWABLE


def home_branch(views: Selecting, branch_id: str) -> str:
    """The branch running a person's tasks: theirs, or what it was merged into."""
    for _hop in range(10):
        rows = views.select("units", {"unit_id": branch_id})
        if not rows or not rows[0]["ended"] or not rows[0]["successor_id"]:
            break
        branch_id = str(rows[0]["successor_id"])
    return branch_id


def source_text(row: dict[str, Any]) -> str:
    """Why a task exists: 村工作需要, or 上级部署 with its reference."""
    kind = SourceKind(str(row["source_kind"]))
    reference = str(row["source_reference"] or "").strip()
    return f"{kind.zh}：{reference}" if reference else kind.zh


def hall_cards(request: Request, person_id: str, now: datetime) -> list[TaskCard]:
    """The open tasks of the person's branch whose deadline is still ahead, newest first."""
    with read(app_of(request).store) as views:
        person = one(views.select("people", {"person_id": person_id}), "人员", person_id)
        branch = home_branch(views, str(person["branch_id"]))
        claims = views.select("claims", {"person_id": person_id})
        mine = {str(row["task_id"]): str(row["status"]) for row in claims}
        cards = []
        for row in tasks.tasks(views, branch):
            if row["status"] == "open" and datetime.fromisoformat(str(row["deadline"])) > now:
                cards.append(_card(views, row, mine.get(str(row["task_id"]), ""), now))
    return cards


def _card(views: Selecting, row: dict[str, Any], mine: str, now: datetime) -> TaskCard:
    slots, taken = int(row["slots"] or 0), int(row["taken"] or 0)
    audiences = [Audience(a).zh for a in str(row["audiences"] or "").split(",") if a]
    reserved = [_name(views, p) for p in str(row["reserved_for"] or "").split(",") if p]
    return TaskCard(
        task_id=str(row["task_id"]),
        title=str(row["title"]),
        category=str(row["category"]),
        points=int(row["points"] or 0),
        slots=slots,
        remaining=max(0, slots - taken),
        deadline_at=str(row["deadline"]),
        deadline=when(str(row["deadline"]), now),
        left=left(str(row["deadline"]), now),
        source=source_text(row),
        audiences="、".join(audiences),
        reserved="、".join(reserved),
        mine=mine,
        mine_zh=CLAIM_STATUS_NAMES[ClaimStatus(mine)] if mine else "",
        waitlist=bool(row.get("waitlist")),
        draw_until=_window(row, now),
    )


def _window(row: dict[str, Any], now: datetime) -> str:
    until = row.get("draw_until")
    return "" if not until or row.get("drawn") else when(str(until), now)


def _name(views: Selecting, person_id: str) -> str:
    rows = views.select("people", {"person_id": person_id})
    return str(rows[0]["name"]) if rows else person_id


def faster(request: Request, task_id: str) -> list[tuple[str, str]]:
    """Who holds the task's slots, in the order they claimed them, and when: the people
    who were faster than a refused claimer."""
    app = app_of(request)
    now = app.now()
    holding = {ClaimStatus(s).value for s in HOLDS_SLOT}
    with read(app.store) as views:
        claims = views.select("claims", {"task_id": task_id})
        holders = {str(row["person_id"]) for row in claims if row["status"] in holding}
        named = {person_id: _name(views, person_id) for person_id in holders}
        audit = views.select("audit", {"subject": f"task:{task_id}"})
    # The log is read after the views' transaction ends: never two connections at once.
    claimed: dict[str, datetime] = {}
    for stored in app.store.read_positions(sorted(int(r["position"] or 0) for r in audit)):
        recorded = recorded_of(stored)
        event = recorded.event
        if isinstance(event, TaskClaimed) and event.claimant_id in holders:
            claimed.pop(event.claimant_id, None)
            claimed[event.claimant_id] = recorded.at
    return [(named[pid], when(at, now, seconds=True)) for pid, at in claimed.items()]
