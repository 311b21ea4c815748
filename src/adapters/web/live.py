"""大厅实时更新 — ``GET /hall/live?after=N``: server-sent events for the hall page of a
logged-in person (the session cookie; no session, 401 and the browser stops asking).
After the log position the page was drawn at, each task event of the person's branch
sends the task's slots as they stand (``event: slots``), and a newly issued task says so
(``event: task``); ``id:`` is the log position, so a reconnecting browser resumes after
it. The stream ends when the session does."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from adapters.app import Dangjian
from adapters.views.reading import read
from adapters.web.acting import app_of, person_row
from adapters.web.cards import home_branch
from adapters.web.session import visitor
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import EVENTS, TaskIssued

router = APIRouter(include_in_schema=False)

#: How often the stream looks for new events, and how often it says it is alive (and
#: checks that the session still stands).
POLL_SECONDS = 0.5
KEEPALIVE_SECONDS = 15.0

_TASK_EVENTS = tuple(EVENTS.values())


@router.get("/hall/live")
async def live(
    request: Request,
    after: str = "0",
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> Response:
    """The hall's live slot counts, as server-sent events."""
    who = await run_in_threadpool(visitor, request)
    if who is None:
        return Response("未登录", status_code=401, media_type="text/plain; charset=utf-8")
    resume = last_event_id if last_event_id and last_event_id.isdigit() else after
    start = int(resume) if resume.isdigit() else 0
    row = await run_in_threadpool(person_row, request, who.person_id)
    return StreamingResponse(
        _stream(request, str(row["branch_id"]), start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _stream(request: Request, branch_id: str, after: int) -> AsyncIterator[str]:
    app = app_of(request)
    quiet = 0.0
    yield "retry: 3000\n\n"
    while not await request.is_disconnected():
        found = await run_in_threadpool(app.follow, after, 500)
        if found:
            after = found[-1].position
            for kind, data in await run_in_threadpool(_changes, app, branch_id, found):
                yield f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
            # The position alone (no data): a reconnecting browser resumes after it.
            yield f"id: {after}\n\n"
            quiet = 0.0
            continue
        await asyncio.sleep(POLL_SECONDS)
        quiet += POLL_SECONDS
        if quiet >= KEEPALIVE_SECONDS:
            quiet = 0.0
            if await run_in_threadpool(visitor, request) is None:
                return
            yield ": keep-alive\n\n"


def _changes(
    app: Dangjian, branch_id: str, found: list[Recorded[Any]]
) -> list[tuple[str, dict[str, Any]]]:
    """What the hall shows of the task events in ``found``: each task's slots once, as
    they stand now, and a note for each task newly issued — the branch's tasks only."""
    touched = list(
        dict.fromkeys(r.event.task_id for r in found if isinstance(r.event, _TASK_EVENTS))
    )
    issued = {r.event.task_id for r in found if isinstance(r.event, TaskIssued)}
    if not touched:
        return []
    now = app.now()
    changes: list[tuple[str, dict[str, Any]]] = []
    with read(app.store) as views:
        home = home_branch(views, branch_id)
        for task_id in touched:
            rows = views.select("tasks", {"task_id": task_id})
            if not rows or rows[0]["branch_id"] != home:
                continue
            changes.append(("slots", _slots(rows[0], now)))
            if task_id in issued:
                changes.append(("task", {"task_id": task_id, "title": rows[0]["title"]}))
    return changes


def _slots(row: dict[str, Any], now: datetime) -> dict[str, Any]:
    slots, taken = int(row["slots"] or 0), int(row["taken"] or 0)
    open_now = row["status"] == "open" and datetime.fromisoformat(str(row["deadline"])) > now
    return {
        "task_id": row["task_id"],
        "remaining": max(0, slots - taken),
        "slots": slots,
        "open": open_now,
    }
