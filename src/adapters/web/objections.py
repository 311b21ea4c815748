"""群众提出异议 — ``POST /public/{unit}/development/objections``: anyone, without logging
in, objects to a person on a posted development list, leaving a name and a contact.

Who acts: the core's public filer, :data:`dangjian_core.development.permissions.PUBLIC`
(``public``), which :func:`~dangjian_core.development.permissions.file_objection` admits
for a member of the public with a name and contact on the objection. It is used even
when the person filing has logged in: the actor of every event is visible to members in
the event feed, and an objector's identity is not theirs to see — the name and contact
given on the form identify the objector to the branch committee instead.

Where the name and contact go: into the ``FileObjection`` command and its
``ObjectionFiled`` event, and from there only where the development concept keeps them —
the name in ``dev_objections.filer_name``, the contact in its own table
``dev_objection_contacts`` (for the investigators:
:meth:`adapters.views.development.DevelopmentQueries.objection_contacts`). No public page
shows either: the boards print who was objected to, what and the outcome, never who
objected; the answer to the form shows only the receipt number (the objection's id),
which the form carries from the page so a resend is answered with the same receipt, not
filed twice. (The HTTP API, for logged-in members and tokens, keeps the contacts table
back; it still lists ``dev_objections`` with the name, and the event feed masks the
contact but not the name.)

Rate limit: at most :data:`PER_HOUR` objections (accepted or refused) an hour from one
address, counted beside the log under a digest of the address (never in the log).
"""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from adapters.app import Dangjian
from adapters.storage.errors import DuplicateCommandId
from adapters.views.development import DevelopmentQueries
from adapters.web.organize import sent_before, status_of
from adapters.web.public import app_of
from adapters.web.public_development import development_page
from adapters.web.templates import render
from dangjian_core.development.commands import FileObjection
from dangjian_core.development.permissions import PUBLIC
from dangjian_core.kernel.errors import DangjianError, InvalidCommand

router = APIRouter(include_in_schema=False)

#: Objections one address may send within :data:`WINDOW`.
PER_HOUR = 5
WINDOW = timedelta(hours=1)
_RECEIPT = re.compile(r"\d{8}-\d{6}")
_CYCLE = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class StaleForm(InvalidCommand):
    """表单已过期 — the list changed since the page was opened, or the form is not ours."""


@router.post("/public/{unit_id}/development/objections")
def file_objection(
    request: Request,
    unit_id: str,
    cycle: Annotated[str, Form(max_length=7)] = "",
    proposal: Annotated[str, Form(max_length=10)] = "",
    receipt: Annotated[str, Form(max_length=15)] = "",
    rank: Annotated[str, Form(max_length=10)] = "",
    text: Annotated[str, Form(max_length=2000)] = "",
    filer_name: Annotated[str, Form(max_length=200)] = "",
    contact: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """File the objection as the public filer; the receipt, or the page again with why not."""
    app = app_of(request)
    too_often = throttled(request, app, "objection")
    if too_often is not None:
        return too_often
    sent = {"rank": rank, "text": text, "filer_name": filer_name, "contact": contact}
    try:
        person_id, person_name = _person(app, unit_id, cycle, proposal, receipt, rank)
        _required(text, filer_name, contact)
        app.submit(
            FileObjection,
            command_id=_command_id(unit_id, cycle, receipt),
            actor_id=PUBLIC,
            unit_id=unit_id,
            cycle=cycle,
            objection_id=receipt,
            person_id=person_id,
            text=text.strip(),
            filer_name=filer_name.strip(),
            contact=contact.strip(),
        )
    except DangjianError as refused:
        error = sent_before(refused) if isinstance(refused, DuplicateCommandId) else refused
        shown = cycle if _CYCLE.fullmatch(cycle) else None
        return development_page(
            request, unit_id, shown, sent=sent, error=error, status=status_of(error)
        )
    return render(
        request,
        "objection_receipt.html",
        title="意见已收到",
        receipt=receipt,
        person_name=person_name,
        back=f"/public/{unit_id}/development?cycle={cycle}",
    )


def throttled(request: Request, app: Dangjian, kind: str) -> Response | None:
    """The refusal (429) of a public form sent too often from this address, or None after
    counting this one (``kind``: objection, feedback)."""
    if admit(app, request.client.host if request.client else "unknown", kind):
        return None
    return render(
        request,
        "refused.html",
        status=429,
        title="提交太频繁",
        zh=f"同一地址一小时内最多提交 {PER_HOUR} 次意见，请过一小时再提交。",
        en=f"at most {PER_HOUR} {kind} forms an hour from one address",
    )


def admit(app: Dangjian, address: str, kind: str) -> bool:
    """Count this post of a public form (``kind``: objection, feedback) against the
    address; whether it is within :data:`PER_HOUR`."""
    now = app.now()
    subject = f"{kind}:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    with app.store.secrets(write=True) as kept:
        kept.drop_marks((now - WINDOW).isoformat())
        if kept.marks(subject, (now - WINDOW).isoformat()) >= PER_HOUR:
            return False
        kept.add_mark(subject, now.isoformat())
    return True


def _person(
    app: Dangjian, unit_id: str, cycle: str, proposal: str, receipt: str, rank: str
) -> tuple[str, str]:
    """The person on the posted list the form names (by rank), if the form still fits."""
    if not (_CYCLE.fullmatch(cycle) and _RECEIPT.fullmatch(receipt) and proposal.isdigit()):
        raise StaleForm("表单已失效，请刷新页面后再填", "the form is stale or not from this site")
    view = DevelopmentQueries(app.store).show(unit_id, cycle)
    if view.listing is None or str(view.listing.get("proposal")) != proposal:
        raise StaleForm(
            "名单已有变动，请刷新页面后再填", "the list changed since the page was opened"
        )
    for row in view.proposed:
        if str(row["rank"]) == rank:
            return str(row["person_id"]), str(row["name"])
    raise InvalidCommand("请选择对谁有意见", "choose a person on the posted list")


def _required(text: str, filer_name: str, contact: str) -> None:
    for value, what in ((text, "意见内容"), (filer_name, "您的姓名"), (contact, "联系方式")):
        if not value.strip():
            raise InvalidCommand(f"请填写「{what}」", f"{what} is required")


def _command_id(unit_id: str, cycle: str, receipt: str) -> str:
    return (
        "web-objection-"
        + hashlib.sha256(f"{unit_id}\0{cycle}\0{receipt}".encode()).hexdigest()[:40]
    )
