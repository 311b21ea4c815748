"""考评 — ``eval adopt-scheme | set-quota | deduct | veto | score-activist | snapshot |
close`` (the readings ``standings | explain`` are :mod:`adapters.cli.evaluation.views`).

Closing a cycle cuts a signed audit checkpoint (reason 周期结束) when a key is given
(``--key`` or ``$DANGJIAN_KEY``) and prints its note with the frozen standings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from adapters.app import Dangjian
from adapters.audit import keys
from adapters.audit.cut import cut_checkpoint
from adapters.cli.clock import Actor, acting, now
from adapters.cli.export_options import KEY_ENV
from adapters.cli.params import CYCLE
from adapters.cli.runtime import record
from adapters.scheme_files import read_scheme
from dangjian_core.evaluation.commands import (
    AdoptScheme,
    ApplyDeduction,
    CloseCycle,
    PublishSnapshot,
    RecordVeto,
    ScoreActivist,
    SetQuota,
)

CLOSE_REASON = "周期结束"


def unit_cycle(command: Any) -> Any:
    """UNIT_ID and --cycle: whose evaluation, for which cycle."""
    command = click.option("--cycle", type=CYCLE, required=True, help="周期, 如 2021-10 / cycle")(
        command
    )
    return click.argument("unit_id")(command)


def _scores(_ctx: object, _param: object, value: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    found = []
    for item in value:
        name, _, score = item.rpartition("=")
        if not name or not score.isdigit():
            raise click.BadParameter(f"须为 维度=分数 / DIMENSION=SCORE: {item}")
        found.append((name, int(score)))
    return tuple(found)


@click.command("adopt-scheme")
@unit_cycle
@click.argument("scheme_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@acting
def adopt_scheme(unit_id: str, cycle: str, scheme_file: Path, actor: Actor) -> None:
    """采用积分细则 (TOML 文件, 见 docs/schemes.md) / adopt a points scheme from a TOML file."""
    record(AdoptScheme, actor, unit_id=unit_id, cycle=cycle, scheme=read_scheme(scheme_file))


@click.command("set-quota")
@unit_cycle
@click.option("--quota", type=int, required=True, help="发展名额 / the number of candidates")
@click.option("--reason", default="", help="说明 / note, e.g. 镇党委下达")
@acting
def set_quota(unit_id: str, cycle: str, actor: Actor, **fields: Any) -> None:
    """下达发展名额 (上级组织) / set the development quota (from the unit above)."""
    record(SetQuota, actor, unit_id=unit_id, cycle=cycle, **fields)


@click.command("deduct")
@unit_cycle
@click.argument("person_id")
@click.option("--item", "code", required=True, help="扣分项编号 / deduction item code")
@click.option("--reason", required=True, help="事由 / what happened")
@click.option("--id", "deduction_id", default=None, help="扣分编号, 默认自动生成 / id")
@acting
def deduct(
    unit_id: str, cycle: str, person_id: str, deduction_id: str | None, actor: Actor, **fields: Any
) -> None:
    """按积分细则扣分 / apply one of the scheme's deduction items."""
    chosen = deduction_id or actor.derived_id("D-")
    record(
        ApplyDeduction, actor, unit_id=unit_id, cycle=cycle, person_id=person_id,
        deduction_id=chosen, **fields,
    )  # fmt: skip


@click.command("veto")
@unit_cycle
@click.argument("person_id")
@click.option("--item", "code", required=True, help="否决项编号 / veto item code")
@click.option("--reason", required=True, help="事由 / what happened")
@acting
def veto(unit_id: str, cycle: str, person_id: str, actor: Actor, **fields: Any) -> None:
    """一票否决 (本周期总分计 0) / record a one-vote veto."""
    record(RecordVeto, actor, unit_id=unit_id, cycle=cycle, person_id=person_id, **fields)


@click.command("score-activist")
@unit_cycle
@click.argument("person_id")
@click.option(
    "--score", "scores", multiple=True, required=True, callback=_scores,
    help="维度=分数, 可多次 / DIMENSION=SCORE, repeatable",
)  # fmt: skip
@acting
def score_activist(unit_id: str, cycle: str, person_id: str, actor: Actor, **fields: Any) -> None:
    """为入党积极分子的考评维度打分 / score an activist's dimensions."""
    record(ScoreActivist, actor, unit_id=unit_id, cycle=cycle, person_id=person_id, **fields)


@click.command("snapshot")
@unit_cycle
@click.option("--quarter", required=True, help="季度, 如 2022Q2 / quarter")
@acting
def snapshot(unit_id: str, cycle: str, quarter: str, actor: Actor) -> None:
    """公布季度成绩 (冻结此刻的排名) / publish the quarter's standings."""
    record(PublishSnapshot, actor, unit_id=unit_id, cycle=cycle, quarter=quarter)


@click.command("close")
@unit_cycle
@click.option(
    "--key", "key_file", type=click.Path(dir_okay=False, path_type=Path), envvar=KEY_ENV,
    default=None, help=f"签名私钥, 结束时签发检查点 / key to cut a checkpoint (env {KEY_ENV})",
)  # fmt: skip
@acting
def close(unit_id: str, cycle: str, key_file: Path | None, actor: Actor) -> None:
    """结束考评周期, 冻结成绩 (须无待审核) / close the cycle and freeze its standings."""

    def checkpoint(app: Dangjian) -> str:
        if key_file is None:
            return ""
        name, private = keys.load(key_file)
        note = cut_checkpoint(app.store, name, private, CLOSE_REASON, now())
        return f"\n已签发审计检查点 (原因 {CLOSE_REASON}), 请与成绩一并公示:\n{note}"

    record(CloseCycle, actor, then=checkpoint, unit_id=unit_id, cycle=cycle)


COMMANDS = (adopt_scheme, set_quota, deduct, veto, score_activist, snapshot, close)
