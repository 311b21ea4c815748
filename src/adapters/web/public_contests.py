"""擂台赛公示页 — ``/public/{unit}/contests``: the contests a unit (镇党委) has hosted, the
chosen one (``?contest=``, the latest by default) as its board shows it — the ranking with
the tie rule, the reviewer's comments and, once published, the notice period — with its QR
code and checkpoint. Before publication the page shows the rounds already closed (现场亮分)
and nothing of an open round: no table holds a sealed mark. Names only, never ids.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.boards.contests import contests_board
from adapters.views.contests import ContestQueries
from adapters.web.public import (
    app_of,
    choices,
    missing,
    page_address,
    public_board,
    show,
    today,
    unit_name,
)
from dangjian_core.kernel.errors import UnknownSubject

router = APIRouter(include_in_schema=False)


@router.get("/public/{unit_id}/contests")
def contests(request: Request, unit_id: str, contest: str = "") -> Response:
    """述职擂台赛: a hosted contest's standings or published results."""
    app = app_of(request)
    queries = ContestQueries(app.store)
    try:
        name = unit_name(app, unit_id)
    except UnknownSubject as error:
        return missing(request, error)
    hosted = sorted(
        (r for r in queries.contests() if r["host_unit_id"] == unit_id),
        key=lambda r: (str(r["held_on"]), str(r["contest_id"])),
        reverse=True,
    )
    if not hosted or not any(r["scheme_version"] for r in hosted):
        return show(
            request,
            "public_board.html",
            title=f"{name}述职擂台赛",
            address=page_address(request),
            board=None,
            periods=[],
            period_key="contest",
            empty="还没有举办述职擂台赛。",
        )
    options = [(str(r["contest_id"]), str(r["title"])) for r in hosted if r["scheme_version"]]
    chosen = contest if contest in dict(options) else options[0][0]
    found = queries.standings(chosen)
    corrections = sum(int(r["corrections"] or 0) for r in queries.sheets(chosen))
    board = contests_board(found, today(app), corrections=corrections)
    return show(
        request,
        "public_board.html",
        title=board.title,
        address=page_address(request, contest=chosen),
        board=public_board(board, board.period),
        periods=choices(options, chosen),
        period_key="contest",
        empty="",
    )
