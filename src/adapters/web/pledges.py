"""我的承诺 — ``/pledges``: the logged-in member's own commitment of the year (the server's
year, in their branch): each pledge item and where it stands (a returned one with the
branch's ground and reason), a form to draft the next item, revising a returned one,
submitting the commitment for vetting, and reporting progress on a posted one. The core
decides every command, with the person as its actor and the server's time; a refusal is
shown in Chinese."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from attrs import frozen
from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from adapters.identity import Principal
from adapters.storage.errors import DuplicateCommandId
from adapters.views.commitments import pledges
from adapters.views.reading import one, read
from adapters.web.acting import KEY_FIELD, act, app_of, form_key, status_of
from adapters.web.cards import home_branch
from adapters.web.organize import sent_before
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from dangjian_core.commitments.commands import (
    DraftPledge,
    ReportProgress,
    RevisePledge,
    SubmitCommitment,
)
from dangjian_core.commitments.shapes import MAX_ITEMS
from dangjian_core.commitments.state import PledgeStatus
from dangjian_core.commitments.values import ReturnGround
from dangjian_core.kernel.errors import DangjianError, InvalidCommand
from dangjian_core.kernel.time import local

router = APIRouter(include_in_schema=False)

Field = Annotated[str, Form(max_length=1000)]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
Key = Annotated[str, Form(alias=KEY_FIELD)]

#: What the page says after a command was recorded (nothing from the address is shown).
DONE = {
    "drafted": "已拟定这项承诺。全部拟好后，请点「提交支部审核」。",
    "revised": "已修改。改好后请再点「提交支部审核」。",
    "submitted": "已提交支部审核，请等支部委员会审诺。",
    "reported": "已报告践诺进展。",
}


@frozen
class Book:
    """Whose commitment the page shows: the member's branch and the year."""

    unit_id: str
    year: int


def book_of(request: Request, who: Principal) -> Book:
    """The member's branch (or what it was merged into) and the server's year."""
    app = app_of(request)
    with read(app.store) as views:
        person = one(views.select("people", {"person_id": who.person_id}), "人员", who.person_id)
        branch = home_branch(views, str(person["branch_id"]))
    return Book(branch, local(app.now()).year)


def day(text: str) -> date:
    """A ``date`` field's value."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidCommand("「完成时限」要选一个日期", f"due {text!r} is not a date") from None


def due_in_words(value: object) -> str:
    """A due date as people say it: ``2026年12月31日``."""
    found = date.fromisoformat(str(value))
    return f"{found.year}年{found.month}月{found.day}日"


def item_number(text: str) -> int:
    """The item's number from a hidden field."""
    text = text.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_ITEMS:
        raise InvalidCommand("承诺事项的序号不对，请刷新页面再试", f"item {text!r} is not a number")
    return int(text)


@router.get("/pledges")
def pledges_page(request: Request, done: str = "") -> Response:
    """The member's pledges of the year, and the forms."""
    who = member(request)
    return _page(request, who, done=DONE.get(done, ""))


@router.post("/pledges/draft")
def draft(
    request: Request,
    post: Field = "",
    content: Field = "",
    target: Field = "",
    due: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Draft the next item of the member's commitment."""
    who = member(request)
    check_form(who, csrf)
    book = book_of(request, who)
    terms = {"post": post.strip(), "content": content.strip(), "target": target.strip()}
    try:
        act(request, who, DraftPledge, key, unit_id=book.unit_id, year=book.year,
            pledger_id=who.person_id, item_no=_next_item(request, book, who.person_id),
            due=day(due), **terms)  # fmt: skip
    except DuplicateCommandId as error:
        if _drafted_already(request, book, who.person_id, terms, due):
            return _done("drafted")  # the same form pressed twice: answered, not applied
        return _page(request, who, refusal=sent_before(error))
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    return _done("drafted")


@router.post("/pledges/revise")
def revise(
    request: Request,
    item_no: Field = "",
    post: Field = "",
    content: Field = "",
    target: Field = "",
    due: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Revise a returned item."""
    who = member(request)
    check_form(who, csrf)
    book = book_of(request, who)
    try:
        act(request, who, RevisePledge, key, unit_id=book.unit_id, year=book.year,
            pledger_id=who.person_id, item_no=item_number(item_no), post=post.strip(),
            content=content.strip(), target=target.strip(), due=day(due))  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    return _done("revised")


@router.post("/pledges/submit")
def submit(request: Request, key: Key = "", csrf: Csrf = "") -> Response:
    """Send the drafted and revised items to the branch for vetting."""
    who = member(request)
    check_form(who, csrf)
    book = book_of(request, who)
    try:
        act(request, who, SubmitCommitment, key, unit_id=book.unit_id, year=book.year,
            pledger_id=who.person_id)  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    return _done("submitted")


@router.post("/pledges/progress")
def progress(
    request: Request,
    item_no: Field = "",
    note: Field = "",
    done: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Report progress on a posted item (``done`` when it is completed)."""
    who = member(request)
    check_form(who, csrf)
    book = book_of(request, who)
    try:
        act(request, who, ReportProgress, key, unit_id=book.unit_id, year=book.year,
            pledger_id=who.person_id, item_no=item_number(item_no), note=note.strip(),
            done=done == "yes")  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    return _done("reported")


def _next_item(request: Request, book: Book, pledger_id: str) -> int:
    """The pledger's next free item number."""
    taken = [int(r["item_no"]) for r in _own(request, book, pledger_id)]
    return max(taken, default=0) + 1


def _drafted_already(
    request: Request, book: Book, pledger_id: str, terms: dict[str, str], due: str
) -> bool:
    """Whether one of the pledger's items already holds exactly these terms: a draft
    form's key names one command, and the next press would number a new item."""
    wanted = {**terms, "due": due.strip()}
    return any(
        all(str(row[name]) == value for name, value in wanted.items())
        for row in _own(request, book, pledger_id)
    )


def _own(request: Request, book: Book, pledger_id: str) -> list[dict[str, Any]]:
    with read(app_of(request).store) as views:
        rows = pledges(views, book.unit_id, book.year)
    return [r for r in rows if r["pledger_id"] == pledger_id]


def _done(done: str) -> Response:
    return RedirectResponse(f"/pledges?done={done}", status_code=303)


def _item(row: dict[str, Any]) -> dict[str, Any]:
    """A pledge row with its status and return ground in Chinese."""
    status = PledgeStatus(str(row["status"]))
    ground = str(row["ground"] or "")
    return {
        **row,
        "status_zh": status.zh,
        "due_zh": due_in_words(row["due"]),
        "ground_zh": ReturnGround(ground).zh if ground else "",
        "returned": status is PledgeStatus.RETURNED,
        "posted": status is PledgeStatus.POSTED,
    }


def _page(
    request: Request, who: Principal, *, done: str = "", refusal: DangjianError | None = None
) -> Response:
    book = book_of(request, who)
    items = [_item(r) for r in _own(request, book, who.person_id)]
    waiting = {PledgeStatus.DRAFTED.value, PledgeStatus.RETURNED.value}
    return render(
        request,
        "pledges.html",
        status=200 if refusal is None else status_of(refusal),
        who=who,
        title="我的承诺",
        year=book.year,
        items=items,
        submittable=any(i["status"] in waiting for i in items),
        key=form_key,
        done=done,
        refusal=refusal,
    )
