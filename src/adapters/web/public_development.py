"""发展党员公示页 — ``/public/{unit}/development?cycle=``: the development lists of a unit
and cycle as :func:`adapters.boards.development.development_board` builds them (the
proposed and confirmed lists, objections and their outcomes — never who objected — and
the commended and training lists), and while the notice runs, the form to object
(:mod:`adapters.web.objections`).
"""

from __future__ import annotations

import re
import secrets
from datetime import date
from typing import Any

from attrs import frozen
from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.app import Dangjian
from adapters.boards.development import development_board, notice_period
from adapters.views.development import DevelopmentQueries, DevelopmentView
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
from dangjian_core.development.projections import POSTED
from dangjian_core.kernel.errors import DangjianError, UnknownSubject
from dangjian_core.kernel.time import cycle_label

router = APIRouter(include_in_schema=False)

_CYCLE = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@frozen
class ObjectionForm:
    """异议表 — what the form offers while the notice runs: the list's proposal number
    (a form for an amended list is stale), whom one may object to (by rank: a public page
    names no ids), the notice period, and a fresh receipt number."""

    cycle: str
    proposal: int
    people: tuple[tuple[int, str], ...]
    period: str
    receipt: str


def new_receipt(on: date) -> str:
    """A receipt number (the objection's id): the day and six random digits, easy to read
    out on the telephone: ``20261203-480215``."""
    return f"{on:%Y%m%d}-{secrets.randbelow(1_000_000):06d}"


def cycles_of(app: Dangjian, unit_id: str) -> list[str]:
    """The cycles of the unit with a development list, oldest first."""
    with read(app.store) as views:
        rows = views.select("dev_lists", {"unit_id": unit_id})
    return sorted(str(row["cycle"]) for row in rows)


def objection_form(app: Dangjian, view: DevelopmentView, cycle: str) -> ObjectionForm | None:
    """The form, if the list is under notice today."""
    listing = view.listing or {}
    if listing.get("status") != POSTED or not listing.get("posted_on"):
        return None
    day = today(app)
    start, end = (date.fromisoformat(str(listing[k])) for k in ("posted_on", "period_end"))
    if not start <= day <= end:
        return None
    people = tuple((int(row["rank"]), str(row["name"])) for row in view.proposed)
    period = notice_period(view) or ""
    return ObjectionForm(cycle, int(listing["proposal"]), people, period, new_receipt(day))


@router.get("/public/{unit_id}/development")
def development(request: Request, unit_id: str, cycle: str | None = None) -> Response:
    """The development lists of a unit for a cycle (the latest without one)."""
    return development_page(request, unit_id, cycle)


def development_page(
    request: Request,
    unit_id: str,
    cycle: str | None,
    *,
    sent: dict[str, Any] | None = None,
    error: DangjianError | None = None,
    status: int = 200,
) -> Response:
    """The page; after a refused objection, with what was sent and why it was refused."""
    app = app_of(request)
    try:
        name = unit_name(app, unit_id)
        cycles = cycles_of(app, unit_id)
        chosen = cycle or (cycles[-1] if cycles else None)
        if chosen is not None and (not _CYCLE.fullmatch(chosen) or chosen not in cycles):
            raise UnknownSubject("这个周期没有发展党员公示", f"no development list for {chosen}")
    except UnknownSubject as missed:
        return missing(request, missed)
    context: dict[str, Any] = {"periods": [], "period_key": "cycle", "unit_id": unit_id}
    if chosen is None:
        return show(
            request,
            "public_development.html",
            title=f"{name}发展党员公示",
            address=page_address(request),
            board=None,
            form=None,
            sent={},
            error=None,
            empty="还没有拟定发展对象名单。",
            **context,
        )
    view = DevelopmentQueries(app.store).show(unit_id, chosen)
    board = public_board(development_board(view, name, chosen, today(app)), cycle_label(chosen))
    context["periods"] = choices([(c, cycle_label(c)) for c in reversed(cycles)], chosen)
    return show(
        request,
        "public_development.html",
        title=board.title,
        status=status,
        address=page_address(request, cycle=chosen),
        board=board,
        form=objection_form(app, view, chosen),
        sent=sent or {},
        error=error,
        empty="",
        **context,
    )
