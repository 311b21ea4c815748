"""发布任务页 — ``/organize/{unit}/task``: the form of ``dangjian task issue`` with the
same fields (title, category, points, slots, deadline, who may claim, source and its
reference, a grid block), decided by the core with the logged-in person as the actor.

The form carries a one-off number: sending it again (a double tap, a reload) names the
same command, so the task is issued once and the same answer comes back. Without an id
the task is numbered like the command line's, ``<branch>-<year>-<NNN>``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from adapters.app import Dangjian
from adapters.identity import Principal
from adapters.storage.errors import DuplicateCommandId
from adapters.web.organize import app_of, sent_before, status_of
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, UnknownSubject
from dangjian_core.kernel.time import LOCAL, local
from dangjian_core.tasks.commands import IssueTask
from dangjian_core.tasks.events import Audience, SourceKind, TaskIssued
from dangjian_core.tasks.state import TaskIdTaken

router = APIRouter(include_in_schema=False)

#: How many numbers after the next free one are tried when others take them first.
TRIES = 5
#: The form's fields in Chinese, to name the one at fault in a shape refusal.
LABELS = {
    "title": "标题",
    "category": "类别",
    "points": "分值",
    "slots": "名额",
    "deadline": "截止时间",
    "audiences": "领办对象",
    "source_kind": "来源",
    "source_reference": "文件依据",
    "grid_block": "网格",
}
AUDIENCES = (
    (Audience.ACTIVISTS, "入党申请人、积极分子、发展对象"),
    (Audience.VOLUNTEERS, "志愿者、群众"),
    (Audience.MEMBERS, "党员（含预备党员）"),
)
SOURCES = ((SourceKind.VILLAGE, "村里工作需要"), (SourceKind.UPPER, "上级部署"))


class FormError(InvalidCommand):
    """填写有误 — a field the form needs is empty or not a number or a time."""


@router.get("/organize/{unit_id}/task")
def task_form(request: Request, unit_id: str) -> Response:
    """The form, empty."""
    who = member(request)
    return _page(request, who, unit_id, {}, None, None)


@router.post("/organize/{unit_id}/task")
def issue_task(
    request: Request,
    unit_id: str,
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
    nonce: Annotated[str, Form(max_length=64)] = "",
    title: Annotated[str, Form(max_length=400)] = "",
    category: Annotated[str, Form(max_length=200)] = "",
    points: Annotated[str, Form(max_length=20)] = "",
    slots: Annotated[str, Form(max_length=20)] = "",
    deadline: Annotated[str, Form(max_length=40)] = "",
    audiences: Annotated[list[str] | None, Form()] = None,
    source: Annotated[str, Form(max_length=20)] = SourceKind.VILLAGE.value,
    reference: Annotated[str, Form(max_length=800)] = "",
    grid_block: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Issue the task as the logged-in person; the form again, with the outcome."""
    who = member(request)
    check_form(who, csrf)
    sent = {
        "title": title,
        "category": category,
        "points": points,
        "slots": slots,
        "deadline": deadline,
        "audiences": audiences or [],
        "source": source,
        "reference": reference,
        "grid_block": grid_block,
    }
    app = app_of(request)
    command_id = "web-task-" + hashlib.sha256(f"{who.person_id}\0{nonce}".encode()).hexdigest()[:40]
    try:
        if len(nonce) < 16:
            raise FormError("表单已失效，请刷新页面后再填", "the form lacks its one-off number")
        fields = _fields(unit_id, sent)
        task_id = _issue(app, who, command_id, unit_id, fields)
    except DuplicateCommandId as error:
        return _page(request, who, unit_id, sent, None, sent_before(error), status=422)
    except DangjianError as error:
        return _page(request, who, unit_id, sent, None, error, status=status_of(error))
    done = app.queries.task(task_id).task
    return _page(request, who, unit_id, {}, done, None)


