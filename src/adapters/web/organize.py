"""组织委员的页面 — where a branch's secretary or organizing member issues tasks, invites
people and sees who has not logged in yet (``/organize`` and the pages under it).

Which units a person organizes is read from the role terms running now: those where the
person is secretary (书记) or organizing member (组织委员), and the units under them.
That only chooses what the pages offer and which lists they show; every command sent
from them is decided by the core, with the person as its actor and the server's time —
a refusal is shown as the core words it.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.app import Dangjian
from adapters.identity import Principal
from adapters.storage.errors import DuplicateCommandId, StoreBusy
from adapters.web.session import identity, member
from adapters.web.templates import render
from dangjian_core.kernel.errors import DangjianError, InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.units.queries import TreeNode
from dangjian_core.units.roles import LEADERS

router = APIRouter(include_in_schema=False)


class NotOrganizer(DangjianError):
    """不是组织者 — the person does not lead the unit whose lists the page would show."""

    code = "unauthorized"


def app_of(request: Request) -> Dangjian:
    """The application behind the pages."""
    return identity(request).app


def led_units(app: Dangjian, person_id: str) -> list[TreeNode]:
    """The units the person leads now — secretary or organizing member of it, or of a
    unit above it — in the organisation tree's order."""
    now = app.now()
    held = {
        h.unit_id
        for h in app.queries.holders(None, now)
        if h.person_id == person_id and h.role in LEADERS
    }
    nodes = app.queries.tree(now)
    by_id = {node.unit_id: node for node in nodes}
    return [node for node in nodes if _within(node, held, by_id)]


def _within(node: TreeNode, held: set[str], nodes: dict[str, TreeNode]) -> bool:
    seen: set[str] = set()
    current: TreeNode | None = node
    while current is not None and current.unit_id not in seen:
        if current.unit_id in held:
            return True
        seen.add(current.unit_id)
        current = nodes.get(current.parent_id) if current.parent_id else None
    return False


def organized_unit(request: Request, who: Principal, unit_id: str) -> TreeNode:
    """The unit, if the person leads it; else :class:`NotOrganizer`."""
    for node in led_units(app_of(request), who.person_id):
        if node.unit_id == unit_id:
            return node
    raise NotOrganizer(
        f"您不是 {unit_id} 的书记或组织委员，看不到这一页",
        f"{who.person_id} does not lead {unit_id}",
    )


def refused(
    request: Request, error: DangjianError, status: int, title: str = "不能办理"
) -> Response:
    """A page that says plainly, in Chinese first, why nothing was done."""
    return render(request, "refused.html", status=status, title=title, zh=error.zh, en=error.en)


def sent_before(error: DuplicateCommandId) -> InvalidCommand:
    """A form sent again after it was changed: its one-off number names a command already
    recorded with other contents — said plainly, not as the store's command id."""
    return InvalidCommand(
        "这张表已经提交过了，改过的内容没有提交；要再办一件，请刷新页面重新填写",
        f"the form was sent before with other contents ({error.en})",
    )


def status_of(error: DangjianError) -> int:
    """The page's status for a refusal: 403 not allowed, 404 unknown, 422 malformed, 503
    busy, 409 any other rule."""
    for kind, status in (
        (NotOrganizer, 403),
        (Unauthorized, 403),
        (UnknownSubject, 404),
        (InvalidCommand, 422),
        (StoreBusy, 503),
    ):
        if isinstance(error, kind):
            return status
    return 409


@router.get("/organize")
def organize(request: Request) -> Response:
    """The units the person organizes, each with its three pages."""
    who = member(request)
    units = led_units(app_of(request), who.person_id)
    return render(request, "organize.html", who=who, title="组织委员", units=units)
