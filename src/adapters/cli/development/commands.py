"""发展对象 — ``dev propose | post-notice | object | uphold | dismiss | confirm | commend |
flag-training | follow-ups`` (``dev show`` is :mod:`adapters.cli.development.views`).

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

from adapters.app import Dangjian
from adapters.app.follow_ups import FollowUpResult, resume, summary
from adapters.audit import keys
from adapters.audit.cut import cut_checkpoint
from adapters.cli.clock import Actor, IsoDate, IsoTime, acting, now
from adapters.cli.export_options import KEY_ENV
from adapters.cli.params import CYCLE
from adapters.cli.runtime import current, record
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


def unit_cycle(command: Any) -> Any:
    """UNIT_ID and --cycle: whose list, for which cycle."""
    command = click.option("--cycle", type=CYCLE, required=True, help="周期, 如 2021-10 / cycle")(
        command
    )
    return click.argument("unit_id")(command)


@click.command("propose")
@unit_cycle
@acting
def propose(unit_id: str, cycle: str, actor: Actor) -> None:
    """按积分排名拟定发展对象名单 / rank activists and propose the development list."""
    record(ProposeList, actor, unit_id=unit_id, cycle=cycle)


@click.command("post-notice")
@unit_cycle
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
@unit_cycle
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
@unit_cycle
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
@unit_cycle
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
@unit_cycle
@acting
def confirm(unit_id: str, cycle: str, actor: Actor) -> None:
    """公示期满确定名单, 列为发展对象 / confirm the list: its people become candidates."""
    record(ConfirmList, actor, unit_id=unit_id, cycle=cycle)


@click.command("commend")
@unit_cycle
@click.option("--top", type=int, default=COMMEND_TOP, show_default=True, help="表扬前几名")
@acting
def commend(unit_id: str, cycle: str, top: int, actor: Actor) -> None:
    """表扬高分正式党员 / commend the full members with the most points."""
    record(CommendMembers, actor, unit_id=unit_id, cycle=cycle, top=top)


@click.command("flag-training")
@unit_cycle
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
@unit_cycle
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
)
