"""发展对象公示 — the development lists of a unit and cycle as a :class:`Board`.

Sections, each printable on its own (``lists`` picks them, in this order):

- ``proposed`` 拟发展对象: the people on the list now (after upheld objections), with
  the notice period (公示期) in the board's period line and footnotes;
- ``confirmed`` 已确定发展对象: after the notice period, with the date confirmed;
- ``objections`` 异议及处理结果: what was objected to whom, the outcome and conclusion,
  and who was promoted in the place of someone removed — never who objected nor how to
  reach them;
- ``commended`` 表扬党员 and ``training`` 培训帮带党员: the full members praised, and those
  below the line given a training task.

Built from :class:`adapters.views.development.DevelopmentView` rows; names only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from adapters.boards.model import Bar, Board, Cell, Chart, Column, Section, date_zh
from adapters.boards.wall import zh
from adapters.views.development import OUTCOME_NAMES, STATUS_NAMES, DevelopmentView
from dangjian_core.kernel.errors import DangjianError
from dangjian_core.kernel.time import cycle_label, local_date

#: The lists a development board can hold, in the order they are printed.
LISTS = ("proposed", "confirmed", "objections", "commended", "training")
RANK_COLUMNS = (
    Column("名次", 4, numeric=True),
    Column("姓名", 8),
    Column("积分", 4, numeric=True),
    Column("通过任务数", 6, numeric=True),
    Column("并列说明", 24),
)
OBJECTION_COLUMNS = (
    Column("序号", 4, numeric=True),
    Column("被提异议人", 8),
    Column("异议内容", 30),
    Column("提出日期", 10),
    Column("处理结果", 6),
    Column("调查结论或理由", 30),
    Column("递补人", 8),
)
COMMENDED_COLUMNS = (
    Column("表扬名次", 4, numeric=True),
    Column("姓名", 8),
    Column("积分", 4, numeric=True),
)
TRAINING_COLUMNS = (
    Column("序号", 4, numeric=True),
    Column("姓名", 8),
    Column("积分", 4, numeric=True),
    Column("培训线", 4, numeric=True),
    Column("培训任务", 12),
)


class NothingToPost(DangjianError):
    """没有可公示的内容 — a notice was asked for lists that are all empty."""

    code = "nothing_to_post"


def non_empty(view: DevelopmentView) -> tuple[str, ...]:
    """The lists that have anyone on them (what an export posts by default)."""
    rows = {
        "proposed": view.proposed,
        "confirmed": view.confirmed,
        "objections": view.objections,
        "commended": view.commended,
        "training": view.training,
    }
    found = tuple(name for name in LISTS if rows[name])
    if view.listing is None or not found:
        raise NothingToPost(
            "该周期尚未拟定发展对象名单, 没有可公示的内容; 先运行 dev propose",
            "nothing has been proposed for this cycle: there is no notice to print",
        )
    return found


def development_board(
    view: DevelopmentView,
    unit_name: str,
    cycle: str,
    as_of: date,
    *,
    lists: Iterable[str] = LISTS,
    signed_by: str | None = None,
) -> Board:
    """The chosen lists of a unit for a cycle, as posted on ``as_of``."""
    chosen = [name for name in LISTS if name in set(lists)]
    unknown = set(lists) - set(LISTS)
    if unknown or not chosen:
        raise ValueError(f"没有这种名单 / no such list: {sorted(unknown) or '(none)'}")
    names = _names(view)
    builders = {
        "proposed": lambda: _ranked("拟发展对象", view.proposed),
        "confirmed": lambda: _ranked("已确定发展对象", view.confirmed),
        "objections": lambda: _objections(view, names),
        "commended": lambda: _commended(view),
        "training": lambda: _training(view),
    }
    sections = tuple(builders[name]() for name in chosen)
    listing = view.listing or {}
    status = STATUS_NAMES.get(str(listing.get("status")), "") if listing else "未拟定"
    meta = [("状态", status)] if status else []
    if listing.get("quota") is not None:
        meta.insert(0, ("发展名额", str(listing["quota"])))
    chart = None
    if chosen[0] in ("proposed", "confirmed"):
        ranked = view.confirmed if chosen[0] == "confirmed" else view.proposed
        bars = tuple(Bar(str(row["name"]), int(row["total"] or 0)) for row in ranked)
        chart = Chart(f"{unit_name}{sections[0].title}积分", bars)
    return Board(
        kind="development",
        title=f"{unit_name}{_title(chosen)}",
        unit_name=unit_name,
        as_of=as_of,
        sections=sections,
        period=cycle_label(cycle),
        footnotes=_footnotes(view, chosen),
        signed_by=signed_by,
        chart=chart,
        meta=tuple(meta),
    )


def notice_period(view: DevelopmentView) -> str | None:
    """The latest notice period as printed: ``2021年11月1日至2021年11月5日（5个工作日）``."""
    if not view.notices:
        return None
    last = view.notices[-1]
    start, end = _day(last["posted_on"]), _day(last["period_end"])
    return f"{start}至{end}（{last['days']}个工作日）"


def _title(chosen: list[str]) -> str:
    if chosen == ["proposed"]:
        return "拟发展对象公示"
    if chosen == ["confirmed"]:
        return "发展对象名单"
    if chosen == ["objections"]:
        return "发展对象公示异议处理结果"
    if chosen == ["commended"]:
        return "积分表扬党员名单"
    if chosen == ["training"]:
        return "培训帮带党员名单"
    return "发展党员工作公示"


def _footnotes(view: DevelopmentView, chosen: list[str]) -> tuple[str, ...]:
    notes = []
    period = notice_period(view)
    if period and ("proposed" in chosen or "objections" in chosen):
        notes.append(f"公示期：{period}。对公示对象有异议的，请在公示期内向支部委员会反映。")
    confirmed_on = (view.listing or {}).get("confirmed_on")
    if confirmed_on and "confirmed" in chosen:
        notes.append(f"确定日期：{_day(confirmed_on)}。")
    if "proposed" in chosen or "confirmed" in chosen:
        notes.append("按积分排名；并列时依次比较通过任务数、先达到该分数者、编号。")
    return tuple(notes)


def _ranked(title: str, rows: Iterable[Mapping[str, Any]]) -> Section:
    table: list[tuple[Cell, ...]] = [
        (
            _int(row.get("rank")),
            str(row["name"]),
            _int(row.get("total")),
            _int(row.get("credits")),
            zh(str(row["separated_by"])) if row.get("separated_by") else "",
        )
        for row in rows
    ]
    return Section(title, RANK_COLUMNS, tuple(table))


def _objections(view: DevelopmentView, names: Mapping[str, str]) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for index, row in enumerate(view.objections, start=1):
        promoted = row.get("promoted")
        rows.append(
            (
                index,
                names.get(str(row["person_id"]), "（不详）"),
                str(row.get("text") or ""),
                _day(row.get("filed_at")),
                OUTCOME_NAMES.get(str(row.get("outcome")), str(row.get("outcome") or "")),
                str(row.get("note") or ""),
                names.get(str(promoted), "（不详）") if promoted else "",
            )
        )
    note = ("为保护反映人，不公布提出人。",)
    return Section("异议及处理结果", OBJECTION_COLUMNS, tuple(rows), notes=note)


def _commended(view: DevelopmentView) -> Section:
    rows = tuple(
        (_int(row.get("commend_rank")), str(row["name"]), _int(row.get("total")))
        for row in view.commended
    )
    return Section("表扬党员", COMMENDED_COLUMNS, rows)


def _training(view: DevelopmentView) -> Section:
    rows = tuple(
        (
            index,
            str(row["name"]),
            _int(row.get("total")),
            _int(row.get("threshold")),
            str(row.get("task_id") or ""),
        )
        for index, row in enumerate(view.training, start=1)
    )
    return Section("培训帮带党员", TRAINING_COLUMNS, rows)


def _names(view: DevelopmentView) -> dict[str, str]:
    """Person id → name, from the ranking and the member lists."""
    found: dict[str, str] = {}
    for row in (*view.ranking, *view.commended, *view.training):
        found[str(row["person_id"])] = str(row["name"])
    return found


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _day(value: Any) -> str:
    """An ISO date or time from a row, as a date on a notice; empty if none."""
    if not value:
        return ""
    text = str(value)
    if "T" not in text:
        return date_zh(date.fromisoformat(text))
    return date_zh(local_date(datetime.fromisoformat(text)))
