"""人员查看 — ``person show`` (party age, history, details) and ``person pipeline``."""

from __future__ import annotations

from datetime import date

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.cli.clock import IsoDate, now, show_time
from adapters.cli.params import zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.people import PersonView, PipelineEntry
from dangjian_core.people.events import Gender
from dangjian_core.people.pipeline import NextStep


def masked(id_number: str) -> str:
    """An ID number with its middle hidden: ``330702********123X``."""
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:] if id_number else ""


def person_lines(view: PersonView) -> list[str]:
    """Status, party age and next step, then the private details (ID number masked)."""
    person, age, details = view.person, view.party_age, view.details
    lines = [f"政治面貌: {view.history[-1].status.zh} (自 {view.history[-1].since})"]
    if age is not None:
        lines.append(f"党龄: {age.years} 年 (自 {age.counted_from} 起计), {age.decade_label}")
    if view.next_step is not None:
        lines.append(f"下一步: {step_text(view.next_step)}")
    if person["probation_until"]:
        lines.append(f"预备期延长至 {person['probation_until']}")
    if details:
        gender = zh_of({g: g.zh for g in Gender}, details["gender"])
        birth = details["birth_year"] or "未填"
        contact = details["contact"] or "未填"
        lines.append(
            f"个人信息(不公开): 性别 {gender}, 出生 {birth}, 联系 {contact}, "
            f"身份证 {masked(str(details['id_number'] or '')) or '未填'}"
        )
    return lines


def step_text(step: NextStep) -> str:
    """``发展对象 (最早 2022-10-01)``."""
    return step.status.zh + (f" (最早 {step.earliest})" if step.earliest else "")


def history_table(view: PersonView) -> Table:
    """Every status period, oldest first."""
    rows = ((period.status.zh, str(period.since)) for period in view.history)
    return filled(table("政治面貌历史 / status history", ["政治面貌", "自"]), rows)


def transfers_table(view: PersonView) -> Table:
    """Every transfer of membership, oldest first."""
    rows = (
        (show_time(str(t["since"])), str(t["from_id"]), str(t["to_id"]), str(t["reason"]))
        for t in view.transfers
    )
    header = ["自", "转出", "转入", "理由"]
    return filled(table("组织关系转接 / transfers", header, whole=["自"]), rows)


@click.command("show")
@click.argument("person_id")
@click.option("--on", type=IsoDate(), default=None, help="按某日计算党龄, 默认今天 / as of")
def show(person_id: str, on: date | None) -> None:
    """人员详情: 政治面貌、党龄、下一步 / a person, their party age and status history."""
    runtime = current()
    day = on or now().date()
    view = runtime.app(must_exist=True).queries.person(person_id, day)
    document = plain(view)
    document["details"] = {
        **view.details,
        "id_number": masked(str(view.details.get("id_number") or "")),
    }
    title = heading(f"{view.person['name']} ({person_id}) · {view.person['branch_id']} · {day}")
    parts: list[RenderableType] = [title, *person_lines(view), history_table(view)]
    if view.transfers:
        parts.append(transfers_table(view))
    runtime.show(document, parts)


def pipeline_table(entries: list[PipelineEntry]) -> Table:
    """Everyone's status, since when, next step and its earliest date."""
    rows = (
        (
            e.person_id,
            e.name,
            e.status.zh,
            str(e.since),
            step_text(e.next_step) if e.next_step else "",
        )
        for e in entries
    )
    header = ["编号", "姓名", "政治面貌", "自", "下一步"]
    return filled(table(None, header, whole=["姓名"]), rows)


@click.command("pipeline")
@click.argument("unit_id")
def pipeline(unit_id: str) -> None:
    """发展程序: 每人所处阶段与下一步 / where everyone on a roll stands on the road."""
    runtime = current()
    entries = runtime.app(must_exist=True).queries.pipeline(unit_id)
    title = heading(f"{unit_id} 发展程序 / development pipeline")
    runtime.show({"unit_id": unit_id, "people": plain(entries)}, [title, pipeline_table(entries)])


COMMANDS = (show, pipeline)
