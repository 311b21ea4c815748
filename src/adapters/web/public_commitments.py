"""亮诺榜公示页 — ``/public/{unit}/commitments?year=``: the unit's posted commitments as they
stand today (each pledge, its progress, overdue ones flagged, withdrawals and changes with
their reasons) and the villagers' feedback the branch has shown — the board
:func:`adapters.boards.commitments.commitments_board` builds for the printed notice, as a
web page with its QR code and checkpoint — and, while a year's pledges are on the board,
the form on which anyone leaves feedback on one of them (群众监督).

Feedback is left by the commitments concept's public giver (``public``), with the name and
contact given on the form: they go only to the concept's private contacts table, for the
branch; the feedback waits for the branch to show or hide it. The form names a pledge by
its place on the list (never a person's id) and carries a receipt number, so a resend is
answered with the same receipt; one address may send :data:`objections.PER_HOUR` an hour.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from attrs import frozen
from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from adapters.boards.commitments import commitments_board
from adapters.storage.errors import DuplicateCommandId
from adapters.storage.store import EventStore
from adapters.views.commitments import CommitmentQueries
from adapters.views.reading import read
from adapters.web.objections import throttled
from adapters.web.organize import sent_before, status_of
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
from adapters.web.public_development import new_receipt
from adapters.web.templates import render
from dangjian_core.commitments.commands import LeaveFeedback
from dangjian_core.commitments.permissions import PUBLIC
from dangjian_core.commitments.queries import BoardPledge, Standing
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, UnknownSubject

router = APIRouter(include_in_schema=False)

#: Pledges villagers may still comment on: on the board and not withdrawn.
_OPEN = frozenset({Standing.UNDER_WAY, Standing.DONE, Standing.OVERDUE})


@frozen
class FeedbackForm:
    """群众意见表 — the pledges one may comment on (their place on the list and how they
    read), the list's fingerprint and a fresh receipt number."""

    year: str
    pledges: tuple[tuple[int, str], ...]
    fingerprint: str
    receipt: str


def posted_years(store: EventStore, unit_id: str) -> list[str]:
    """The years in which the unit posted commitments, oldest first."""
    with read(store) as views:
        rows = views.select("commitment_pledges", {"unit_id": unit_id})
    return sorted({str(r["year"]) for r in rows if r["status"] in ON_THE_BOARD})


def _open(pledges: tuple[BoardPledge, ...]) -> list[BoardPledge]:
    return [p for p in pledges if p.standing in _OPEN]


def _fingerprint(pledges: list[BoardPledge]) -> str:
    keys = "\n".join(f"{p.pledger_id}#{p.item_no}" for p in pledges)
    return hashlib.sha256(keys.encode()).hexdigest()[:16]


@router.get("/public/{unit_id}/commitments")
def commitments(request: Request, unit_id: str, year: str | None = None) -> Response:
    """亮诺榜: the unit's posted commitments of a year, the feedback shown, and the form."""
    return commitments_page(request, unit_id, year)


def commitments_page(
    request: Request,
    unit_id: str,
    year: str | None,
    *,
    sent: dict[str, Any] | None = None,
    error: DangjianError | None = None,
    status: int = 200,
) -> Response:
    """The page; after refused feedback, with what was sent and why it was refused."""
    app = app_of(request)
    try:
        name = unit_name(app, unit_id)
        years = posted_years(app.store, unit_id)
        chosen = pick_period(year, years, "年度")
    except UnknownSubject as error_:
        return missing(request, error_)
    context: dict[str, Any] = {"unit_id": unit_id, "period_key": "year", "sent": sent or {}}
    if chosen is None:
        return show(
            request,
            "public_commitments.html",
            title=f"{name}党员公开承诺",
            address=page_address(request),
            board=None,
            periods=[],
            form=None,
            error=None,
            empty="还没有公示的承诺。",
            **context,
        )
    queries = CommitmentQueries(app.store)
    found = queries.board(unit_id, int(chosen), today(app))
    shown = queries.feedback(unit_id, int(chosen), shown_only=True)
    board = public_board(commitments_board(found, name, shown), f"{chosen}年度")
    open_now = _open(found.pledges)
    form = None
    if open_now:
        listed = tuple(
            (n, f"{p.pledger_name} 第{p.item_no}项：{p.content}")
            for n, p in enumerate(open_now, start=1)
        )
        form = FeedbackForm(chosen, listed, _fingerprint(open_now), new_receipt(today(app)))
    return show(
        request,
        "public_commitments.html",
        title=board.title,
        status=status,
        address=page_address(request, year=chosen),
        board=board,
        periods=choices([(y, f"{y}年度") for y in reversed(years)], chosen),
        form=form,
        error=error,
        empty="",
        **context,
    )


