"""评星命令 — ``stars standards | propose | fix | lower | remove`` (the board: star_board)."""

from __future__ import annotations

from typing import Any

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RemoveRating,
    SetStarStandard,
)
from dangjian_core.ratings.events import RatedKind

RATED = ZhChoice({kind: kind.zh for kind in RatedKind})
_reason = click.option("--reason", required=True, help="理由 / reason, e.g. 受到党内警告处分")


def _subject(command: Any) -> Any:
    """UNIT_ID SUBJECT_ID, --year and --kind: the board and whom a rating is for."""
    command = click.option("--kind", type=RATED, default="member", help="党员|党支部 / kind")(
        command
    )
    command = click.option("--year", type=int, required=True, help="年度 / year")(command)
    command = click.argument("subject_id")(command)
    return click.argument("unit_id")(command)


def _thresholds(_ctx: object, _param: object, value: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(
            f"须为逗号分隔的整数 / comma-separated integers: {value}"
        ) from None


def _criteria(_ctx: object, _param: object, value: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    found = []
    for item in value:
        name, _, score = item.rpartition("=")
        if not name or not score.lstrip("-").isdigit():
            raise click.BadParameter(f"须为 名称=分数 / NAME=SCORE: {item}")
        found.append((name, int(score)))
    return tuple(found)


@click.command("standards")
@click.argument("unit_id")
@click.option("--year", type=int, required=True, help="年度 / year")
@click.option("--kind", type=RATED, required=True, help="党员|党支部 / what is rated")
@click.option("--max-score", type=int, required=True, help="满分 / maximum, e.g. 100 or 110")
@click.option(
    "--thresholds",
    required=True,
    callback=_thresholds,
    help="一至五星的最低分 / minimum for 1..5 stars, e.g. 60,70,80,90,96",
)
@click.option("--innovation", is_flag=True, help="五星须有创新项目 / five stars need a project")
@acting
def standards(
    unit_id: str,
    year: int,
    kind: RatedKind,
    max_score: int,
    thresholds: tuple[int, ...],
    innovation: bool,
    actor: Actor,
) -> None:
    """设定评星标准 (上级组织) / set a unit's star standard for a year (from above it)."""
    record(
        SetStarStandard,
        actor,
        unit_id=unit_id,
        year=year,
        kind=kind,
        max_score=max_score,
        thresholds=thresholds,
        innovation_for_five=innovation,
    )


@click.command("propose")
@_subject
@click.option("--score", type=int, required=True, help="总分 / the score")
@click.option(
    "--criterion",
    "criteria",
    multiple=True,
    callback=_criteria,
    help="各项得分 名称=分数, 可多次 / a criterion score, repeatable",
)
@click.option("--innovation", is_flag=True, help="有创新项目 / has an innovation project")
@acting
def propose(unit_id: str, subject_id: str, actor: Actor, **fields: Any) -> None:
    """拟定星级, 公示 5 天 / propose a rating, posted for 5 days."""
    record(ProposeRating, actor, unit_id=unit_id, subject_id=subject_id, **fields)


@click.command("fix")
@_subject
@acting
def fix(unit_id: str, subject_id: str, actor: Actor, **fields: Any) -> None:
    """公示期满后评定星级 / fix a rating after its posting period."""
    record(FixRating, actor, unit_id=unit_id, subject_id=subject_id, **fields)


@click.command("lower")
@_subject
@click.option("--stars", type=click.IntRange(1, 4), required=True, help="降至几星 / new stars")
@_reason
@acting
def lower(unit_id: str, subject_id: str, actor: Actor, **fields: Any) -> None:
    """降低已评定的星级 / lower a fixed rating, with a reason."""
    record(LowerRating, actor, unit_id=unit_id, subject_id=subject_id, **fields)


@click.command("remove")
@_subject
@_reason
@acting
def remove(unit_id: str, subject_id: str, actor: Actor, **fields: Any) -> None:
    """撤销已评定的星级 / remove a fixed rating, with a reason."""
    record(RemoveRating, actor, unit_id=unit_id, subject_id=subject_id, **fields)


COMMANDS = (standards, propose, fix, lower, remove)
