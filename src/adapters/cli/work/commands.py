"""中心工作命令 — ``work issue | assign | accept | link-tasks | report-progress | revise |
cancel``: a unit issues a work item, splits it to the units directly below, they accept
their shares, a branch links tasks and reports progress; a share is revised and an item
cancelled, each for a reason (the views: work_views)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import click

from adapters.app import Dangjian
from adapters.cli.clock import Actor, AsOf, acting
from adapters.cli.runtime import record
from dangjian_core.work.commands import (
    AcceptWorkShare,
    AssignWorkShare,
    CancelWorkItem,
    IssueWorkItem,
    LinkTasks,
    ReportWorkProgress,
    ReviseWorkShare,
)
from dangjian_core.work.events import share_id

_deadline_help = "截止时间; 只写日期即当日结束 / deadline (a date means the end of that day)"


def _accepted_note(item_id: str) -> Callable[[Dangjian], str]:
    def note(_app: Dangjian) -> str:
        return f"(本级工作编号 {item_id})"

    return note


@click.command("issue")
@click.argument("item_id")
@click.option("--unit", "unit_id", required=True, help="部署工作的组织 / the issuing unit")
@click.option("--title", required=True, help="工作名称, 如 人居环境整治 / title")
@click.option("--measure", required=True, help="计量单位, 如 户、个、公里 / unit of measure")
@click.option("--target", type=int, required=True, help="目标数量 / target quantity")
@click.option("--deadline", type=AsOf(), required=True, help=_deadline_help)
@acting
def issue(
    item_id: str,
    unit_id: str,
    title: str,
    measure: str,
    target: int,
    deadline: datetime,
    actor: Actor,
) -> None:
    """部署中心工作 (本级书记、组织委员) / issue a work item with a target and deadline."""
    record(
        IssueWorkItem,
        actor,
        item_id=item_id,
        unit_id=unit_id,
        title=title,
        measure=measure,
        target=target,
        deadline=deadline,
    )


@click.command("assign")
@click.argument("item_id")
@click.argument("unit_id")
@click.option("--target", type=int, required=True, help="分给该组织的数量 / the share's target")
@click.option("--deadline", type=AsOf(), default=None, help=f"{_deadline_help}; 默认同本级")
@acting
def assign(
    item_id: str, unit_id: str, target: int, deadline: datetime | None, actor: Actor
) -> None:
    """分解工作给直接下级组织 / give a unit directly below a share of the item."""
    record(
        AssignWorkShare, actor, item_id=item_id, unit_id=unit_id, target=target, deadline=deadline
    )


@click.command("accept")
@click.argument("parent_item_id")
@click.argument("unit_id")
@acting
def accept(parent_item_id: str, unit_id: str, actor: Actor) -> None:
    """承接上级分解的工作 (本组织书记、组织委员) / accept the unit's share as its own item.

    The accepted item's id is PARENT_ITEM_ID.UNIT_ID (shortened with a digest past 64
    characters); it is printed after the change.
    """
    note = _accepted_note(share_id(parent_item_id, unit_id))
    record(AcceptWorkShare, actor, then=note, parent_item_id=parent_item_id, unit_id=unit_id)


@click.command("link-tasks")
@click.argument("item_id")
@click.argument("task_ids", nargs=-1, required=True)
@click.option(
    "--per-completion",
    type=int,
    default=1,
    show_default=True,
    help="每份审核通过的完成计多少 / quantity each approved completion adds",
)
@acting
def link_tasks(item_id: str, task_ids: tuple[str, ...], per_completion: int, actor: Actor) -> None:
    """把本支部的任务关联到工作 / count the unit's tasks toward its work item."""
    record(LinkTasks, actor, item_id=item_id, task_ids=task_ids, per_completion=per_completion)


@click.command("report-progress")
@click.argument("item_id")
@click.option("--done", type=int, required=True, help="本级累计完成数量 / own running total")
@click.option("--note", default="", help="说明; 下调时必填 / note, required when lowering")
@acting
def report_progress(item_id: str, done: int, note: str, actor: Actor) -> None:
    """上报本级累计进度 / report the unit's own progress so far (a running total)."""
    record(ReportWorkProgress, actor, item_id=item_id, done=done, note=note)


@click.command("revise")
@click.argument("item_id")
@click.argument("unit_id")
@click.option("--target", type=int, required=True, help="修改后的份额 / the share's new target")
@click.option("--reason", required=True, help="修改理由 / why the share changes")
@click.option("--deadline", type=AsOf(), default=None, help=f"{_deadline_help}; 默认不变")
@acting
def revise(
    item_id: str, unit_id: str, target: int, reason: str, deadline: datetime | None, actor: Actor
) -> None:
    """修改分给下级的份额 (本级书记、组织委员) / revise the share given to a unit below."""
    record(
        ReviseWorkShare,
        actor,
        item_id=item_id,
        unit_id=unit_id,
        target=target,
        reason=reason,
        deadline=deadline,
    )


@click.command("cancel")
@click.argument("item_id")
@click.option("--reason", required=True, help="取消理由 / why the item is cancelled")
@acting
def cancel(item_id: str, reason: str, actor: Actor) -> None:
    """取消工作, 连同其下各级 (本级书记、组织委员) / cancel an item and all below it."""
    record(CancelWorkItem, actor, item_id=item_id, reason=reason)


COMMANDS = (issue, assign, accept, link_tasks, report_progress, revise, cancel)
