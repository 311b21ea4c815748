"""攻坚推进 — starting a problem, milestones with measured targets, progress reports with
evidence (over-fulfilment only as such), completion, the dashboard on a day passed in
(overdue milestones flagged) and the growth record (红色成长): given/when/then."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from dangjian_core.campaigns.events import (
    CampaignProblemCompleted,
    CampaignProblemStarted,
    MilestoneProgressReported,
    MilestoneSet,
)
from dangjian_core.campaigns.growth import growth_record
from dangjian_core.campaigns.queries import Dashboard, ProgressStatus, dashboard
from dangjian_core.campaigns.state import CampaignError
from dangjian_core.campaigns.values import Capacity
from dangjian_core.kernel.errors import Unauthorized, UnknownSubject
from tests.core.campaigns_given import (
    CAMPAIGN,
    CHEN,
    DISTRICT,
    FRONT,
    HU,
    PROBLEM,
    XIE,
    YE,
    ZHU,
    campaign_world,
    complete,
    district,
    form,
    front,
    join,
    launch,
    leave,
    milestone,
    on,
    problem,
    report,
    start,
)
from tests.core.world import World


def board(world: World, as_of: date) -> Dashboard:
    """The campaign's dashboard on ``as_of`` from the world's read models."""
    key = {"campaign_id": CAMPAIGN}
    views = world.views
    [campaign] = views.select("campaigns", key)
    return dashboard(
        campaign,
        views.select("campaign_fronts", key),
        views.select("campaign_problems", key),
        views.select("campaign_milestones", key),
        views.select("campaign_reports", key),
        views.select("campaign_members", key),
        as_of,
    )


def growth(world: World, person: str) -> Any:
    """A person's growth record from the world's read models."""
    views = world.views
    problems = {
        (r["campaign_id"], r["problem_id"]): r for r in views.select("campaign_problems", {})
    }
    milestones = {
        (r["campaign_id"], r["problem_id"], r["milestone_no"]): r
        for r in views.select("campaign_milestones", {})
    }
    campaigns = {r["campaign_id"]: r for r in views.select("campaigns", {})}
    return growth_record(
        person,
        views.select("campaign_members", {"person_id": person}),
        views.select("campaign_reports", {"reporter_id": person}),
        problems,  # type: ignore[arg-type]
        milestones,  # type: ignore[arg-type]
        campaigns,  # type: ignore[arg-type]
        views.select("campaign_reports", {}),
    )


def test_a_milestone_keeps_its_measured_target_with_decimals_exactly() -> None:
    world = campaign_world()

    events = world.handle(milestone(2, "土地清表及耕作层剥离", 90, "30.3208", "公顷"))

    assert [
        MilestoneSet(CAMPAIGN, PROBLEM, 2, "土地清表及耕作层剥离", on(90), "30.3208", "公顷")
    ] == (events)


def test_a_target_is_kept_in_its_canonical_text() -> None:
    world = campaign_world()

    [event] = world.handle(milestone(2, "坟墓迁移", 90, "231.000", "穴"))

    assert "231" == event.target


def test_a_milestone_number_names_one_milestone_for_good() -> None:
    world = campaign_world()

    assert [] == world.handle(milestone())
    with pytest.raises(CampaignError, match="节点 1 已设定"):
        world.handle(milestone(target="28"))


def test_a_milestone_due_before_the_campaign_starts_is_refused() -> None:
    with pytest.raises(CampaignError, match="早于攻坚行动开始"):
        campaign_world().handle(milestone(2, due=-3))


def test_only_a_problem_with_a_task_force_starts_and_not_before_it_was_formed() -> None:
    world = district()
    for command in (launch(), front(), problem()):
        world.handle(command)

    with pytest.raises(CampaignError, match="尚未组建攻坚党小组"):
        world.handle(start(actor=YE))
    world.handle(form(day=10))
    with pytest.raises(CampaignError, match="早于攻坚党小组组建"):
        world.handle(start(day=9))
    assert [CampaignProblemStarted(CAMPAIGN, PROBLEM, on(25))] == world.handle(start())
    assert [] == world.handle(start(day=26))


def test_a_serving_member_reports_progress_with_evidence() -> None:
    world = campaign_world()

    events = world.handle(report())

    assert [
        MilestoneProgressReported(CAMPAIGN, PROBLEM, 1, HU, on(40), "12", "签约台账第1–12号", False)
    ] == events
    assert [] == world.handle(report())


def test_someone_not_serving_on_the_day_may_not_report() -> None:
    world = campaign_world(leave(day=30))

    with pytest.raises(Unauthorized, match="不是攻坚点 muchang-nongfang 的攻坚党小组成员"):
        world.handle(report(day=40))
    with pytest.raises(Unauthorized):
        world.handle(report(actor=CHEN))
    assert world.handle(report(day=29))
    assert world.handle(report("13", day=41, actor=ZHU))


def test_progress_on_a_problem_not_started_is_refused() -> None:
    world = district()
    for command in (launch(), front(), problem(), form(), join(), milestone()):
        world.handle(command)

    with pytest.raises(CampaignError, match="尚未启动"):
        world.handle(report())


def test_reports_come_in_date_order_and_not_before_the_start() -> None:
    world = campaign_world(report(day=40))

    with pytest.raises(CampaignError, match="早于上次报告"):
        world.handle(report("14", day=35))
    with pytest.raises(CampaignError, match="早于攻坚点启动"):
        campaign_world().handle(report(day=20))


def test_a_report_on_a_milestone_never_set_names_it() -> None:
    with pytest.raises(UnknownSubject, match="节点 9 未设定"):
        campaign_world().handle(report(number=9))


def test_a_result_beyond_the_target_is_refused_unless_recorded_as_over_fulfilment() -> None:
    world = campaign_world()

    with pytest.raises(CampaignError, match="超出目标 27幢,须登记为超额完成"):
        world.handle(report("29", day=50))
    [event] = world.handle(report("29", day=50, over=True))

    assert event.over_fulfilment
    assert "29" == event.achieved


def test_over_fulfilment_is_recorded_only_beyond_the_target() -> None:
    with pytest.raises(CampaignError, match="不能登记为超额完成"):
        campaign_world().handle(report("27", day=50, over=True))


def test_a_problem_completes_once_every_milestone_is_reached() -> None:
    world = campaign_world(report("12", day=40))

    with pytest.raises(CampaignError, match="节点 1 尚未达到目标"):
        world.handle(complete())
    world.handle(report("27", day=55))
    assert [CampaignProblemCompleted(CAMPAIGN, PROBLEM, on(70))] == world.handle(complete())
    assert [] == world.handle(complete(day=71))
    with pytest.raises(CampaignError, match="已完成"):
        world.handle(report("28", day=72, over=True))


def test_a_problem_without_milestones_or_not_started_cannot_complete() -> None:
    world = district()
    for command in (launch(), front(), problem(), form()):
        world.handle(command)

    with pytest.raises(CampaignError, match="尚未启动"):
        world.handle(complete())
    world.handle(start())
    with pytest.raises(CampaignError, match="未设定节点"):
        world.handle(complete())


def test_only_the_leader_or_the_districts_leaders_complete_a_problem() -> None:
    world = campaign_world(report("27", day=55))

    with pytest.raises(Unauthorized):
        world.handle(complete(actor=HU))


def test_the_dashboard_flags_a_milestone_overdue_by_the_day_passed_in() -> None:
    world = campaign_world(report("12", day=40))

    before, after = board(world, on(60)), board(world, on(61))

    [line] = before.fronts[0].problems
    assert ProgressStatus.ON_TRACK is line.standing
    [late] = after.fronts[0].problems
    assert ProgressStatus.OVERDUE is late.standing
    assert ProgressStatus.OVERDUE is late.milestones[0].standing
    assert Decimal("44.4") == late.milestones[0].percent


def test_the_dashboard_counts_problems_per_front_and_for_the_campaign() -> None:
    world = campaign_world(
        front("zhengqian", "征迁与政策处理"),
        problem("yifen-330", "330国道木长降村段移坟", "zhengqian"),
        problem("jinshan-jiti", "金山头村集体经济", "zhengqian"),
        report("27", day=55),
        complete(day=56),
    )

    view = board(world, on(57))

    assert [FRONT, "zhengqian"] == [f.front_id for f in view.fronts]
    assert 1 == view.fronts[0].counts[ProgressStatus.DONE]
    assert 2 == view.fronts[1].counts[ProgressStatus.NOT_STARTED]
    assert (3, 1) == (view.problems, view.started)
    assert {
        ProgressStatus.NOT_STARTED: 2,
        ProgressStatus.ON_TRACK: 0,
        ProgressStatus.OVERDUE: 0,
        ProgressStatus.DONE: 1,
    } == (view.counts)


def test_the_dashboard_reads_a_day_before_the_start_as_not_started() -> None:
    view = board(campaign_world(report("12", day=40)), on(10))

    [line] = view.fronts[0].problems
    assert ProgressStatus.NOT_STARTED is line.standing
    assert Decimal(0) == line.milestones[0].achieved


def test_a_young_cadres_growth_record_is_assembled_from_their_task_force_work() -> None:
    world = campaign_world(
        join(XIE, Capacity.OFFICE_STAFF, DISTRICT, day=4),
        report("12", day=40),
        report("20", day=45, actor=XIE, evidence="签约台账第13–20号"),
        report("27", day=55, evidence="签约台账第21–27号"),
        complete(day=56),
    )

    record = growth(world, HU)

    [service] = record.services
    assert (Capacity.YOUNG_CADRE, on(3), None) == (
        service.capacity,
        service.joined_on,
        service.left_on,
    )
    assert [Decimal(12), Decimal(27)] == [c.achieved for c in record.contributions]
    assert [False, True] == [c.reached for c in record.contributions]
    assert (1, 1) == (record.milestones_reached, record.problems_completed)
    assert 0 == growth(world, XIE).milestones_reached


def test_a_problem_completed_after_the_cadre_left_does_not_count_for_them() -> None:
    world = campaign_world(report("12", day=40), leave(day=50), report("27", day=55, actor=ZHU))
    world.handle(complete(day=56))

    record = growth(world, HU)

    assert (0, 0) == (record.milestones_reached, record.problems_completed)
    assert on(50) == record.services[0].left_on
