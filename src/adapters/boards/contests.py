"""擂台赛结果公示 — a contest's results as a :class:`Board`: the ranking with the tie rule
named, each contestant's score down to every judge's sheet and criterion (the dropped
highest and lowest marked), the reviewer's comments (三个好、两个期望) and, once published,
the notice period.

Before publication a board shows only the rounds already closed (现场亮分): the marks of an
open round are in no table, so they are on no board. Names only — never a person's id.
"""

from __future__ import annotations

from datetime import date

from adapters.boards.model import Board, Cell, Column, Notice, Section, date_zh
from adapters.views.contests import Standings
from dangjian_core.contests import scoring
from dangjian_core.contests.values import ContestScheme, show

RANKING_COLUMNS = (
    Column("名次", 4, numeric=True),
    Column("村(社区)", 10),
    Column("述职人", 8),
    Column("现场得分", 8),
    Column("实地考察", 8),
    Column("总分", 8),
    Column("说明", 20),
)
REVIEW_COLUMNS = (Column("点评人", 10), Column("类别", 6), Column("点评", 50))
KINDS = {"strength": "好", "expectation": "期望"}


def _detail_columns(scheme: ContestScheme) -> tuple[Column, ...]:
    marks = tuple(Column(f"{c.name}({c.weight}%)", 8) for c in scheme.criteria)
    return (Column("村(社区)", 10), Column("评委", 8), *marks, Column("合计", 8), Column("去掉", 6))


def _footnotes(scheme: ContestScheme, corrections: int) -> tuple[str, ...]:
    weights = "、".join(f"{c.name} {c.weight}%" for c in scheme.criteria)
    notes = [
        f"评分细则「{scheme.name}」(百分制): {weights}; 现场得分{scheme.aggregation.zh}。",
    ]
    if scheme.inspection_weight:
        w = scheme.inspection_weight
        notes.append(f"总分 = 现场得分 × {100 - w}% + 实地考察得分 × {w}%, 四舍五入到 0.01 分。")
    notes.append(f"同分规则: {scheme.tie_rule.zh}。")
    notes.append("评委不给本单位的参赛者评分(评委回避); 各轮评分在亮分前密封。")
    if corrections:
        notes.append(f"评分更正 {corrections} 次, 均记录理由, 可在审计轨迹中查验。")
    return tuple(notes)


def _placing(found: Standings, r: scoring.Ranked) -> tuple[Cell, ...]:
    s = r.score
    entry = next(e for e in found.view.entries if e["unit_id"] == s.unit_id)
    seen = "" if s.inspection is None else show(s.inspection)
    return (
        r.rank,
        found.view.name(s.unit_id),
        found.view.name(str(entry["person_id"])),
        show(s.on_site),
        seen,
        show(s.final),
        r.tie,
    )


def _details(found: Standings) -> tuple[tuple[Cell, ...], ...]:
    dropped = {"highest": "最高分", "lowest": "最低分", "": ""}
    rows: list[tuple[Cell, ...]] = []
    for r in sorted(found.ranking, key=lambda r: r.score.order):
        for sheet in r.score.sheets:
            marks = tuple(str(v) for _, v in sheet.marks)
            who = found.view.name(sheet.judge_id)
            unit = found.view.name(r.score.unit_id)
            rows.append((unit, who, *marks, show(sheet.total), dropped[sheet.dropped]))
    return tuple(rows)


def contests_board(
    found: Standings, as_of: date, *, corrections: int = 0, signed_by: str | None = None
) -> Board:
    """The contest's results (or its standings so far) as posted on ``as_of``."""
    view, scheme = found.view, found.view.scheme
    if scheme is None:
        raise ValueError("擂台赛尚未采用评分细则, 没有可公示的结果 / the contest has no scheme")
    host = view.name(str(view.contest["host_unit_id"]))
    reviews = tuple(
        (str(r["reviewer"]), KINDS.get(str(r["kind"]), str(r["kind"])), str(r["text"]))
        for r in found.reviews
    )
    notice = None
    period = None
    if view.published:
        start = date.fromisoformat(str(view.contest["notice_start"]))
        end = date.fromisoformat(str(view.contest["notice_end"]))
        period = f"{date_zh(start)}至{date_zh(end)}（{view.contest['notice_days']}个工作日）"
        notice = Notice(period)
    shown = len(found.ranking)
    state = "结果公示" if view.published else f"现场排名(已亮分 {shown}/{len(view.entries)})"
    return Board(
        kind="contests",
        title=f"{view.contest['title']} {state}",
        unit_name=host,
        as_of=as_of,
        sections=(
            Section("排名", RANKING_COLUMNS, tuple(_placing(found, r) for r in found.ranking)),
            Section("评分明细", _detail_columns(scheme), _details(found), printed=False),
            Section("点评", REVIEW_COLUMNS, reviews),
        ),
        period=period,
        footnotes=_footnotes(scheme, corrections),
        signed_by=signed_by,
        meta=(("举办日期", date_zh(date.fromisoformat(str(view.contest["held_on"])))),),
        notice=notice,
    )
