"""事件流 — the log for other services: ``GET /events?after=N`` pages through it with the
hash-chain entry of the page's last event (so a follower can check what it was given),
and ``GET /events/stream`` pushes new events as server-sent events, resuming after the
``Last-Event-ID`` a reconnecting client sends. Personal data is masked in both."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from adapters.app import Dangjian
from adapters.http.auth import Reader
from adapters.http.commands import app_of
from adapters.views.documents import event_document

router = APIRouter(prefix="/events", tags=["事件流 events"])

#: How often the stream looks for new events, and how often it says it is alive.
POLL_SECONDS = 0.5
KEEPALIVE_SECONDS = 15.0


def page(app: Dangjian, after: int, limit: int) -> dict[str, Any]:
    """Up to ``limit`` events after a position, the position to ask after next, and the
    chain entry covering the page's last event (its sequence number and hash)."""
    events = app.follow(after, limit)
    last = events[-1].position if events else after
    entry = app.store.chain_at(last) if events else None
    return {
        "events": [event_document(e, private=False) for e in events],
        "next_after": last,
        "chain": None if entry is None else {"size": entry.seq, "hash": entry.hash.hex()},
    }


@router.get("", summary="事件分页 / the event log, page by page")
def events(
    request: Request,
    _who: Reader,
    after: Annotated[int, Query(ge=0, description="从此位置之后 / after this position")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Events after a position, oldest first."""
    return page(app_of(request), after, limit)


@router.get(
    "/stream",
    summary="实时事件 / server-sent events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
def stream(
    request: Request,
    _who: Reader,
    after: Annotated[int, Query(ge=0)] = 0,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> StreamingResponse:
    """Every event after a position (or the ``Last-Event-ID``), then each new one as it
    is recorded; ``id:`` is the event's position."""
    if last_event_id and last_event_id.isdigit():
        after = int(last_event_id)
    return StreamingResponse(
        _sse(request, app_of(request), after),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _sse(request: Request, app: Dangjian, after: int) -> AsyncIterator[str]:
    quiet = 0.0
    yield "retry: 3000\n\n"
    while not await request.is_disconnected():
        found = await run_in_threadpool(app.follow, after, 200)
        for event in found:
            document = event_document(event, private=False)
            data = json.dumps(document, ensure_ascii=False)
            yield f"id: {event.position}\nevent: {document['type']}\ndata: {data}\n\n"
            after = event.position
        if found:
            quiet = 0.0
            continue
        await asyncio.sleep(POLL_SECONDS)
        quiet += POLL_SECONDS
        if quiet >= KEEPALIVE_SECONDS:
            quiet = 0.0
            yield ": keep-alive\n\n"
