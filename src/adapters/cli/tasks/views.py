"""任务查看 — ``task show | list``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.cli.clock import at_option, now, show_time
from adapters.cli.params import AUDIENCE_NAMES, SOURCE_NAMES, zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.tasks import waitlist
from dangjian_core.tasks.state import CLAIM_STATUS_NAMES


def task_status(task: dict[str, Any], at: datetime) -> str:
    """进行中, 已截止 or 已取消, as of ``at``."""
    if task["status"] == "cancelled":
        return "已取消"
    return "已截止" if datetime.fromisoformat(str(task["deadline"])) <= at else "进行中"


def _audiences(task: dict[str, Any]) -> str:
    return "、".join(zh_of(AUDIENCE_NAMES, a) for a in str(task["audiences"]).split(","))


def _details(task: dict[str, Any], at: datetime) -> Table:
    source = zh_of(SOURCE_NAMES, task["source_kind"])
    if task["source_reference"]:
        source += f" ({task['source_reference']})"
    grid = table(None, ["项目", "内容"])
    for label, value in (
        ("支部", task["branch_id"]),
        ("类别", task["category"]),
        ("分值", task["points"]),
        ("名额", f"{task['taken']}/{task['slots']}"),
        ("截止", show_time(str(task["deadline"]))),
        ("领办对象", _audiences(task)),
        ("来源", source),
        ("状态", task_status(task, at)),
        ("发布", f"{task['issued_by']} {show_time(str(task['issued_at']))}"),
    ):
        grid.add_row(label, str(value))
    if task.get("grid_block"):
        grid.add_row("限网格", f"{task['grid_block']} (只有分配到该网格的人可领办)")
    if task.get("reserved_for"):
        grid.add_row("仅限领办", "、".join(str(task["reserved_for"]).split(",")))
    if task.get("draw_until"):
        drawn = f"已抽签 (日志第 {task['drawn']} 条)" if task.get("drawn") else "尚未抽签"
        grid.add_row("抽签窗口", f"至 {show_time(str(task['draw_until']))}, {drawn}")
    elif task.get("waitlist"):
        grid.add_row("候补", "满额后可候补, 撤回时按顺序递补")
    return grid


def _claims_table(claims: Iterable[dict[str, Any]], names: dict[Any, Any]) -> Table:
    grid = table(
        "领办 / claims",
        ["领办人", "姓名", "状态", "提交次数", "积分", "理由", "更新"],
        right=["提交次数", "积分"],
        whole=["更新"],
    )
    rows = (
        (
            str(row["person_id"]),
            str(names.get(row["person_id"], "")),
            zh_of(CLAIM_STATUS_NAMES, row["status"]),
            str(row["attempts"] or 0),
            str(row["awarded"] or ""),
            str(row["reason"] or ""),
            show_time(str(row["updated_at"])),
        )
        for row in claims
    )
    return filled(grid, rows)


def _tasks_table(title: str, tasks: Iterable[dict[str, Any]], at: datetime) -> Table:
    grid = table(
        title,
        ["编号", "标题", "类别", "分值", "名额", "截止", "状态"],
        right=["分值", "名额"],
        whole=["截止"],
    )
    rows = (
        (
            str(task["task_id"]),
            str(task["title"]),
            str(task["category"]),
            str(task["points"]),
            f"{task['taken']}/{task['slots']}",
            show_time(str(task["deadline"])),
            task_status(task, at),
        )
        for task in tasks
    )
    return filled(grid, rows)


@click.command("show")
@click.argument("task_id")
@at_option
def show(task_id: str, at: datetime | None) -> None:
    """任务详情与领办情况 / a task and every claim on it."""
    runtime = current()
    queries = runtime.app(must_exist=True).queries
    view = queries.task(task_id)
    people = queries.branch(str(view.task["branch_id"])).people
    names = {person["person_id"]: person["name"] for person in people}
    title = heading(f"任务 {task_id}「{view.task['title']}」")
    details = _details(view.task, at or now())
    queue = [
        f"{c['place']}. {c['person_id']} {names.get(c['person_id'], '')}" for c in waitlist(view)
    ]
    lines: list[RenderableType] = [title, details, _claims_table(view.claims, names)]
    lines += ["候补名单 / waitlist: " + "; ".join(queue)] if queue else []
    runtime.show(plain(view), lines)


@click.command("list")
@click.option("--branch", "branch_id", required=True, help="支部 / branch id")
@at_option
def list_tasks(branch_id: str, at: datetime | None) -> None:
    """支部的任务, 新的在前 / a branch's tasks, newest first."""
    runtime = current()
    queries = runtime.app(must_exist=True).queries
    name = queries.branch(branch_id).branch["name"]
    rows = queries.tasks(branch_id)
    grid = _tasks_table(f"{name} 任务 / tasks", rows, at or now())
    runtime.show({"branch_id": branch_id, "tasks": rows}, [grid])


COMMANDS = (show, list_tasks)
