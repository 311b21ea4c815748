"""职责公示页 — ``/public/{unit}/duties``: the unit's road chiefs and red workshops' instructors
as they stand today — each one's patrols and every gap with its dates — and, when the unit
keeps an enterprise register, its coverage at the end of each past quarter and today: the
board :func:`adapters.boards.duties.duties_board` builds, as a web page with its QR code and
checkpoint. Names only, never ids.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.boards.duties import duties_board
from adapters.views.coverage import CoverageQueries
from adapters.views.duties import DutyQueries
from adapters.web.public import app_of, missing, page_address, public_board, show, today, unit_name
from dangjian_core.kernel.errors import UnknownSubject

router = APIRouter(include_in_schema=False)


def quarter_ends(on: date) -> list[date]:
    """The ends of this year's quarters before ``on``, then ``on`` itself."""
    ends = [date(on.year, 3, 31), date(on.year, 6, 30), date(on.year, 9, 30)]
    return [end for end in ends if end < on] + [on]


@router.get("/public/{unit_id}/duties")
def duties(request: Request, unit_id: str) -> Response:
    """路长与红色车间: the unit's duties on today's date, with their gaps."""
    app = app_of(request)
    on = today(app)
    queries = DutyQueries(app.store)
    try:
        name = unit_name(app, unit_id)
        found = queries.duties(unit_id, on)
        coverage = CoverageQueries(app.store).over_time(unit_id, quarter_ends(on))
    except UnknownSubject as error:
        return missing(request, error)
    if not found and not coverage[-1].listed:
        return show(
            request,
            "public_board.html",
            title=f"{name}路长与红色车间",
            address=page_address(request),
            board=None,
            periods=[],
            period_key="",
            empty="还没有落实的路长、红色车间等职责。",
        )
    names = queries.names([d.holder_id for d in found])
    listed = coverage if coverage[-1].listed else []
    board = duties_board(found, names, name, on, listed)
    return show(
        request,
        "public_board.html",
        title=board.title,
        address=page_address(request),
        board=public_board(board, board.period),
        periods=[],
        period_key="",
        empty="",
    )
