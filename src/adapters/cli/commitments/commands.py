"""公开承诺命令 — ``commitments rule | draft | revise | submit | approve | return | post |
withdraw | change | progress | feedback | show-feedback | hide-feedback | assess |
conclude | star-criterion`` (the reads are :mod:`adapters.cli.commitments.views`).

Every command names the book: UNIT_ID (the branch) and ``--year``; pledge commands the
PLEDGER_ID (a member's id, or a party group's or the branch's for a collective
commitment) and ``--no`` (the pledge's number). Posting cuts a signed audit checkpoint
(reason 公示) when a key is given (``--key`` or ``$DANGJIAN_KEY``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from adapters.app import Dangjian
from adapters.audit import keys
from adapters.audit.cut import cut_checkpoint
from adapters.cli.clock import Actor, acting, now
from adapters.cli.commitments.assessment import assess, conclude, rule, star_criterion
from adapters.cli.commitments.options import (
    GROUNDS,
    book,
    no,
    owner,
    pledger,
    reason,
    terms,
)
from adapters.cli.export_options import KEY_ENV
from adapters.cli.runtime import record
from dangjian_core.commitments.commands import (
    ApprovePledge,
    ChangePledge,
    DraftPledge,
    HideFeedback,
    LeaveFeedback,
    PostCommitment,
    ReportProgress,
    ReturnPledge,
    RevisePledge,
    ShowFeedback,
    SubmitCommitment,
    WithdrawPledge,
)


@click.command("draft")
@pledger
@no
@terms
@owner
@acting
def draft(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """拟定承诺事项 (承诺) / draft a pledge tied to a post."""
    record(DraftPledge, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("revise")
@pledger
@no
@terms
@owner
@acting
def revise(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """修改退回的承诺事项 / revise a returned pledge."""
    record(RevisePledge, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("submit")
@pledger
@acting
def submit(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """提交承诺, 送党支部审核 / submit the drafted pledges for vetting."""
    record(SubmitCommitment, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("approve")
@pledger
@no
@acting
def approve(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """审诺: 审核通过一项承诺 / approve a pledge (never one's own)."""
    record(ApprovePledge, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("return")
@pledger
@no
@click.option("--ground", type=GROUNDS, required=True, help="退回原因 / why")
@reason
@acting
def return_(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """审诺: 退回一项承诺, 写明原因 / return a pledge for revision."""
    record(ReturnPledge, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("post")
@pledger
@click.option(
    "--key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=KEY_ENV,
    default=None,
    help=f"签名私钥, 亮诺时签发检查点 (原因 公示) / key file to cut a checkpoint (env {KEY_ENV})",
)
@acting
def post(unit_id: str, pledger_id: str, year: int, key_file: Path | None, actor: Actor) -> None:
    """亮诺: 审核通过的承诺上墙公示一年 / post the approved pledges for a year."""

    def checkpoint(app: Dangjian) -> str:
        if key_file is None:
            return ""
        name, private = keys.load(key_file)
        note = cut_checkpoint(app.store, name, private, "公示", now())
        return f"\n已签发审计检查点 (原因 公示), 请与承诺一并公示:\n{note}"

    record(
        PostCommitment,
        actor,
        then=checkpoint,
        unit_id=unit_id,
        pledger_id=pledger_id,
        year=year,
    )


@click.command("withdraw")
@pledger
@no
@reason
@acting
def withdraw(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """撤回一项承诺 (公示后由党支部) / withdraw a pledge, with a reason."""
    record(WithdrawPledge, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("change")
@pledger
@no
@terms
@reason
@acting
def change(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """变更已公示的承诺 (党支部) / change a posted pledge, with a reason."""
    record(ChangePledge, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("progress")
@pledger
@no
@click.option("--note", required=True, help="进展说明 / what was done")
@click.option("--evidence", multiple=True, help="佐证 (照片、文件), 可多次 / evidence, repeatable")
@click.option("--done", is_flag=True, help="已完成 / the pledge is done")
@acting
def progress(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """践诺: 报告进展 (负责人本人) / report progress on a posted pledge."""
    evidence = tuple(fields.pop("evidence"))
    record(
        ReportProgress,
        actor,
        unit_id=unit_id,
        pledger_id=pledger_id,
        evidence=evidence,
        **fields,
    )


@click.command("feedback")
@pledger
@no
@click.option("--id", "feedback_id", default=None, help="意见编号, 默认自动生成")
@click.option("--text", required=True, help="意见内容 / the feedback")
@click.option("--name", "contact_name", required=True, help="姓名 (不公开) / name, kept private")
@click.option("--contact", required=True, help="联系方式 (不公开) / contact, kept private")
@acting
def feedback(
    unit_id: str, pledger_id: str, feedback_id: str | None, actor: Actor, **fields: Any
) -> None:
    """群众意见 (群众用 --as public) / leave feedback on a posted pledge."""
    record(
        LeaveFeedback,
        actor,
        unit_id=unit_id,
        pledger_id=pledger_id,
        feedback_id=feedback_id or actor.derived_id("F"),
        **fields,
    )


@click.command("show-feedback")
@book
@click.argument("feedback_id")
@acting
def show_feedback(unit_id: str, actor: Actor, **fields: Any) -> None:
    """公开一条群众意见 / show a feedback on the board."""
    record(ShowFeedback, actor, unit_id=unit_id, **fields)


@click.command("hide-feedback")
@book
@click.argument("feedback_id")
@reason
@acting
def hide_feedback(unit_id: str, actor: Actor, **fields: Any) -> None:
    """隐藏一条群众意见, 写明理由 (不删除) / hide a feedback, with a reason."""
    record(HideFeedback, actor, unit_id=unit_id, **fields)


COMMANDS = (
    rule,
    draft,
    revise,
    submit,
    approve,
    return_,
    post,
    withdraw,
    change,
    progress,
    feedback,
    show_feedback,
    hide_feedback,
    assess,
    conclude,
    star_criterion,
)
