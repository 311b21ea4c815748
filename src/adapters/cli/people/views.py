"""人员查看 — ``person show`` (party age, history, details) and ``person pipeline``."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Any

import attrs
import click
from rich.console import RenderableType
from rich.table import Table

from adapters.cli.clock import IsoDate, now, show_time
from adapters.cli.params import zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.people import PersonView, PipelineEntry
from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.errors import Unauthorized
from dangjian_core.kernel.facts import Facts
from dangjian_core.people.events import Gender
from dangjian_core.people.permissions import see_details as _see_details
from dangjian_core.people.pipeline import NextStep


def see_details(facts: Facts, at: datetime, *, person_id: str, reader_id: str) -> Rule | None:
    """The core's rule for seeing a person's details in full, as a question to the app."""
    return _see_details(facts, person_id, reader_id, at)


def masked(id_number: str) -> str:
    """An ID number with its middle hidden: ``330702********123X``."""
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:] if id_number else ""


def masked_contact(contact: str) -> str:
    """A phone number or other contact with its middle hidden: ``138****5678``; a short
    one keeps only its first character."""
    if len(contact) >= 8:
        return contact[:3] + "*" * (len(contact) - 7) + contact[-4:]
    return contact[:1] + "*" * (len(contact) - 1)


def shown_details(details: dict[str, Any], unmasked: bool) -> dict[str, Any]:
    """The private details as shown: ID number and contact masked unless ``unmasked``."""
    if unmasked or not details:
        return dict(details)
    return {
        **details,
        "id_number": masked(str(details.get("id_number") or "")),
        "contact": masked_contact(str(details.get("contact") or "")),
    }


def person_lines(view: PersonView) -> list[str]:
    """Status, party age and next step, then the private details (as given: masked
    unless the reader is entitled)."""
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
            f"身份证 {details['id_number'] or '未填'}"
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
@click.option(
    "--unmask",
    is_flag=True,
    help="显示完整身份证号和联系方式(须为管名册的人并用 DANGJIAN_TOKEN 登录) / full details",
)
def show(person_id: str, on: date | None, unmask: bool) -> None:
    """人员详情: 政治面貌、党龄、下一步 / a person, their party age and status history.

    身份证号和联系方式默认打码; --unmask 只对管这个人名册的人(书记、副书记、组织委员或上级)
    或本人开放, 录入人以 DANGJIAN_TOKEN 的令牌确认。"""
    runtime = current()
    day = on or now().date()
    app = runtime.app(must_exist=True)
    view = app.queries.person(person_id, day)
    if unmask:
        reader = runtime.operator()
        rule = app.judge(person_id, partial(see_details, person_id=person_id, reader_id=reader))
        if rule is not None:
            raise Unauthorized(rule.zh, rule.en)
    view = attrs.evolve(view, details=shown_details(view.details, unmask))
    document = plain(view)
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