@router.post("/public/{unit_id}/commitments/feedback")
def leave_feedback(
    request: Request,
    unit_id: str,
    year: Annotated[str, Form(max_length=4)] = "",
    fingerprint: Annotated[str, Form(max_length=16)] = "",
    receipt: Annotated[str, Form(max_length=15)] = "",
    place: Annotated[str, Form(max_length=4)] = "",
    text: Annotated[str, Form(max_length=2000)] = "",
    contact_name: Annotated[str, Form(max_length=200)] = "",
    contact: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Leave the feedback as the public giver; the receipt, or the page again with why not."""
    app = app_of(request)
    too_often = throttled(request, app, "feedback")
    if too_often is not None:
        return too_often
    sent = {"place": place, "text": text, "contact_name": contact_name, "contact": contact}
    try:
        pledge = _pledge(app_of(request), unit_id, year, fingerprint, place)
        for value, what in ((text, "意见内容"), (contact_name, "您的姓名"), (contact, "联系方式")):
            if not value.strip():
                raise InvalidCommand(f"请填写「{what}」", f"{what} is required")
        if not receipt.replace("-", "").isdigit() or len(receipt) != 15:
            raise InvalidCommand("表单已失效，请刷新页面后再填", "the form is not from this site")
        app.submit(
            LeaveFeedback,
            command_id="web-feedback-"
            + hashlib.sha256(f"{unit_id}\0{year}\0{receipt}".encode()).hexdigest()[:40],
            actor_id=PUBLIC,
            unit_id=unit_id,
            year=int(year),
            pledger_id=pledge.pledger_id,
            item_no=pledge.item_no,
            feedback_id=receipt,
            text=text.strip(),
            contact_name=contact_name.strip(),
            contact=contact.strip(),
        )
    except DangjianError as refused:
        error = sent_before(refused) if isinstance(refused, DuplicateCommandId) else refused
        shown = year if year.isdigit() and len(year) == 4 else None
        return commitments_page(
            request, unit_id, shown, sent=sent, error=error, status=status_of(error)
        )
    return render(
        request,
        "objection_receipt.html",
        title="意见已收到",
        receipt=receipt,
        person_name=f"{pledge.pledger_name}的第{pledge.item_no}项承诺",
        back=f"/public/{unit_id}/commitments?year={year}",
    )


def _pledge(app: Any, unit_id: str, year: str, fingerprint: str, place: str) -> BoardPledge:
    """The pledge the form names by its place, if the list is as the page showed it."""
    if not (year.isdigit() and len(year) == 4):
        raise InvalidCommand("表单已失效，请刷新页面后再填", "the form is not from this site")
    found = CommitmentQueries(app.store).board(unit_id, int(year), today(app))
    open_now = _open(found.pledges)
    if _fingerprint(open_now) != fingerprint:
        raise InvalidCommand(
            "承诺榜已有变动，请刷新页面后再填", "the board changed since the page was opened"
        )
    if not place.isdigit() or not 1 <= int(place) <= len(open_now):
        raise InvalidCommand("请选择对哪一项承诺提意见", "choose a pledge on the board")
    return open_now[int(place) - 1]
