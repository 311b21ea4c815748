"""邀请开户 — ``/organize/{unit}/invitations``: choose people on the roll who have no
account yet (or whose invitation lapsed), invite them, and print their invitation cards.

The cards page is the answer to the form itself: each code is shown this once (only its
digest is kept), so the page is never cached nor reachable again by a link. A card holds
the person's name, their login id, a QR code of the ``/join`` link with the code, and
what to do in plain words; eight cards fit an A4 sheet (``public.css``). Sending the
same form again re-issues the same invitations with new codes (the earlier cards stop
working), never a second set beside them. Each invitation is decided by the core
(``InviteAccount``: the leaders of the person's unit, or a level above).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Annotated
from urllib.parse import quote

from attrs import frozen
from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from markupsafe import Markup

from adapters.identity import IssuedInvitation, Principal
from adapters.web.organize import NotOrganizer, organized_unit, refused, status_of
from adapters.web.organize_people import INVITABLE, Standing, day_text, standings
from adapters.web.qr import qr_svg
from adapters.web.session import CSRF_FIELD, check_form, identity, member
from adapters.web.templates import render
from dangjian_core.accounts.commands import INVITATION_DAYS
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, UnknownSubject

router = APIRouter(include_in_schema=False)

#: Cards on one A4 sheet: two across, four down.
PER_SHEET = 8
#: How long an invitation may be valid, as offered on the form (days).
VALID_DAYS = (7, 14, 30)


@frozen
class Card:
    """邀请卡 — one person's card: name, login id, the link with the code and its QR code,
    and the last day the code works."""

    name: str
    person_id: str
    link: str
    qr: Markup
    until: str


@router.get("/organize/{unit_id}/invitations")
def invitation_form(request: Request, unit_id: str) -> Response:
    """The people who may be invited, to choose from."""
    who = member(request)
    try:
        unit = organized_unit(request, who, unit_id)
    except NotOrganizer as error:
        return refused(request, error, 403, "看不到这一页")
    people = standings(identity(request), unit_id)
    return render(
        request,
        "invitations.html",
        who=who,
        title="邀请开户",
        unit=unit,
        invitable=[p for p in people if p.standing in INVITABLE],
        pending=[p for p in people if p.standing is Standing.INVITED],
        day_text=day_text,
        valid_days=VALID_DAYS,
        default_days=INVITATION_DAYS,
        nonce=secrets.token_urlsafe(18),
    )


@router.post("/organize/{unit_id}/invitations")
def invite(
    request: Request,
    unit_id: str,
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
    nonce: Annotated[str, Form(max_length=64)] = "",
    people: Annotated[list[str] | None, Form()] = None,
    valid_days: Annotated[str, Form(max_length=4)] = str(INVITATION_DAYS),
) -> Response:
    """Invite each chosen person (as the logged-in person) and answer with their cards."""
    who = member(request)
    check_form(who, csrf)
    door = identity(request)
    try:
        roll = {p.person_id: p for p in standings(door, unit_id)}
    except UnknownSubject as unknown:
        return refused(request, unknown, 404, "没有这个支部")
    chosen = [p for p in dict.fromkeys(people or []) if p in roll]
    days = int(valid_days) if valid_days.isdigit() else 0
    if len(nonce) < 16 or days not in VALID_DAYS:
        stale = InvalidCommand("表单已失效，请刷新页面后再选", "the form is stale or forged")
        return refused(request, stale, 422, "表单已失效")
    if not chosen:
        empty = InvalidCommand("请至少选一个人", "choose at least one person on the roll")
        return refused(request, empty, 422, "没有选人")
    cards: list[Card] = []
    failed: list[tuple[str, DangjianError]] = []
    for person_id in chosen:
        command_id = "web-invite-" + _digest(who, nonce, person_id)
        try:
            issued = door.invite(who.person_id, person_id, command_id=command_id, valid_days=days)
        except DangjianError as error:
            failed.append((roll[person_id].name, error))
            continue
        cards.append(_card(request, roll[person_id].name, issued))
    if not cards:
        return refused(request, failed[0][1], status_of(failed[0][1]), "没有发出邀请")
    sheets = [cards[i : i + PER_SHEET] for i in range(0, len(cards), PER_SHEET)]
    return render(
        request,
        "invitation_cards.html",
        who=who,
        title="邀请卡",
        unit_name=roll_unit_name(request, unit_id),
        sheets=sheets,
        failed=failed,
    )


def roll_unit_name(request: Request, unit_id: str) -> str:
    """The unit's name as printed on the cards."""
    return str(identity(request).app.queries.branch(unit_id).branch["name"])


def _digest(who: Principal, nonce: str, person_id: str) -> str:
    return hashlib.sha256(f"{who.person_id}\0{nonce}\0{person_id}".encode()).hexdigest()[:40]


def _card(request: Request, name: str, issued: IssuedInvitation) -> Card:
    link = f"{request.base_url}join?code={quote(issued.code, safe='.-_~')}"
    label = f"{name}的开户二维码"
    return Card(name, issued.person_id, link, qr_svg(link, label), day_text(issued.expires_at))
