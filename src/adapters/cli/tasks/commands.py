"""任务命令 — ``task issue | claim | withdraw | submit`` (the claimant's side) and
``task approve | reject | cancel`` (the reviewer's and issuer's side)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

import click

from adapters.app import Dangjian
from adapters.audit.draw_seed import hold_draw
from adapters.cli.clock import Actor, IsoTime, acting
from adapters.cli.params import AUDIENCE, SOURCE
from adapters.cli.runtime import current, record
from adapters.cli.tasks.fair import FAIR_COMMANDS, waitlist_note
from adapters.cli.tasks.numbering import task_numbers
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.tasks.state import TaskIdTaken


def slots_note(task_id: str) -> Callable[[Dangjian], str]:
    """A note with the task's slots after the change: ``(名额 3/10)``."""

    def note(app: Dangjian) -> str:
        task = app.queries.task(task_id).task
        return f"(名额 {task['taken']}/{task['slots']})"

    return note


@click.command("issue")
@click.option(
    "--id",
    "task_id",
    default=None,
    help="任务编号, 默认按支部和年份顺序编号, 如 paixilv-2021-012 / task id",
)
@click.option("--branch", "branch_id", required=True, help="支部 / branch id")
@click.option("--title", required=True, help="标题 / title")
@click.option("--category", required=True, help="类别, 如 环境卫生整治 / category")
@click.option("--points", type=int, required=True, help="分值 / points per completion")
@click.option("--slots", type=int, required=True, help="名额 / number of slots")
@click.option("--deadline", type=IsoTime(), required=True, help="截止时间 / deadline")
@click.option(
    "--audience",
    "audiences",
    type=AUDIENCE,
    multiple=True,
    required=True,
    help="领办对象, 可多次 / who may claim (repeatable)",
)
@click.option("--source", type=SOURCE, default="village", show_default=True, help="来源 / source")
@click.option("--reference", default="", help="上级部署的文件依据 / the upper-level reference")
@click.option(
    "--grid-block", default=None, help="只限该小网格的人员领办 / only people of this grid block"
)
@click.option(
    "--draw-minutes",
    type=int,
    default=0,
    show_default=True,
    help="抽签窗口(分钟): 窗口内只报名, 结束时抽签; 0 为先到先得 / draw window in minutes",
)
@click.option("--weighted", is_flag=True, help="抽签向本周期通过任务少者倾斜 / weight the draw")
@click.option("--waitlist", is_flag=True, help="名额满后可候补 / a full task takes a waitlist")
@acting
def issue(
    task_id: str | None,
    branch_id: str,
    title: str,
    category: str,
    points: int,
    slots: int,
    deadline: datetime,
    audiences: tuple[Audience, ...],
    source: SourceKind,
    reference: str,
    grid_block: str | None,
    draw_minutes: int,
    weighted: bool,
    waitlist: bool,
    actor: Actor,
) -> None:
    """发布任务 / issue a task with points, slots, deadline, audience and source.

    Without --id the task is numbered in its branch's year, readable aloud
    (``paixilv-2021-012``); retrying with the same --command-id names the same task.
    """
    fields: dict[str, Any] = {
        "branch_id": branch_id,
        "title": title,
        "category": category,
        "points": points,
        "slots": slots,
        "deadline": deadline,
        "audiences": tuple(audiences),
        "source_kind": source,
        "source_reference": reference,
        "grid_block": grid_block,
        "draw_minutes": draw_minutes,
        "draw_weighted": weighted,
        "waitlist": waitlist,
    }
    if task_id is not None:
        record(IssueTask, actor, task_id=task_id, **fields)
        return
    for number in task_numbers(current().app(), actor, branch_id):
        try:
            record(IssueTask, actor, task_id=number, **fields)
            return
        except TaskIdTaken:
            continue  # another operator took this number first: the next one
    raise TaskIdTaken(
        f"{branch_id} 的任务编号连续被占用, 请用 --id 指定",
        f"{branch_id}'s next task numbers keep being taken: give one with --id",
    )


@click.command("claim")
@click.argument("task_id")
@acting
def claim(task_id: str, actor: Actor) -> None:
    """领办任务 (先到先得; 有抽签窗口的先报名, 满额可候补) / claim one slot of a task.

    A claim on a task whose draw window has ended holds the draw first.
    """
    if not actor.at_given:
        hold_draw(current().app(), task_id, actor.person_id)
    note = partial(waitlist_note, task_id, actor.person_id)
    record(ClaimTask, actor, then=lambda _app: note(), task_id=task_id)


@click.command("withdraw")
@click.argument("task_id")
@acting
def withdraw(task_id: str, actor: Actor) -> None:
    """撤回领办或候补, 释放名额(候补第一位当即递补) / withdraw a claim or a waitlist place."""
    record(WithdrawClaim, actor, then=slots_note(task_id), task_id=task_id)


@click.command("submit")
@click.argument("task_id")
@click.option("--note", required=True, help="完成情况 / what was done")
@click.option("--photo", "photos", multiple=True, help="照片引用, 可多次 / photo reference")
@acting
def submit(task_id: str, note: str, photos: tuple[str, ...], actor: Actor) -> None:
    """提交完成情况 / report the work done, with a note and photo references."""
    record(SubmitCompletion, actor, task_id=task_id, note=note, photos=tuple(photos))


@click.command("approve")
@click.argument("task_id")
@click.argument("claimant_id")
@click.option(
    "--points",
    type=int,
    default=None,
    help="核定积分, 少于任务分值时须说明理由 / reduced points (needs --reason)",
)
@click.option("--reason", default="", help="理由 / reason")
@acting
def approve(task_id: str, claimant_id: str, points: int | None, reason: str, actor: Actor) -> None:
    """审核通过, 记入积分 / approve a completion; the points are credited."""
    record(
        ApproveCompletion,
        actor,
        task_id=task_id,
        claimant_id=claimant_id,
        points=points,
        reason=reason,
    )


@click.command("reject")
@click.argument("task_id")
@click.argument("claimant_id")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def reject(task_id: str, claimant_id: str, reason: str, actor: Actor) -> None:
    """审核不通过 (截止前可再提交一次) / reject a completion; one resubmission is allowed."""
    record(RejectCompletion, actor, task_id=task_id, claimant_id=claimant_id, reason=reason)


@click.command("cancel")
@click.argument("task_id")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def cancel(task_id: str, reason: str, actor: Actor) -> None:
    """取消任务, 未完成的领办一并释放 / cancel a task; open claims are released unpaid."""
    record(CancelTask, actor, task_id=task_id, reason=reason)


COMMANDS = (issue, claim, withdraw, submit, approve, reject, cancel, *FAIR_COMMANDS)
