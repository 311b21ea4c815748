"""我的积分 — the person's balance for a cycle with every ledger line behind it, in
words (what the CLI's ``balance`` prints): when, what for (the task's title), who
decided, how many points, and why; the total checked against the sum of the lines, the
total per category, and what counts under the branch's points scheme. Any cycle with
points (or the present one) may be chosen."""

from __future__ import annotations

import re
from typing import Any

from attrs import frozen
from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.views.reading import one, read
from adapters.web.acting import app_of, names
from adapters.web.cards import home_branch
from adapters.web.session import member
from adapters.web.templates import render
from adapters.web.verify_points import verify_qr
from adapters.web.wording import period, signed, when
from dangjian_core.kernel.time import cycle_of
from dangjian_core.points.projections import KIND_NAMES
from dangjian_core.points.queries import Explanation, LedgerLine

router = APIRouter(include_in_schema=False)

_CYCLE = re.compile(r"\d{4}-\d{2}")


@frozen
class Line:
    """积分明细一行 — a ledger line in words."""

    at: str
    what: str
    category: str
    delta: str
    gain: bool
    actor: str
    reason: str
    #: Under the points scheme: what the line counts for, when less than its amount.
    counted: str


@router.get("/points")
def points(request: Request, cycle: str = "") -> Response:
    """The balance and its lines for the chosen cycle (default: the latest)."""
    who = member(request)
    app = app_of(request)
    now = app.now()
    with read(app.store) as views:
        person = one(views.select("people", {"person_id": who.person_id}), "人员", who.person_id)
        branch = home_branch(views, str(person["branch_id"]))
        unit = one(views.select("units", {"unit_id": branch}), "组织", branch)
    current = cycle_of(now, int(unit["cycle_start_month"] or 1))
    cycles = sorted({*app.queries.cycles(branch), current}, reverse=True)
    chosen = cycle if _CYCLE.fullmatch(cycle) and cycle in cycles else cycles[0]
    explained = app.queries.explain(who.person_id, chosen)
    return render(
        request,
        "points.html",
        who=who,
        title="我的积分",
        explained=explained,
        cycles=[(c, period(c)) for c in cycles],
        chosen=chosen,
        label=period(chosen),
        lines=_lines(request, explained),
        summed=sum(line.delta for line in explained.lines),
        categories=sorted(explained.categories.items()),
        verify_qr=verify_qr(request, who.person_id, chosen),
    )


def _lines(request: Request, explained: Explanation) -> list[Line]:
    now = app_of(request).now()
    refs = {line.ref for line in explained.lines}
    with read(app_of(request).store) as views:
        titles = {ref: _title(views.select("tasks", {"task_id": ref})) for ref in refs}
    actors = names(request, {line.actor_id for line in explained.lines})
    counted = {position: (points, note) for position, points, note in explained.capped}
    return [_line(line, titles, actors, counted, now) for line in explained.lines]


def _title(rows: list[dict[str, Any]]) -> str:
    return str(rows[0]["title"]) if rows else ""


def _line(
    line: LedgerLine,
    titles: dict[str, str],
    actors: dict[str, str],
    counted: dict[int, tuple[int, str]],
    now: Any,
) -> Line:
    kind = KIND_NAMES.get(line.kind, line.kind)
    title = titles.get(line.ref, "")
    capped = counted.get(line.position)
    return Line(
        at=when(line.at, now),
        what=f"{kind}：「{title}」" if title else kind,
        category=line.category,
        delta=signed(line.delta),
        gain=line.delta >= 0,
        actor=actors.get(line.actor_id, line.actor_id),
        reason=line.reason,
        counted=f"按积分细则计入 {capped[0]} 分：{capped[1]}" if capped else "",
    )
