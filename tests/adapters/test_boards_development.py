"""发展对象公示 — the development lists as boards: the notice period, objections and
their outcomes without who objected, the commended and training lists; names only."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from adapters.boards.chart import board_svg
from adapters.boards.development import development_board, notice_period
from adapters.boards.html import render_html
from adapters.boards.xlsx import write_xlsx
from adapters.views.development import DevelopmentView

POSTED = date(2021, 11, 8)


def ranked(rank: int, pid: str, name: str, total: int, **flags: Any) -> dict[str, Any]:
    row = {"rank": rank, "person_id": pid, "name": name, "total": total, "credits": 2}
    row |= {"eligible": True, "reason": None, "separated_by": None, "on_list": False}
    return row | {"removed": False, "confirmed": False} | flags


def view(*, confirmed: bool = False) -> DevelopmentView:
    """Quota 2: 吕兰枝 first; 吕星灿 removed on an upheld objection, 吕志愿 promoted."""
    listing = {
        "unit_id": "paixilv", "cycle": "2021-10", "quota": 2, "closed_at": "2022-10-01",
        "status": "confirmed" if confirmed else "posted", "posted_on": "2021-11-01",
        "notice_days": 5, "period_end": "2021-11-05",
        "confirmed_on": "2021-11-08" if confirmed else None,
    }  # fmt: skip
    ranking = (
        ranked(1, "lv-lanzhi", "吕兰枝", 30, on_list=True, confirmed=confirmed),
        ranked(2, "lv-xingcan", "吕星灿", 24, removed=True),
        ranked(3, "lv-zhiyuan", "吕志愿", 24, on_list=True, confirmed=confirmed,
               separated_by="先达到该分数者在前 / reached the total earlier"),
        ranked(4, "lv-new", "吕新", 2, eligible=False, reason="未满一年"),
    )  # fmt: skip
    notices = (
        {"posted_on": "2021-11-01", "days": 5, "period_end": "2021-11-05",
         "calendar_id": "default", "listed": ["lv-lanzhi", "lv-xingcan"]},
    )  # fmt: skip
    objections = (
        {"objection_id": "O1", "person_id": "lv-xingcan", "text": "长期不参加村里活动",
         "filer_name": "吕大爷", "filed_at": "2021-11-02T09:30:00+08:00", "outcome": "upheld",
         "note": "经走访属实", "promoted": "lv-zhiyuan", "resolved_at": "2021-11-04T10:00:00+08:00"},
    )  # fmt: skip
    commended = (
        {"person_id": "lv-baoyou", "name": "吕宝有", "total": 40, "commend_rank": 1,
         "threshold": None, "task_id": None},
    )  # fmt: skip
    training = (
        {"person_id": "lv-lao", "name": "吕老", "total": 1, "commend_rank": None,
         "threshold": 5, "task_id": "train-1a2b"},
    )  # fmt: skip
    return DevelopmentView(listing, ranking, notices, objections, commended, training)


def test_the_proposed_list_carries_the_notice_period() -> None:
    board = development_board(view(), "派溪吕村党支部", "2021-10", POSTED, lists=["proposed"])

    assert "派溪吕村党支部拟发展对象公示" == board.title
    (section,) = board.sections
    assert [(1, "吕兰枝", 30, 2, ""), (3, "吕志愿", 24, 2, "先达到该分数者在前")] == list(
        section.rows
    )
    assert "2021年11月1日至2021年11月5日（5个工作日）" == notice_period(view())
    assert board.footnotes[0].startswith("公示期：2021年11月1日至2021年11月5日（5个工作日）")
    assert ("发展名额", "2") in board.info
    assert ("状态", "公示中") in board.info


def test_the_confirmed_list_says_when(tmp_path: Path) -> None:
    board = development_board(
        view(confirmed=True), "派溪吕村党支部", "2021-10", POSTED, lists=["confirmed"]
    )
    path = tmp_path / "发展对象.xlsx"

    write_xlsx(board, path)

    sheet = load_workbook(path)["已确定发展对象"]
    assert "派溪吕村党支部发展对象名单" == sheet["A1"].value
    assert ["名次", "姓名", "积分", "通过任务数", "并列说明"] == [c.value for c in sheet[3]]
    assert [1, "吕兰枝", 30, 2, None] == [c.value for c in sheet[4]]
    assert [3, "吕志愿", 24, 2, "先达到该分数者在前"] == [c.value for c in sheet[5]]
    assert "确定日期：2021年11月8日。" == sheet["A7"].value


def test_objections_show_outcomes_and_who_moved_up_but_not_who_objected() -> None:
    board = development_board(view(), "派溪吕村党支部", "2021-10", POSTED, lists=["objections"])

    (section,) = board.sections
    assert [
        (1, "吕星灿", "长期不参加村里活动", "2021年11月2日", "成立", "经走访属实", "吕志愿")
    ] == list(section.rows)
    page = render_html(board)
    assert "吕大爷" not in page
    assert "lv-" not in page


def test_the_whole_board_has_every_list_and_one_sheet_each(tmp_path: Path) -> None:
    board = development_board(view(), "派溪吕村党支部", "2021-10", POSTED)
    path = tmp_path / "发展党员.xlsx"

    write_xlsx(board, path)

    workbook = load_workbook(path)
    assert ["拟发展对象", "已确定发展对象", "异议及处理结果", "表扬党员", "培训帮带党员"] == (
        workbook.sheetnames
    )
    assert [1, "吕宝有", 40] == [c.value for c in workbook["表扬党员"][4]]
    assert [1, "吕老", 1, 5, "train-1a2b"] == [c.value for c in workbook["培训帮带党员"][4]]
    assert '<td class="empty" colspan="5">（无）</td>' in render_html(board)  # none confirmed yet
    values = {str(c.value) for ws in workbook for row in ws.iter_rows() for c in row}
    assert not [v for v in values if "lv-" in v or "吕大爷" in v]


def test_the_proposed_chart_has_a_bar_per_person() -> None:
    board = development_board(view(), "派溪吕村党支部", "2021-10", POSTED, lists=["proposed"])

    root = ET.fromstring(board_svg(board))

    bars = [(g.get("data-label"), g.get("data-value")) for g in root.iter()]
    assert [("吕兰枝", "30"), ("吕志愿", "24")] == [b for b in bars if b[0]]


def test_an_unknown_list_is_refused() -> None:
    with pytest.raises(ValueError, match="没有这种名单"):
        development_board(view(), "派溪吕村党支部", "2021-10", POSTED, lists=["members"])
