"""审核 — the completions waiting for review in the reader's branch, each with its note
and photos, never the reader's own; approve, approve with fewer points (a reason
required) or reject (a reason required). Who may review is the core's rule alone: the
page lists the completions only to those it admits as reviewers now, the command decides,
and a refusal is shown in Chinese."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from adapters.identity import Principal
from adapters.web.acting import KEY_FIELD, act, app_of, form_key, names, status_of
from adapters.web.pending import not_a_reviewer, pending
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, UnknownSubject
from dangjian_core.tasks.commands import ApproveCompletion, RejectCompletion

router = APIRouter(include_in_schema=False)

Field = Annotated[str, Form()]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
Key = Annotated[str, Form(alias=KEY_FIELD)]


@router.get("/review")
def review(request: Request, done: str = "", task: str = "", claimant: str = "") -> Response:
    """The completions waiting for review, with the answer of the last decision."""
    who = member(request)
    return _page(request, who, done=_said(request, done, task, claimant))


@router.post("/review/approve")
def approve(
    request: Request,
    task_id: Field = "",
    claimant_id: Field = "",
    points: Field = "",
    reason: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Approve a completion, with the task's points or fewer (then with a reason)."""
    who = member(request)
    check_form(who, csrf)
    try:
        awarded = _points(points)
        act(request, who, ApproveCompletion, key, task_id=task_id, claimant_id=claimant_id,
            points=awarded, reason=reason.strip())  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    return _done("approved", task_id, claimant_id)


@router.post("/review/reject")
def reject(
    request: Request,
    task_id: Field = "",
    claimant_id: Field = "",
    reason: Field = "",
    key: Key = "",
    csrf: Csrf = "",
) -> Response:
    """Reject a completion, with the reason the claimant will read."""
    who = member(request)
    check_form(who, csrf)
    try:
        act(request, who, RejectCompletion, key, task_id=task_id, claimant_id=claimant_id,
            reason=reason.strip())  # fmt: skip
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    return _done("rejected", task_id, claimant_id)


def _points(text: str) -> int | None:
    """The points typed in: none means the task's full points."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 4:
        raise InvalidCommand(
            f"核定分数「{text}」须是一个整数", f"points {text!r} must be a whole number"
        )
    return int(text)


def _done(done: str, task_id: str, claimant_id: str) -> Response:
    query = urlencode({"done": done, "task": task_id, "claimant": claimant_id})
    return RedirectResponse(f"/review?{query}", status_code=303)


def _said(request: Request, done: str, task_id: str, claimant_id: str) -> str:
    """The answer of a decision, from what was recorded (nothing from the address)."""
    if done not in ("approved", "rejected") or not task_id or not claimant_id:
        return ""
    try:
        view = app_of(request).queries.task(task_id)
    except UnknownSubject:
        return ""
    claim = next((c for c in view.claims if c["person_id"] == claimant_id), None)
    if claim is None:
        return ""
    name = names(request, {claimant_id})[claimant_id]
    title = view.task["title"]
    if claim["status"] == "approved":
        return f"已通过：{name}的「{title}」，记 {claim['awarded']} 分。"
    if claim["status"] in ("rejected", "failed"):
        return f"已退回：{name}的「{title}」，理由已告诉本人。"
    return ""


def _page(
    request: Request, who: Principal, *, done: str = "", refusal: DangjianError | None = None
) -> Response:
    now = app_of(request).now()
    outside = not_a_reviewer(request, who.person_id)
    return render(
        request,
        "review.html",
        status=200 if refusal is None else status_of(refusal),
        who=who,
        title="审核",
        outside=outside,
        pending=[] if outside else pending(request, who.person_id, now),
        key=form_key,
        done=done,
        refusal=refusal,
    )
