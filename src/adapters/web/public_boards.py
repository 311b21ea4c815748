"""积分墙、创星榜公示页 — ``/public/{unit}/wall?cycle=`` and ``/public/{unit}/stars?year=``:
the boards :func:`adapters.boards.wall.wall_board` and
:func:`adapters.boards.stars.star_board_board` build for the printed notice, as web pages
(names, points and stars only). Without a period the latest one posted is shown; the
others are linked.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.boards.stars import star_board_board
from adapters.boards.wall import wall_board
from adapters.views.reading import read
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
from dangjian_core.kernel.time import cycle_label

router = APIRouter(include_in_schema=False)

_YEAR = re.compile(r"\d{4}")


@router.get("/public/{unit_id}/wall")
def wall(request: Request, unit_id: str, cycle: str | None = None) -> Response:
    """积分墙: the unit's people ranked by points for a cycle."""
    app = app_of(request)
    try:
        name = unit_name(app, unit_id)
        cycles = app.queries.cycles(unit_id)
        chosen = pick_period(cycle, cycles, "周期")
    except UnknownSubject as error:
        return missing(request, error)
    if chosen is None:
        return show(
            request,
            "public_board.html",
            title=f"{name}积分墙",
            address=page_address(request),
            board=None,
            periods=[],
            period_key="cycle",
            empty="还没有人得到积分。",
        )
    entries = app.queries.wall(unit_id, chosen)
    board = public_board(wall_board(name, chosen, entries, today(app)), cycle_label(chosen))
    periods = choices([(c, cycle_label(c)) for c in reversed(cycles)], chosen)
    return show(
        request,
        "public_board.html",
        title=board.title,
        address=page_address(request, cycle=chosen),
        board=board,
        periods=periods,
        period_key="cycle",
        empty="",
    )


@router.get("/public/{unit_id}/stars")
def stars(request: Request, unit_id: str, year: str | None = None) -> Response:
    """创星榜: the unit's fixed star ratings for a year."""
    app = app_of(request)
    try:
        name = unit_name(app, unit_id)
        with read(app.store) as views:
            rows = views.select("star_ratings", {"unit_id": unit_id})
        years = sorted({str(row["year"]) for row in rows})
        chosen = pick_period(year, years, "年度")
    except UnknownSubject as error:
        return missing(request, error)
    if chosen is None or not _YEAR.fullmatch(chosen):
        return show(
            request,
            "public_board.html",
            title=f"{name}创星榜",
            address=page_address(request),
            board=None,
            periods=[],
            period_key="year",
            empty="还没有评定的星级。",
        )
    rated = app.queries.star_board(unit_id, int(chosen))
    board = public_board(star_board_board(rated, name, today(app)), f"{chosen}年度")
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


def pick_period(asked: str | None, posted: list[str], kind: str) -> str | None:
    """The period asked for if something is posted for it; the latest when none is asked."""
    if asked is None or asked == "":
        return posted[-1] if posted else None
    if asked not in posted:
        raise UnknownSubject(f"这个{kind}没有公示内容", f"nothing posted for {asked}")
    return asked
