"""审诺 — ``/organize/{unit}/commitments``: the branch committee's page for the year's
commitments (the server's year): each pledger's submitted items with approve and return
(a ground and a reason, both required), and 公示 (post) for a pledger once every item is
approved. The reader's own items are never offered for vetting (someone else on the
committee vets them). Whether the reader is on the committee is the core's rule, asked
now; every command is decided by the core, and a refusal is shown in Chinese."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from attrs import frozen
from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from adapters.identity import Principal
from adapters.views.commitments import names_of, pledges
from adapters.views.reading import read
from adapters.web.acting import KEY_FIELD, act, app_of, form_key, status_of
from adapters.web.organize import refused
from adapters.web.pledges import due_in_words, item_number
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from dangjian_core.commitments import permissions
from dangjian_core.commitments.commands import ApprovePledge, PostCommitment, ReturnPledge
from dangjian_core.commitments.state import PledgeStatus
from dangjian_core.commitments.values import ReturnGround
from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local
from dangjian_core.units.state import alive, other

router = APIRouter(include_in_schema=False)

Field = Annotated[str, Form(max_length=1000)]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
Key = Annotated[str, Form(alias=KEY_FIELD)]

#: The return grounds, as the select offers them.
GROUNDS = tuple((ground.value, ground.zh) for ground in ReturnGround)
#: What the page says after a decision (nothing from the address is shown but a name).
DONE = {
    "approved": "已审核通过{name}的第 {item} 项承诺。",
    "returned": "已退回{name}的第 {item} 项承诺，本人会看到退回原因和理由。",
    "posted": "已公示{name}的承诺（亮诺）。",
}


@frozen
class Pledger:
    """一个承诺人 — their submitted items the reader may vet, and whether every item is
    approved (so the commitment may be posted)."""

    pledger_id: str
    name: str
    submitted: tuple[dict[str, Any], ...]
    postable: bool


def _year(request: Request) -> int:
    return local(app_of(request).now()).year


def not_on_committee(request: Request, unit_id: str, reader_id: str) -> Rule | None:
    """The core's rule, asked now, if the reader is not on the unit's committee (or above
    it); an unknown or ended unit is refused."""

    def ask(facts: Facts, at: datetime) -> Rule | None:
        unit = alive(other(facts, unit_id), at)
        return permissions.committee(facts, unit, reader_id, at, permissions.VET)

    return app_of(request).judge(f"vet:{unit_id}", ask)


def pledgers(request: Request, unit_id: str, year: int, reader_id: str) -> list[Pledger]:
    """Every pledger with items to vet or a commitment ready to post; never an item the
    reader pledged or owns as vettable."""
    with read(app_of(request).store) as views:
        rows = pledges(views, unit_id, year)
        names = names_of(views, {str(r["pledger_id"]) for r in rows})
    by_pledger: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_pledger.setdefault(str(row["pledger_id"]), []).append(row)
    found: list[Pledger] = []
    for pledger_id, items in by_pledger.items():
        submitted = tuple(
            {**r, "due_zh": due_in_words(r["due"])}
            for r in items
            if r["status"] == PledgeStatus.SUBMITTED.value
            and reader_id not in (pledger_id, str(r["owner_id"]))
        )
        standing = [r["status"] for r in items if r["status"] != PledgeStatus.WITHDRAWN.value]
        postable = bool(standing) and all(s == PledgeStatus.APPROVED.value for s in standing)
        if submitted or postable:
            found.append(
                Pledger(pledger_id, names.get(pledger_id, pledger_id), submitted, postable)
            )
    return found


@router.get("/organize/{unit_id}/commitments")
def vetting(
    request: Request, unit_id: str, done: str = "", pledger: str = "", item: str = ""
) -> Response:
    """The pledges waiting for the committee, with the answer of the last decision."""
    who = member(request)
    return _page(request, who, unit_id, done=_said(request, done, pledger, item))


@router.post("/organize/{unit_id}/commitments/approve")
def approve(
    request: Request,
    unit_id: str,
    pledger_id: Field = "",
    item_no: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Approve a submitted item."""
    who = member(request)
    check_form(who, csrf)
    try:
        number = item_number(item_no)
        act(request, who, ApprovePledge, key, unit_id=unit_id, year=_year(request),
            pledger_id=pledger_id, item_no=number)  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, unit_id, refusal=refusal)
    return _done(unit_id, "approved", pledger_id, number)


@router.post("/organize/{unit_id}/commitments/return")
def return_pledge(
    request: Request,
    unit_id: str,
    pledger_id: Field = "",
    item_no: Field = "",
    ground: Field = "",
    reason: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Return a submitted item on a ground, with the reason the pledger will read."""
    who = member(request)
    check_form(who, csrf)
    try:
        number = item_number(item_no)
        act(request, who, ReturnPledge, key, unit_id=unit_id, year=_year(request),
            pledger_id=pledger_id, item_no=number, ground=_ground(ground),
            reason=reason.strip())  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, unit_id, refusal=refusal)
    return _done(unit_id, "returned", pledger_id, number)


@router.post("/organize/{unit_id}/commitments/post")
def post(
    request: Request, unit_id: str, pledger_id: Field = "", key: Key = "", csrf: Csrf = ""
) -> Response:
    """Post a pledger's approved commitment (亮诺)."""
    who = member(request)
    check_form(who, csrf)
    try:
        act(request, who, PostCommitment, key, unit_id=unit_id, year=_year(request),
            pledger_id=pledger_id)  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, unit_id, refusal=refusal)
    return _done(unit_id, "posted", pledger_id, 0)


def _ground(text: str) -> ReturnGround:
    try:
        return ReturnGround(text)
    except ValueError:
        raise InvalidCommand("请选择退回原因", f"unknown return ground {text!r}") from None


def _done(unit_id: str, done: str, pledger_id: str, item_no: int) -> Response:
    query = urlencode({"done": done, "pledger": pledger_id, "item": item_no})
    return RedirectResponse(f"/organize/{unit_id}/commitments?{query}", status_code=303)


def _said(request: Request, done: str, pledger_id: str, item: str) -> str:
    """The answer of a decision, worded by the page (only a registered name is shown)."""
    if done not in DONE or not pledger_id or not item.isdigit():
        return ""
    with read(app_of(request).store) as views:
        found = names_of(views, [pledger_id])
    if pledger_id not in found:
        return ""
    return DONE[done].format(name=found[pledger_id], item=int(item))


def _page(
    request: Request,
    who: Principal,
    unit_id: str,
    *,
    done: str = "",
    refusal: DangjianError | None = None,
) -> Response:
    try:
        outside = not_on_committee(request, unit_id, who.person_id)
    except UnknownSubject as unknown:
        return refused(request, unknown, 404, "没有这个支部")
    except DangjianError as error:
        return refused(request, error, 409)
    year = _year(request)
    return render(
        request,
        "vetting.html",
        status=200 if refusal is None else status_of(refusal),
        who=who,
        title="审诺",
        unit_id=unit_id,
        year=year,
        outside=outside,
        pledgers=[] if outside else pledgers(request, unit_id, year, who.person_id),
        grounds=GROUNDS,
        key=form_key,
        done=done,
        refusal=refusal,
    )
