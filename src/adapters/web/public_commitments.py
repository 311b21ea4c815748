"""亮诺榜公示页 — ``/public/{unit}/commitments?year=``: the unit's posted commitments as they
stand today (each pledge, its progress, overdue ones flagged, withdrawals and changes with
their reasons) and the villagers' feedback the branch has shown — the board
:func:`adapters.boards.commitments.commitments_board` builds for the printed notice, as a
web page with its QR code and checkpoint. Never a feedback giver's name or contact."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.boards.commitments import commitments_board
from adapters.storage.store import EventStore
from adapters.views.commitments import CommitmentQueries
from adapters.views.reading import read
from adapters.web.public import (
    ON_THE_BOARD,
    app_of,
    choices,
    missing,
    page_address,
    public_board,
    show,
    today,
    unit_name,
)
from adapters.web.public_boards import pick_period
from dangjian_core.kernel.errors import UnknownSubject

router = APIRouter(include_in_schema=False)


def posted_years(store: EventStore, unit_id: str) -> list[str]:
    """The years in which the unit posted commitments, oldest first."""
    with read(store) as views:
        rows = views.select("commitment_pledges", {"unit_id": unit_id})
    return sorted({str(r["year"]) for r in rows if r["status"] in ON_THE_BOARD})


@router.get("/public/{unit_id}/commitments")
def commitments(request: Request, unit_id: str, year: str | None = None) -> Response:
    """亮诺榜: the unit's posted commitments of a year, and the feedback shown."""
    app = app_of(request)
    try:
        name = unit_name(app, unit_id)
        years = posted_years(app.store, unit_id)
        chosen = pick_period(year, years, "年度")
    except UnknownSubject as error:
        return missing(request, error)
    if chosen is None:
        return show(
            request,
            "public_board.html",
            title=f"{name}党员公开承诺",
            address=page_address(request),
            board=None,
            periods=[],
            period_key="year",
            empty="还没有公示的承诺。",
        )
    queries = CommitmentQueries(app.store)
    found = queries.board(unit_id, int(chosen), today(app))
    shown = queries.feedback(unit_id, int(chosen), shown_only=True)
    board = public_board(commitments_board(found, name, shown), f"{chosen}年度")
    periods = choices([(y, f"{y}年度") for y in reversed(years)], chosen)
    return show(
        request,
        "public_board.html",
        title=board.title,
        address=page_address(request, year=chosen),
        board=board,
        periods=periods,
        period_key="year",
        empty="",
    )
