"""发展对象 — ``dev propose | post-notice | object | uphold | dismiss | confirm | commend |
flag-training | show | follow-ups``.

Confirming the list and flagging members for training have follow-up commands in other
streams (each person to 发展对象; a reserved training task); they run right after the
command commits, and ``dev follow-ups`` runs them again after an interruption (safe: each
has a fixed command id). Posting the notice cuts a signed audit checkpoint (reason 公示)
when a key is given (``--key`` or ``$DANGJIAN_KEY``) and prints its note with the notice.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import RenderableType

from adapters.app import Dangjian
from adapters.audit import keys
from adapters.audit.cut import cut_checkpoint
from adapters.boards.development_cli import export_development, lists_option
from adapters.boards.export import ExportOptions, export_options
from adapters.cli.clock import Actor, IsoDate, IsoTime, acting, now
from adapters.cli.params import CYCLE
from adapters.cli.render import heading, table
from adapters.cli.runtime import current, record
from adapters.development_queries import (
    OUTCOME_NAMES,
    STATUS_NAMES,
    DevelopmentQueries,
    DevelopmentView,
)
from adapters.follow_up import FollowUpResult, summary
from adapters.policies import resume
from dangjian_core.development.commands import (
    COMMEND_TOP,
    NOTICE_DAYS,
    CommendMembers,
    ConfirmList,
    DismissObjection,
    FileObjection,
    FlagForTraining,
    PostNotice,
    ProposeList,
    UpholdObjection,
)

KEY_ENV = "DANGJIAN_KEY"


def _list(command: Any) -> Any:
    """UNIT_ID and --cycle: whose list, for which cycle."""
    command = click.option("--cycle", type=CYCLE, required=True, help="周期, 如 2021-10 / cycle")(
        command
    )
    return click.argument("unit_id")(command)


@click.command("propose")
@_list
@acting
def propose(unit_id: str, cycle: str, actor: Actor) -> None:
    """按积分排名拟定发展对象名单 / rank activists and propose the development list."""
    record(ProposeList, actor, unit_id=unit_id, cycle=cycle)


@click.command("post-notice")
@_list
@click.option("--on", "posted_on", type=IsoDate(), default=None, help="公示开始日期, 默认当天")
@click.option("--days", type=int, default=NOTICE_DAYS, show_default=True, help="公示工作日数")
@click.option("--calendar", "calendar_id", default="default", show_default=True, help="工作日历")
@click.option(
    "--key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=KEY_ENV,
    default=None,
    help=f"签名私钥, 公示时签发检查点 / key file to cut a checkpoint (env {KEY_ENV})",
)
@acting
def post_notice(
    unit_id: str,
    cycle: str,
    posted_on: date | None,
    days: int,
    calendar_id: str,
    key_file: Path | None,
    actor: Actor,
) -> None:
    """公示名单 (默认 5 个工作日), 并签发检查点 / post the list publicly."""

    def checkpoint(app: Dangjian) -> str:
        if key_file is None:
            return ""
        name, private = keys.load(key_file)
        note = cut_checkpoint(app.store, name, private, "公示", now())
        return f"\n已签发审计检查点 (原因 公示), 请与名单一并公示:\n{note}"

    record(
        PostNotice,
        actor,
        then=checkpoint,
        unit_id=unit_id,
        cycle=cycle,
        posted_on=posted_on or actor.at.date(),
        days=days,
        calendar_id=calendar_id,
    )


@click.command("object")
@_list
@click.argument("person_id")
@click.option("--id", "objection_id", default=None, help="异议编号, 默认自动生成")
@click.option("--text", required=True, help="异议内容 / the objection")
@click.option("--name", "filer_name", required=True, help="提出人姓名 / the filer's name")
@click.option("--contact", required=True, help="联系方式 (不公开) / contact, kept private")
@acting
def object_(
    unit_id: str, cycle: str, person_id: str, objection_id: str | None, actor: Actor, **fields: Any
) -> None:
    """对公示名单提出异议 (群众用 --as public) / object to someone on the posted list."""
    record(
        FileObjection,
        actor,
        unit_id=unit_id,
        cycle=cycle,
        person_id=person_id,
        objection_id=objection_id or actor.derived_id("O"),
        **fields,
    )


@click.command("uphold")
@_list
@click.argument("objection_id")
@click.option("--finding", required=True, help="调查结论 / the finding")
@acting
def uphold(unit_id: str, cycle: str, objection_id: str, finding: str, actor: Actor) -> None:
    """异议成立: 移出名单, 下一位符合条件者递补 / uphold: the next eligible moves up."""
    record(
        UpholdObjection,
        actor,
        unit_id=unit_id,
        cycle=cycle,
        objection_id=objection_id,
        finding=finding,
    )


@click.command("dismiss")
@_list
@click.argument("objection_id")
@click.option("--reason", required=True, help="不成立的理由 / why")
@acting
def dismiss(unit_id: str, cycle: str, objection_id: str, reason: str, actor: Actor) -> None:
    """异议不成立, 记录理由 / dismiss an objection, with the reason."""
    record(
        DismissObjection,
        actor,
        unit_id=unit_id,
        cycle=cycle,
        objection_id=objection_id,
        reason=reason,
    )


@click.command("confirm")
@_list
@acting
def confirm(unit_id: str, cycle: str, actor: Actor) -> None:
    """公示期满确定名单, 列为发展对象 / confirm the list: its people become candidates."""
    record(ConfirmList, actor, unit_id=unit_id, cycle=cycle)


@click.command("commend")
@_list
@click.option("--top", type=int, default=COMMEND_TOP, show_default=True, help="表扬前几名")
@acting
def commend(unit_id: str, cycle: str, top: int, actor: Actor) -> None:
    """表扬高分正式党员 / commend the full members with the most points."""
    record(CommendMembers, actor, unit_id=unit_id, cycle=cycle, top=top)


@click.command("flag-training")
@_list
@click.option("--threshold", type=int, required=True, help="低于此分数需培训 / threshold")
@click.option("--task-id", default=None, help="培训任务编号, 默认自动生成")
@click.option("--deadline", type=IsoTime(), required=True, help="培训任务截止时间")
@click.option("--points", type=int, default=2, show_default=True, help="培训任务积分")
@acting
def flag_training(
    unit_id: str,
    cycle: str,
    threshold: int,
    task_id: str | None,
    deadline: datetime,
    points: int,
    actor: Actor,
) -> None:
    """低分党员加强培训和引导, 发布仅限其领办的培训任务 / flag members for training."""
    record(
        FlagForTraining,
        actor,
        unit_id=unit_id,
        cycle=cycle,
        threshold=threshold,
        task_id=task_id or actor.derived_id("train-"),
        deadline=deadline,
        points=points,
    )


@click.command("follow-ups")
@_list
def follow_ups(unit_id: str, cycle: str) -> None:
    """补做后续命令 (可重复运行) / run the follow-up commands again, safely."""
    runtime = current()
    results = resume(runtime.app(must_exist=True), unit_id, cycle)
    document = {"ok": all(r.ok for r in results), "follow_ups": [_result(r) for r in results]}
    runtime.show(document, [summary(results)])


def _result(result: FollowUpResult) -> dict[str, Any]:
    return {
        "command_id": result.command_id,
        "command": result.command,
        "stream_id": result.stream_id,
        "ok": result.ok,
        "changed": result.changed,
        "error": result.error,
    }


@click.command("show")
@_list
@lists_option
@export_options
def show(unit_id: str, cycle: str, lists: tuple[str, ...], export: ExportOptions) -> None:
    """发展对象名单、公示期、异议、表扬与培训名单; 可导出表格、打印页、名次图 /
    the lists of a unit and cycle, optionally exported (docs/boards.md)."""
    runtime = current()
    view = DevelopmentQueries(runtime.app(must_exist=True).store).show(unit_id, cycle)
    written = export_development(runtime.app(), view, unit_id, cycle, lists, export)
    document = {
        "ok": True,
        "unit_id": unit_id,
        "cycle": cycle,
        "list": view.listing,
        "ranking": list(view.ranking),
        "proposed": [r["person_id"] for r in view.proposed],
        "confirmed": [r["person_id"] for r in view.confirmed],
        "notices": list(view.notices),
        "objections": list(view.objections),
        "commended": list(view.commended),
        "training": list(view.training),
        "exported": written,
    }
    done = [heading(f"已导出 {path}") for path in written.values()]
    runtime.show(document, [*renderables(unit_id, cycle, view), *done])


def renderables(unit_id: str, cycle: str, view: DevelopmentView) -> list[RenderableType]:
    """The list, ranking, notices, objections and members as headings and tables."""
    out = list_renderables(unit_id, cycle, view)
    for title, rows in (("表扬党员", view.commended), ("加强培训和引导", view.training)):
        if rows:
            members = table(title, ["编号", "姓名", "积分", "培训任务"], right=["积分"])
            for m in rows:
                cells = (m["person_id"], m["name"], m["total"], m["task_id"] or "")
                members.add_row(*(str(cell) for cell in cells))
            out.append(members)
    return out


def list_renderables(unit_id: str, cycle: str, view: DevelopmentView) -> list[RenderableType]:
    """The list's heading, the ranking and the objections."""
    if view.listing is None:
        return [heading(f"{unit_id} {cycle} 尚未拟定发展对象名单")]
    row = view.listing
    period = f", 公示 {row['posted_on']} 至 {row['period_end']}" if row["posted_on"] else ""
    status = STATUS_NAMES[str(row["status"])]
    out: list[RenderableType] = [
        heading(f"{unit_id} {cycle} 发展对象名单 ({status}, 名额 {row['quota']}{period})")
    ]
    headers = ["名次", "姓名", "积分", "任务", "名单", "说明"]
    grid = table("积极分子排名", headers, right=["名次", "积分", "任务"])
    for r in view.ranking:
        mark = "已确定" if r["confirmed"] else "拟发展" if r["on_list"] else ""
        mark = "移出" if r["removed"] else mark
        note = r["reason"] or (f"并列: {r['separated_by']}" if r["separated_by"] else "")
        cells = (r["rank"], r["name"], r["total"], r["credits"], mark, note)
        grid.add_row(*(str(cell) for cell in cells))
    out.append(grid)
    if view.objections:
        objections = table("异议", ["编号", "对象", "内容", "提出人", "结果", "结论或理由"])
        for o in view.objections:
            moved = f" ({o['promoted']} 递补)" if o["promoted"] else ""
            result = OUTCOME_NAMES[str(o["outcome"])] + moved
            found = (o["objection_id"], o["person_id"], o["text"], o["filer_name"], result)
            objections.add_row(*(str(cell) for cell in found), str(o["note"] or ""))
        out.append(objections)
    return out


COMMANDS = (
    propose,
    post_notice,
    object_,
    uphold,
    dismiss,
    confirm,
    commend,
    flag_training,
    follow_ups,
    show,
)
