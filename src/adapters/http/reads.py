"""读模型接口 — the read models for people and services: typed answers (a task and its
claims, a branch's tasks, the points wall, one person's balance explained) and every
public table by its key or indexed columns. Tables holding personal data or account
details are not served here, and personal columns of served tables (an objector's name)
are masked."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from adapters.http.auth import Reader
from adapters.http.commands import app_of
from adapters.storage.mapper import converter
from adapters.views.reading import read
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.readmodel import Table
from dangjian_core.kernel.trail import HIDDEN

router = APIRouter(tags=["读取 reads"])

#: Tables never served by the generic endpoint: personal data and account details.
PRIVATE_TABLES = frozenset(
    {
        "person_details",
        "accounts",
        "api_tokens",
        "dev_objection_contacts",
        "commitment_feedback_contacts",
        "matter_objection_contacts",
    }
)
PUBLIC: dict[str, Table] = {t.name: t for t in ALL_TABLES if t.name not in PRIVATE_TABLES}
#: Columns of served tables that hold personal data: served as ``HIDDEN``.
PRIVATE_COLUMNS: dict[str, frozenset[str]] = {"dev_objections": frozenset({"filer_name"})}


def _filters(table: Table) -> tuple[str, ...]:
    indexed = {name for index in table.indexes for name in index}
    return tuple(name for name in (*table.key_names, *sorted(indexed)) if name)


@router.get("/tasks/{task_id}", summary="任务详情 / a task and its claims")
def task(task_id: str, request: Request, _who: Reader) -> dict[str, Any]:
    """The task's row and its claims."""
    view = app_of(request).queries.task(task_id)
    return {"task": view.task, "claims": list(view.claims)}


@router.get("/branches/{branch_id}/tasks", summary="支部任务 / a branch's tasks")
def tasks(branch_id: str, request: Request, _who: Reader) -> list[dict[str, Any]]:
    """The branch's tasks, newest first."""
    return list(app_of(request).queries.tasks(branch_id))


@router.get("/branches/{branch_id}/wall/{cycle}", summary="积分榜 / the points wall")
def wall(branch_id: str, cycle: str, request: Request, _who: Reader) -> list[Any]:
    """The branch's people ranked for a cycle."""
    return converter.unstructure(app_of(request).queries.wall(branch_id, cycle))  # type: ignore[no-any-return]


@router.get("/people/{person_id}/points/{cycle}", summary="积分明细 / a balance explained")
def points(person_id: str, cycle: str, request: Request, _who: Reader) -> Any:
    """A person's balance for a cycle and every ledger line behind it."""
    return converter.unstructure(app_of(request).queries.explain(person_id, cycle))


@router.get("/views", summary="读模型目录 / the public read models")
def tables(_who: Reader) -> list[dict[str, Any]]:
    """Each public table: its columns, and the ones it can be filtered by."""
    return [
        {"table": t.name, "columns": [c.name for c in t.columns], "filters": list(_filters(t))}
        for t in PUBLIC.values()
    ]


@router.get("/views/{table}", summary="读模型行 / rows of a read model")
def rows(
    table: str,
    request: Request,
    _who: Reader,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Rows of a public table, filtered by its key and indexed columns given as query
    parameters (``?branch_id=paixilv``), a page at a time."""
    found = PUBLIC.get(table)
    if found is None:
        raise UnknownSubject(f"读模型 {table} 不存在或不公开", f"no public read model {table}")
    allowed = _filters(found)
    where = {k: v for k, v in request.query_params.items() if k not in ("limit", "offset")}
    unknown = sorted(set(where) - set(allowed))
    if unknown:
        raise InvalidCommand(
            f"不能按 {'、'.join(unknown)} 筛选(可用:{'、'.join(allowed)})",
            f"cannot filter {table} by {', '.join(unknown)}; use {', '.join(allowed)}",
        )
    with read(app_of(request).store) as views:
        selected = views.select(table, where, order_by=found.key_names)
    hidden = PRIVATE_COLUMNS.get(table, frozenset())
    page = [
        {k: HIDDEN if k in hidden and v else v for k, v in row.items()}
        for row in selected[offset : offset + limit]
    ]
    return {"rows": page, "total": len(selected)}
