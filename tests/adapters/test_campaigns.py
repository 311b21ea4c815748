"""攻坚 through the application, on every store: the dashboard on a day with the overdue
problem flagged, a problem's linked task and work item rolled up, the growth record, the
decimals read back exactly, the printed boards with names and never ids, and views that
replay to the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.boards.campaigns import dashboard_board, growth_board
from adapters.views.campaigns import CampaignQueries
from dangjian_core.campaigns.queries import ProgressStatus
from dangjian_core.campaigns.values import Capacity, LinkKind
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from dangjian_core.units.commands import AppointRole
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import ReportWorkProgress
from tests.core.campaigns_given import (
    CAMPAIGN,
    COUNTY,
    HU,
    JINSHAN,
    MUCHANG,
    PROBLEM,
    T1,
    TANG,
    W1,
    XIE,
    YE,
    at,
    complete,
    form,
    front,
    join,
    launch,
    link,
    milestone,
    on,
    problem,
    report,
    setup,
    start,
)


@pytest.fixture
def district(store_url: str) -> Iterator[Dangjian]:
    """城西新区 with the campaign, 朱敏's task force on 木长降村's house rebuilding (胡东升
    and 唐伟 on it), milestones of 27 幢 (due day 60) and 30.3208 公顷 (due day 90), 12 幢
    reported; a second problem not started; the task and the work item linked, with one
    approved completion and 40 穴 reported."""
    app = open_app(store_url)
    story = (
        *setup(),
        launch(),
        front(),
        problem(),
        problem("jinshan", "金山头村集体经济"),
        form(),
        join(),
        join(TANG, Capacity.FIRST_SECRETARY, JINSHAN, day=4),
        milestone(),
        milestone(2, "土地清表", 90, "30.3208", "公顷"),
        link(),
        link(LinkKind.WORK_ITEM, W1),
        ClaimTask(T1, XIE, at(7)),
        SubmitCompletion(T1, "已上门", (), XIE, at(8)),
        ReportWorkProgress(W1, 40, "已迁40穴", YE, at(9)),
        start(),
        report("12", day=40),
    )
    for command in story:
        app.handle(command)
    yield app
    app.close()


def test_the_dashboard_flags_the_overdue_problem_on_the_day_passed_in(district: Dangjian) -> None:
    queries = CampaignQueries(district.store)

    early, late = queries.board(CAMPAIGN, on(50)), queries.board(CAMPAIGN, on(61))

    assert 1 == early.counts[ProgressStatus.ON_TRACK]
    assert 1 == late.counts[ProgressStatus.OVERDUE]
    assert 1 == late.counts[ProgressStatus.NOT_STARTED]
    assert (2, 1) == (late.problems, late.started)


def test_decimals_are_read_back_exactly(district: Dangjian) -> None:
    district.handle(report("12.1234", day=45, number=2))

    view = CampaignQueries(district.store).problem(CAMPAIGN, PROBLEM, on(46))

    targets = [(m.target, m.achieved) for m in view.line.milestones]
    assert [(Decimal(27), Decimal(12)), (Decimal("30.3208"), Decimal("12.1234"))] == targets


def test_linked_work_rolls_up_into_the_problem(district: Dangjian) -> None:
    district.handle(AppointRole(MUCHANG, HU, Role.LIAISON, COUNTY, at(10)))
    district.handle(ApproveCompletion(T1, XIE, None, "", HU, at(10)))

    view = CampaignQueries(district.store).problem(CAMPAIGN, PROBLEM, on(50))

    assert [(4, 1), (120, 40)] == [(p.target, p.done) for p in view.linked.parts]
    assert (124, 41) == (view.linked.target, view.linked.done)
    assert ["胡东升", "唐伟"] == [m["name"] for m in view.members]


def test_the_growth_record_follows_the_young_cadres_reports(district: Dangjian) -> None:
    for command in (report("27", day=55), report("30.3208", day=70, number=2), complete()):
        district.handle(command)

    record, name, unit_name = CampaignQueries(district.store).growth(HU)

    assert ("胡东升", "城西新区党委") == (name, unit_name)
    assert [False, True, True] == [c.reached for c in record.contributions]
    assert (2, 1) == (record.milestones_reached, record.problems_completed)


def test_the_printed_boards_show_names_never_ids(district: Dangjian) -> None:
    queries = CampaignQueries(district.store)
    found = queries.board(CAMPAIGN, on(61))
    record, name, unit_name = queries.growth(HU)

    board = dashboard_board(found, "城西新区党委", {"zhu-min": "朱敏"})
    growth = growth_board(record, name, unit_name, date(2019, 9, 1))

    cells = [str(c) for s in (*board.sections, *growth.sections) for r in s.rows for c in r]
    assert any("朱敏" == c for c in cells)
    assert any("12幢/27幢" in c and "已逾期" in c for c in cells)
    assert not any(HU in c or "zhu-min" in c for c in cells)


def test_the_views_replay_to_the_same_rows(district: Dangjian) -> None:
    assert replay_check(district.store).ok
