"""村务公开页 — ``/public/{unit}/matters?notice=``: a village's publications — each matter's
决议公开 and 实施结果公开 — as :func:`adapters.boards.matters.matter_board` builds them for
the printed notice (the items, each step's roll, attendance, ratio and vote, the
implementation, the objections answered — never who objected), with the page's QR code
and checkpoint. One publication a page (the latest without ``notice``); the others are
linked above it. Objections are filed with the branch (``dangjian matters object`` or the
API) within the period the notice names."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.boards.matters import matter_board
from adapters.views.matters import MatterQueries, step_names
from adapters.views.reading import read
from adapters.web.public import (
    app_of,
    choices,
    missing,
    page_address,
    public_board,
    show,
    unit_name,
)
from adapters.web.public_boards import pick_period
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.matters.values import StepKind

router = APIRouter(include_in_schema=False)


def published(request: Request, unit_id: str) -> list[tuple[str, str]]:
    """Every publication of the village, oldest first: (``matter.step``, its label)."""
    with read(app_of(request).store) as views:
        notices = views.select("matter_notices", {"unit_id": unit_id}, order_by=("posted_on",))
        titles = {
            str(r["matter_id"]): str(r["title"])
            for r in views.select("matters", {"unit_id": unit_id})
        }
    return [
        (
            f"{n['matter_id']}.{n['step']}",
            f"{titles[str(n['matter_id'])]}·{StepKind(str(n['kind'])).zh}",
        )
        for n in notices
    ]


@router.get("/public/{unit_id}/matters")
def matters(request: Request, unit_id: str, notice: str | None = None) -> Response:
    """村务公开: one publication of the village, the others linked."""
    app = app_of(request)
    try:
        name = unit_name(app, unit_id)
        options = published(request, unit_id)
        chosen = pick_period(notice, [value for value, _ in options], "公开")
    except UnknownSubject as missed:
        return missing(request, missed)
    context: dict[str, Any] = {"unit_id": unit_id, "period_key": "notice"}
    if chosen is None:
        return show(
            request,
            "public_matters.html",
            title=f"{name}村务公开",
            address=page_address(request),
            board=None,
            periods=[],
            empty="还没有公开的村务。",
            **context,
        )
    matter_id, step = chosen.split(".", 1)
    view = MatterQueries(app.store).matter(unit_id, matter_id)
    printed = matter_board(view, name, step, step_names())
    board = public_board(printed, printed.period)
    return show(
        request,
        "public_matters.html",
        title=board.title,
        address=page_address(request, notice=chosen),
        board=board,
        periods=choices(list(reversed(options)), chosen),
        empty="",
        **context,
    )
