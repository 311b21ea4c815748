"""攻坚看板公示页 — ``/public/{unit}/campaigns?campaign=``: a unit's campaign as it stands
today — how many problems stand how, front by front, and every problem with its leader,
the members serving and its milestones (measured results, overdue ones flagged) — the
board :func:`adapters.boards.campaigns.dashboard_board` builds for the printed notice, as
a web page with its QR code and checkpoint. Without ``campaign`` the latest launched is
shown; the others are linked. Names only, never ids.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.boards.campaigns import dashboard_board
from adapters.views.campaigns import CampaignQueries
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
from adapters.web.public_boards import pick_period
from dangjian_core.kernel.errors import UnknownSubject

router = APIRouter(include_in_schema=False)


@router.get("/public/{unit_id}/campaigns")
def campaigns(request: Request, unit_id: str, campaign: str | None = None) -> Response:
    """攻坚看板: the unit's campaign on today's date, per front and per problem."""
    app = app_of(request)
    queries = CampaignQueries(app.store)
    try:
        name = unit_name(app, unit_id)
        launched = queries.campaigns(unit_id)
        chosen = pick_period(campaign, [str(r["campaign_id"]) for r in launched], "攻坚行动")
    except UnknownSubject as error:
        return missing(request, error)
    if chosen is None:
        return show(
            request,
            "public_board.html",
            title=f"{name}攻坚看板",
            address=page_address(request),
            board=None,
            periods=[],
            period_key="campaign",
            empty="还没有发起的攻坚行动。",
        )
    found = queries.board(chosen, today(app))
    leaders = {p.leader_id for f in found.fronts for p in f.problems if p.leader_id}
    names = {pid: queries.name_of(pid) for pid in leaders}
    board = dashboard_board(found, name, names)
    titles = [(str(r["campaign_id"]), str(r["name"])) for r in reversed(launched)]
    return show(
        request,
        "public_board.html",
        title=board.title,
        address=page_address(request, campaign=chosen),
        board=public_board(board, board.period),
        periods=choices(titles, chosen),
        period_key="campaign",
        empty="",
    )
