"""评诺命令 — ``commitments rule | assess | conclude | star-criterion``: the versioned
assessment rule, each body's grades, the concluded scores, and a star standard that counts
them."""

from __future__ import annotations

from typing import Any

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.commitments.options import book, pledger
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from dangjian_core.commitments.commands import (
    AdoptAssessmentRule,
    AssessCommitment,
    ConcludeAssessment,
)
from dangjian_core.commitments.values import AssessorBody, Fulfilment
from dangjian_core.ratings.commands import SetCommitmentCriterion
from dangjian_core.ratings.events import RatedKind

BODIES = ZhChoice({body: body.zh for body in AssessorBody}, {"本人": AssessorBody.SELF})
GRADES = ZhChoice({grade: grade.zh for grade in Fulfilment})
RATED = ZhChoice({kind: kind.zh for kind in RatedKind})


def _grades(
    _ctx: object, _param: object, value: tuple[str, ...]
) -> tuple[tuple[int, Fulfilment], ...]:
    found = []
    for item in value:
        number, _, grade = item.partition("=")
        if not number.strip().isdigit():
            raise click.BadParameter(f"须为 序号=评定 / NO=GRADE: {item}")
        found.append((int(number), GRADES.convert(grade.strip(), None, None)))
    return tuple(found)


@click.command("rule")
@book
@click.option("--self", "self_weight", type=int, required=True, help="本人自评权重 %")
@click.option("--meeting", "meeting_weight", type=int, required=True, help="党员大会评议权重 %")
@click.option(
    "--representatives",
    "representatives_weight",
    type=int,
    required=True,
    help="村民代表评议权重 %",
)
@click.option("--partly-value", type=int, default=50, show_default=True, help="部分兑现计几分")
@click.option("--fulfilled-from", type=int, default=85, show_default=True, help="兑现线")
@click.option("--partly-from", type=int, default=40, show_default=True, help="部分兑现线")
@acting
def rule(unit_id: str, actor: Actor, **fields: Any) -> None:
    """采用评诺规则 (三方权重合计 100) / adopt the assessment rule, a new version each time."""
    record(AdoptAssessmentRule, actor, unit_id=unit_id, **fields)


@click.command("assess")
@pledger
@click.option("--body", type=BODIES, required=True, help="本人自评|党员大会评议|村民代表评议")
@click.option(
    "--grade",
    "grades",
    multiple=True,
    required=True,
    callback=_grades,
    help="序号=评定 (已兑现|部分兑现|未兑现), 可多次 / NO=GRADE, repeatable",
)
@click.option("--note", default="", help="说明 / a note")
@acting
def assess(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """评诺: 记录一方对每项承诺的评定 / record one body's grades."""
    record(AssessCommitment, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("conclude")
@pledger
@acting
def conclude(unit_id: str, pledger_id: str, actor: Actor, **fields: Any) -> None:
    """确定评诺结果: 按规则计分 / conclude: score each pledge under the rule."""
    record(ConcludeAssessment, actor, unit_id=unit_id, pledger_id=pledger_id, **fields)


@click.command("star-criterion")
@book
@click.option("--kind", type=RATED, default="member", help="党员|党支部 / what is rated")
@click.option("--points", type=int, required=True, help="承诺得分占满分的分值 / points")
@acting
def star_criterion(unit_id: str, actor: Actor, **fields: Any) -> None:
    """评星标准计入评诺得分 (上级) / count the commitment score in a star standard."""
    record(SetCommitmentCriterion, actor, unit_id=unit_id, **fields)
