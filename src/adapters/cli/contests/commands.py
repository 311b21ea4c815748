"""擂台赛命令 — ``contest open | scheme | enter | report | judge | open-round | score |
correct | close-round | inspect | review | publish`` (the reads are
:mod:`adapters.cli.contests.views`).

Every command names the CONTEST_ID; a round's commands the contestant's UNIT_ID (the
village's branch). A judge scores as themself (``--as``), one ``--mark 指标=分`` per
criterion of the scheme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from adapters.cli.clock import Actor, IsoDate, acting
from adapters.cli.runtime import record
from adapters.contest_files import read_contest_scheme
from dangjian_core.contests.commands import (
    AdoptContestScheme,
    AppointJudge,
    CloseRound,
    CorrectScore,
    EnterContestant,
    FileReport,
    OpenContest,
    OpenRound,
    PublishResults,
    RecordInspection,
    RecordReview,
    SubmitScore,
)

contest_id = click.argument("contest_id")
unit_id = click.argument("unit_id")
marks_option = click.option(
    "--mark",
    "marks",
    multiple=True,
    required=True,
    metavar="指标=分",
    help="一项指标的评分 (0–100), 每项一次, 如 --mark 陈述内容=92.5 / a criterion's mark",
)


def _marks(given: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    found = []
    for item in given:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"须为 指标=分 / must be criterion=mark: {item!r}")
        found.append((name.strip(), value.strip()))
    return tuple(found)


@click.command("open")
@contest_id
@click.option("--host", "host_unit_id", required=True, help="主办单位 (镇党委) / host unit")
@click.option("--title", required=True, help="名称 / title")
@click.option("--on", "held_on", type=IsoDate(), required=True, help="举办日期 / the day")
@click.option("--live", "live_stream", is_flag=True, help="网络直播 / live streamed")
@acting
def open_contest(actor: Actor, **fields: Any) -> None:
    """举办擂台赛 (镇党委书记、组织委员或上级) / open a contest."""
    record(OpenContest, actor, **fields)


@click.command("scheme")
@contest_id
@click.argument("scheme_file", type=click.Path(dir_okay=False, path_type=Path))
@acting
def scheme(contest_id: str, scheme_file: Path, actor: Actor) -> None:
    """采用评分细则 (TOML 文件, 见 docs/contests.md) / adopt the scheme from a file."""
    found = read_contest_scheme(scheme_file)
    criteria = tuple((c.name, c.weight) for c in found.criteria)
    record(
        AdoptContestScheme,
        actor,
        contest_id=contest_id,
        scheme_name=found.name,
        criteria=criteria,
        aggregation=found.aggregation,
        inspection_weight=found.inspection_weight,
        tie_rule=found.tie_rule,
    )


@click.command("enter")
@contest_id
@unit_id
@click.option("--person", "person_id", required=True, help="该单位党组织书记 / its secretary")
@click.option("--order", type=int, required=True, help="出场顺序 / drawn order")
@acting
def enter(actor: Actor, **fields: Any) -> None:
    """报名参赛: 所属村(社区)党组织书记 / enter a unit's secretary."""
    record(EnterContestant, actor, **fields)


@click.command("report")
@contest_id
@unit_id
@click.option("--highlights", required=True, help="亮点 / highlights")
@click.option("--measures", required=True, help="措施 / measures")
@click.option("--results", required=True, help="成效 / results")
@click.option("--shortcomings", required=True, help="不足 / shortcomings")
@click.option("--next-steps", required=True, help="下一步计划 / next steps")
@click.option("--attachment", "attachments", multiple=True, help="附件 (PPT、照片), 可多次")
@acting
def report(actor: Actor, attachments: tuple[str, ...], **fields: Any) -> None:
    """提交述职报告 (参赛者本人或主办方) / file the report, before the round."""
    record(FileReport, actor, attachments=tuple(attachments), **fields)


@click.command("judge")
@contest_id
@click.argument("judge_id")
@click.option("--home", "home_unit_id", default="", help="评委所在单位 (回避) / home unit")
@acting
def judge(actor: Actor, **fields: Any) -> None:
    """确定评委 / appoint a judge (never a contestant)."""
    record(AppointJudge, actor, **fields)


@click.command("open-round")
@contest_id
@unit_id
@acting
def open_round(actor: Actor, **fields: Any) -> None:
    """开始述职: 参赛者上台, 评委评分 / a contestant takes the stage."""
    record(OpenRound, actor, **fields)


@click.command("score")
@contest_id
@unit_id
@marks_option
@acting
def score(actor: Actor, marks: tuple[str, ...], **fields: Any) -> None:
    """评分 (评委本人, 亮分前密封, 提交后不可更改) / submit a sealed sheet."""
    record(SubmitScore, actor, marks=_marks(marks), **fields)


@click.command("correct")
@contest_id
@unit_id
@marks_option
@click.option("--reason", required=True, help="更正理由 / why")
@acting
def correct(actor: Actor, marks: tuple[str, ...], **fields: Any) -> None:
    """更正本人的评分, 写明理由 / correct one's own sheet, with a reason."""
    record(CorrectScore, actor, marks=_marks(marks), **fields)


@click.command("close-round")
@contest_id
@unit_id
@acting
def close_round(actor: Actor, **fields: Any) -> None:
    """现场亮分: 全部评委评分后结束轮次 / close the round and show the sheets."""
    record(CloseRound, actor, **fields)


@click.command("inspect")
@contest_id
@unit_id
@click.option("--score", required=True, help="实地考察得分 (0–100) / inspection score")
@click.option("--note", default="", help="说明 / note")
@acting
def inspect(actor: Actor, **fields: Any) -> None:
    """记录实地考察得分 / record the field inspection's score."""
    record(RecordInspection, actor, **fields)


@click.command("review")
@contest_id
@click.option("--reviewer", required=True, help="点评人 / reviewer")
@click.option("--title", "reviewer_title", default="", help="点评人职务 / post")
@click.option("--strength", "strengths", multiple=True, required=True, help="好在哪里, 可多次")
@click.option("--expectation", "expectations", multiple=True, help="期望, 可多次")
@acting
def review(
    actor: Actor, strengths: tuple[str, ...], expectations: tuple[str, ...], **fields: Any
) -> None:
    """记录点评 (如 三个好、两个期望) / record the reviewer's comments."""
    record(
        RecordReview, actor, strengths=tuple(strengths), expectations=tuple(expectations), **fields
    )


@click.command("publish")
@contest_id
@click.option("--start", type=IsoDate(), required=True, help="公示开始日 / first day")
@click.option("--days", type=int, default=5, show_default=True, help="公示工作日数 / working days")
@acting
def publish(actor: Actor, **fields: Any) -> None:
    """公示结果 (排名、得分说明、点评) / publish the results as a notice."""
    record(PublishResults, actor, **fields)


COMMANDS = (
    open_contest,
    scheme,
    enter,
    report,
    judge,
    open_round,
    score,
    correct,
    close_round,
    inspect,
    review,
    publish,
)
