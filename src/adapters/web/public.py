"""公示页 — the boards anyone may read without logging in (``/public``): 积分墙,
创星榜 and the development lists under 公示, for each unit.

Each page is a board of :mod:`adapters.boards` (the same :class:`~adapters.boards.model.Board`
the printed notice is made of), laid out by a template, with two things a printed notice
lacks: the signed audit checkpoint that vouches for its figures
(:mod:`adapters.web.public_checkpoint`) and a QR code of the page's own address, so a
paper copy on the village wall leads back to the live one. A public page shows names,
units, points and stars only: never a person's id (a unit may use any code, even an ID
number), party standing, or anything personal; the wall's 政治面貌 column is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import urlencode

import attrs
from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.app import Dangjian
from adapters.boards.model import Board, Section
from adapters.views.reading import read
from adapters.web.public_checkpoint import coverage
from adapters.web.qr import qr_svg
from adapters.web.session import identity
from adapters.web.templates import render
from dangjian_core.commitments.state import PledgeStatus
from dangjian_core.kernel.errors import DangjianError
from dangjian_core.kernel.time import local_date

router = APIRouter(include_in_schema=False)

#: A pledge that has been on the 亮诺 board (posted, or withdrawn after posting).
ON_THE_BOARD = frozenset({PledgeStatus.POSTED.value, PledgeStatus.WITHDRAWN.value})
#: Columns a board prints that a public web page leaves out (beyond name, unit, points, stars).
HIDDEN_COLUMNS = frozenset({"政治面貌"})
#: Which board each public page shows, in the order the index lists them.
PAGES = (
    ("wall", "积分墙"),
    ("stars", "创星榜"),
    ("commitments", "党员公开承诺"),
    ("development", "发展党员公示"),
    ("matters", "村务公开"),
    ("campaigns", "攻坚看板"),
    ("duties", "履职情况"),
    ("contests", "述职擂台赛"),
)


def _units_with(views: Any, table: str, column: str = "unit_id") -> set[str]:
    """The units that have any row in ``table``."""
    return {str(row[column]) for row in views.select(table, {})}


def app_of(request: Request) -> Dangjian:
    """The application behind the pages."""
    return identity(request).app


def today(app: Dangjian) -> date:
    """The posting date of a page: the server's day in 北京时间."""
    return local_date(app.now())


def public_board(board: Board, period: str | None) -> Board:
    """The board as a public page shows it: the period in plain words (no ``（2021-10）``
    codes) and without the columns :data:`HIDDEN_COLUMNS` names."""
    return attrs.evolve(board, period=period, sections=tuple(map(_public_section, board.sections)))


def _public_section(section: Section) -> Section:
    kept = [i for i, column in enumerate(section.columns) if column.header not in HIDDEN_COLUMNS]
    if len(kept) == len(section.columns):
        return section
    return attrs.evolve(
        section,
        columns=tuple(section.columns[i] for i in kept),
        rows=tuple(tuple(row[i] for i in kept) for row in section.rows),
    )


def page_address(request: Request, **query: str) -> str:
    """The page's own address with the chosen period, as its QR code carries it."""
    base = str(request.base_url).rstrip("/") + request.url.path
    return f"{base}?{urlencode(query)}" if query else base


def show(
    request: Request,
    template: str,
    *,
    title: str,
    address: str,
    status: int = 200,
    **context: Any,
) -> Response:
    """A public page: ``context`` (its board, read already), the checkpoint covering what
    was read, and the QR code of ``address``."""
    found = coverage(app_of(request).store)
    return render(
        request,
        template,
        status=status,
        title=title,
        address=address,
        qr=qr_svg(address, f"本页二维码：{title}"),
        coverage=found,
        **context,
    )


def missing(request: Request, error: DangjianError) -> Response:
    """The answer for a unit, cycle or year that has nothing posted."""
    return render(
        request, "refused.html", status=404, title="没有这份公示", zh=error.zh, en=error.en
    )


def unit_name(app: Dangjian, unit_id: str) -> str:
    """The unit's name (:class:`UnknownSubject` if there is no such unit)."""
    return str(app.queries.branch(unit_id).branch["name"])


def choices(options: Sequence[tuple[str, str]], chosen: str) -> list[tuple[str, str, bool]]:
    """Links to the other periods: (query value, label, whether it is the one shown)."""
    return [(value, label, value == chosen) for value, label in options]


@router.get("/public")
def index(request: Request) -> Response:
    """Every unit, and the boards each has posted."""
    app = app_of(request)
    with read(app.store) as views:
        starred = {str(row["unit_id"]) for row in views.select("star_ratings", {})}
        developing = {str(row["unit_id"]) for row in views.select("dev_lists", {})}
        pledging = {
            str(row["unit_id"])
            for row in views.select("commitment_pledges", {})
            if row["status"] in ON_THE_BOARD
        }
        more = {
            "matters": _units_with(views, "matters"),
            "campaigns": _units_with(views, "campaigns"),
            "duties": _units_with(views, "duties"),
            "contests": _units_with(views, "contests", "host_unit_id"),
        }
    units = []
    for node in app.queries.tree(app.now()):
        posted = {
            "wall": bool(app.queries.cycles(node.unit_id)),
            "stars": node.unit_id in starred,
            "commitments": node.unit_id in pledging,
            "development": node.unit_id in developing,
            **{page: node.unit_id in units_of for page, units_of in more.items()},
        }
        units.append((node, [(page, label) for page, label in PAGES if posted[page]]))
    address = page_address(request)
    return show(request, "public_index.html", title="公示", address=address, units=units)