def _fields(unit_id: str, sent: dict[str, Any]) -> dict[str, Any]:
    """The command's fields from the form; an empty or unreadable field is named."""
    for name in ("title", "category", "points", "slots", "deadline"):
        if not str(sent[name]).strip():
            raise FormError(f"请填写「{LABELS[name]}」", f"{name} is empty")
    if not sent["audiences"]:
        raise FormError("请至少选一类领办对象", "choose who may claim")
    try:
        audiences = tuple(Audience(value) for value in sent["audiences"])
        source = SourceKind(sent["source"])
    except ValueError as error:
        raise FormError("领办对象或来源不对，请刷新后重填", "unknown audience or source") from error
    return {
        "branch_id": unit_id,
        "title": str(sent["title"]).strip(),
        "category": str(sent["category"]).strip(),
        "points": _number(sent["points"], "points"),
        "slots": _number(sent["slots"], "slots"),
        "deadline": _time(sent["deadline"]),
        "audiences": audiences,
        "source_kind": source,
        "source_reference": str(sent["reference"]).strip(),
        "grid_block": sent["grid_block"] or None,
    }


def _number(text: str, name: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise FormError(f"「{LABELS[name]}」要填整数", f"{name} must be a whole number") from None


def _time(text: str) -> datetime:
    """A ``datetime-local`` field's value, in 北京时间."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise FormError("「截止时间」不是日期和时间", "deadline is not a date and time") from None
    return moment.replace(tzinfo=LOCAL) if moment.tzinfo is None else moment


def _issue(
    app: Dangjian, who: Principal, command_id: str, unit_id: str, fields: dict[str, Any]
) -> str:
    """The task's id: the one this form already issued, else the next free number."""
    for number in _numbers(app, command_id, unit_id):
        try:
            outcome = app.submit(
                IssueTask,
                command_id=command_id,
                actor_id=who.person_id,
                task_id=number,
                **fields,
            )
        except TaskIdTaken:
            continue  # someone issued this number a moment ago: the next one
        issued = [r.event for r in outcome.events if isinstance(r.event, TaskIssued)]
        return issued[0].task_id if issued else number
    raise TaskIdTaken(
        f"{unit_id} 的任务编号连续被占用，请稍后再试",
        f"{unit_id}'s next task numbers keep being taken",
    )


def _numbers(app: Dangjian, command_id: str, unit_id: str) -> Iterator[str]:
    """The id this command recorded, if it was; else the unit's next numbers this year."""
    recalled = app.recall(command_id)
    issued = [
        r.event for r in (recalled.events if recalled else ()) if isinstance(r.event, TaskIssued)
    ]
    if issued:
        yield issued[0].task_id
        return
    head = f"{unit_id}-{local(app.now()).year}-"
    taken = [
        int(tail)
        for row in app.queries.tasks(unit_id)
        if str(row["task_id"]).startswith(head)
        and (tail := str(row["task_id"])[len(head) :]).isdigit()
    ]
    first = max(taken, default=0) + 1
    for number in range(first, first + TRIES):
        yield f"{head}{number:03d}"


def _blocks(app: Dangjian, unit_id: str) -> list[tuple[str, str]]:
    """The unit's small grid blocks (a task may be aimed at one), or none."""
    try:
        found = app.queries.grid(unit_id)
    except UnknownSubject:
        return []
    return [(b.block_id, b.name) for b in found if b.parent_block_id is not None]


def _page(
    request: Request,
    who: Principal,
    unit_id: str,
    sent: dict[str, Any],
    done: dict[str, Any] | None,
    error: DangjianError | None,
    status: int = 200,
) -> Response:
    app = app_of(request)
    try:
        unit = app.queries.branch(unit_id).branch
    except UnknownSubject as unknown:
        return render(
            request, "refused.html", status=404, title="没有这个支部", zh=unknown.zh, en=unknown.en
        )
    categories = sorted({str(row["category"]) for row in app.queries.tasks(unit_id)})
    return render(
        request,
        "organize_task.html",
        status=status,
        who=who,
        title="发布任务",
        unit=unit,
        sent=sent,
        done=done,
        error=error,
        field=_field_at_fault(error),
        nonce=secrets.token_urlsafe(18),
        audiences=AUDIENCES,
        sources=SOURCES,
        categories=categories,
        blocks=_blocks(app, unit_id),
    )


def _field_at_fault(error: DangjianError | None) -> str:
    """The Chinese name of the field a shape refusal names, if any."""
    if not isinstance(error, InvalidCommand) or isinstance(error, FormError):
        return ""
    return next((label for name, label in LABELS.items() if name in error.zh), "")
