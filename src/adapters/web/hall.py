"""任务大厅 — the open tasks of the person's branch, each with its category, points,
deadline, source and remaining slots (kept live by :mod:`adapters.web.live`), a claim
button and, while the claim may be given back, a withdraw button. The forms work without
a script (post, then back to the hall with the answer); ``hall.js`` answers them in place.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from adapters.audit.draw_seed import hold_draw
from adapters.identity import Principal
from adapters.web.acting import KEY_FIELD, act, app_of, back_to, form_key, status_of
from adapters.web.cards import TaskCard, faster, hall_cards
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from adapters.web.wording import when
from dangjian_core.kernel.errors import DangjianError
from dangjian_core.tasks.commands import ClaimTask, WithdrawClaim
from dangjian_core.tasks.events import ClaimWaitlisted, DrawEntered, WaitlistLeft
from dangjian_core.tasks.state import NoSlotsLeft

router = APIRouter(include_in_schema=False)

#: What a finished step says, by the ``done`` the page is sent back with.
DONE = {
    "claimed": "领办成功！请在截止前做完，再到「我的任务」里提交完成情况。",
    "withdrawn": "已撤回领办，名额已让给别人。",
    "left": "已放弃候补（或抽签）。",
    "entered": "已报名抽签。抽签窗口结束后按公开的规则抽出名额，结果在「我的任务」里看。",
    "waiting": "名额已满，已加入候补。有人撤回时按顺序递补，递补后群里会通知。",
}

Field = Annotated[str, Form()]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
Key = Annotated[str, Form(alias=KEY_FIELD)]


@router.get("/hall")
def hall(request: Request, done: str = "", task: str = "") -> Response:
    """The hall, with the answer of the step just taken (if any)."""
    return _page(request, member(request), done=done, task_id=task)


@router.post("/hall/claim")
def claim(request: Request, task_id: Field = "", key: Key = "", csrf: Csrf = "") -> Response:
    """Take one slot of a task for oneself."""
    who = member(request)
    check_form(who, csrf)
    try:
        # A task whose draw window has ended is drawn first (the seed: the log's head).
        hold_draw(app_of(request), task_id, who.person_id)
        outcome = act(request, who, ClaimTask, key, task_id=task_id)
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal, task_id=task_id)
    kinds = {type(recorded.event) for recorded in outcome.events}
    done = "entered" if DrawEntered in kinds else "waiting" if ClaimWaitlisted in kinds else ""
    return _done("/hall", done or "claimed", task_id)


@router.post("/hall/withdraw")
def withdraw(
    request: Request, task_id: Field = "", key: Key = "", back: Field = "", csrf: Csrf = ""
) -> Response:
    """Give one's slot back (before the deadline, while not waiting for review)."""
    who = member(request)
    check_form(who, csrf)
    try:
        outcome = act(request, who, WithdrawClaim, key, task_id=task_id)
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal, task_id=task_id)
    left = any(isinstance(recorded.event, WaitlistLeft) for recorded in outcome.events)
    return _done(back_to(back, ("/hall", "/mine")), "left" if left else "withdrawn", task_id)


def _done(path: str, done: str, task_id: str) -> Response:
    target = f"{path}?done={done}&task={quote(task_id, safe='')}"
    return RedirectResponse(target, status_code=303)


def _page(
    request: Request,
    who: Principal,
    *,
    done: str = "",
    task_id: str = "",
    refusal: DangjianError | None = None,
) -> Response:
    app = app_of(request)
    now = app.now()
    # The position first: whatever is recorded after it, the live feed sends.
    position = app.store.max_position()
    cards = hall_cards(request, who.person_id, now)
    named: TaskCard | None = next((c for c in cards if c.task_id == task_id), None)
    return render(
        request,
        "hall.html",
        status=200 if refusal is None else status_of(refusal),
        who=who,
        title="任务大厅",
        cards=cards,
        position=position,
        key=form_key,
        done=DONE.get(done, ""),
        named=named,
        deadline=when(named.deadline_at, now) if named else "",
        refusal=refusal,
        faster=faster(request, task_id) if isinstance(refusal, NoSlotsLeft) else [],
    )
