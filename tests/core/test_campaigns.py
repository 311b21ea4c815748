"""攻坚 — launching a campaign, its fronts and problems, task forces and their dated
memberships, and linked work (seed 004, 城西新区): given/when/then, one rule each."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dangjian_core.campaigns.events import (
    CampaignFrontOpened,
    CampaignLaunched,
    CampaignProblemListed,
    CampaignWorkLinked,
    TaskForceFormed,
    TaskForceMemberJoined,
    TaskForceMemberLeft,
)
from dangjian_core.campaigns.state import CampaignError
from dangjian_core.campaigns.values import Capacity, LinkKind
from dangjian_core.kernel.errors import Unauthorized, UnknownSubject
from tests.core.campaigns_given import (
    CAMPAIGN,
    CHEN,
    DISTRICT,
    FRONT,
    HU,
    JINSHAN,
    OUTSIDER,
    PROBLEM,
    T1,
    TANG,
    W1,
    XIE,
    YE,
    ZHU,
    at,
    campaign_world,
    district,
    form,
    front,
    join,
    launch,
    leave,
    link,
    on,
    problem,
)


def _campaign(world: object) -> object:
    return world.states[f"campaign-{CAMPAIGN}"]  # type: ignore[attr-defined]


def test_the_districts_secretary_launches_a_campaign_for_six_months() -> None:
    world = district()

    events = world.handle(launch())

    assert [
        CampaignLaunched(CAMPAIGN, DISTRICT, "攻坚点、促提升", date(2019, 7, 1), date(2019, 12, 31))
    ] == events


def test_someone_outside_the_districts_leaders_may_not_launch_one() -> None:
    with pytest.raises(Unauthorized, match="发起攻坚行动"):
        district().handle(launch(actor_id=OUTSIDER))


def test_a_campaign_ending_before_it_starts_is_refused_and_nothing_is_written() -> None:
    world = district()

    with pytest.raises(CampaignError, match="结束日期不能早于开始日期"):
        world.handle(launch(ends=date(2019, 6, 30)))
    assert f"campaign-{CAMPAIGN}" not in world.states


def test_launching_again_changes_nothing_and_launching_other_terms_is_refused() -> None:
    world = district()
    world.handle(launch())

    assert [] == world.handle(launch())
    with pytest.raises(CampaignError, match="已发起"):
        world.handle(launch(name="另一个行动"))


def test_a_command_on_a_campaign_never_launched_names_it() -> None:
    with pytest.raises(UnknownSubject, match="未发起"):
        district().handle(front())


def test_fronts_and_problems_are_opened_and_listed_by_the_leaders() -> None:
    world = district()
    world.handle(launch())

    assert [CampaignFrontOpened(CAMPAIGN, FRONT, "农房改造与征迁")] == world.handle(front())
    assert [CampaignProblemListed(CAMPAIGN, PROBLEM, FRONT, "木长降村农房改造")] == world.handle(
        problem()
    )
    with pytest.raises(Unauthorized):
        world.handle(front("other", "其他", actor=HU))


def test_a_problem_on_a_front_never_opened_is_refused() -> None:
    world = district()
    world.handle(launch())

    with pytest.raises(UnknownSubject, match="战场 nowhere 未设立"):
        world.handle(problem(front_id="nowhere"))


def test_an_id_names_one_front_and_one_problem_for_good() -> None:
    world = district()
    for command in (launch(), front(), problem()):
        world.handle(command)

    assert [] == world.handle(front())
    with pytest.raises(CampaignError, match="已设立"):
        world.handle(front(name="改名的战场"))
    with pytest.raises(CampaignError, match="已列入"):
        world.handle(problem(title="另一个攻坚点"))


def test_the_task_force_is_led_by_a_member_of_the_leadership_team() -> None:
    world = district()
    for command in (launch(), front(), problem()):
        world.handle(command)

    assert [TaskForceFormed(CAMPAIGN, PROBLEM, ZHU, on(2))] == world.handle(form())


def test_a_leader_from_outside_the_leadership_team_is_refused() -> None:
    world = district()
    for command in (launch(), front(), problem()):
        world.handle(command)

    with pytest.raises(CampaignError, match="领导班子成员"):
        world.handle(form(leader=HU))


def test_a_task_force_is_formed_once_and_never_before_the_campaign() -> None:
    world = district()
    for command in (launch(starts=date(2019, 7, 10)), front(), problem()):
        world.handle(command)
    with pytest.raises(CampaignError, match="早于攻坚行动开始"):
        world.handle(form(day=2))
    world.handle(form(day=9))

    assert [] == world.handle(form())
    with pytest.raises(CampaignError, match="组长为 zhu-min"):
        world.handle(form(leader=YE))


def test_members_are_drawn_from_any_unit_in_their_capacities() -> None:
    world = campaign_world()

    first = world.handle(join(TANG, Capacity.FIRST_SECRETARY, JINSHAN, day=4))
    representative = world.handle(join(CHEN, Capacity.REPRESENTATIVE, DISTRICT, day=4))

    assert [
        TaskForceMemberJoined(CAMPAIGN, PROBLEM, TANG, Capacity.FIRST_SECRETARY, JINSHAN, on(4))
    ] == first
    assert representative[0].capacity is Capacity.REPRESENTATIVE
    members = _campaign(world).problems[PROBLEM].members  # type: ignore[attr-defined]
    assert [HU, TANG, CHEN] == [m.person_id for m in members]


def test_only_the_task_force_leader_or_the_districts_leaders_add_members() -> None:
    world = campaign_world()

    assert world.handle(join(XIE, Capacity.OFFICE_STAFF, day=4, actor=YE))
    with pytest.raises(Unauthorized, match="指挥攻坚点"):
        world.handle(join(CHEN, Capacity.REPRESENTATIVE, day=4, actor=HU))


def test_a_member_must_be_registered_and_come_from_a_founded_unit() -> None:
    world = campaign_world()

    with pytest.raises(UnknownSubject, match="未登记"):
        world.handle(join("nobody", day=4))
    with pytest.raises(UnknownSubject, match="组织 ghost 不存在"):
        world.handle(join(CHEN, home="ghost", day=4))


def test_the_leader_does_not_join_as_a_member() -> None:
    with pytest.raises(CampaignError, match="组长不另作成员"):
        campaign_world().handle(join(ZHU, day=4))


def test_a_member_joins_no_earlier_than_the_task_force_was_formed() -> None:
    with pytest.raises(CampaignError, match="早于攻坚党小组组建"):
        campaign_world().handle(join(CHEN, day=1))


def test_a_day_after_the_day_the_command_is_made_is_refused() -> None:
    world = campaign_world()
    future = attrs.evolve(join(CHEN, day=4), at=at(2))

    with pytest.raises(CampaignError, match="晚于记录当天"):
        world.handle(future)


def test_joining_again_changes_nothing_and_another_capacity_while_serving_is_refused() -> None:
    world = campaign_world()

    assert [] == world.handle(join())
    with pytest.raises(CampaignError, match="已在攻坚党小组中"):
        world.handle(join(capacity=Capacity.LIAISON))


def test_a_member_leaves_on_a_date_and_may_rejoin_later_without_overlap() -> None:
    world = campaign_world()

    assert [TaskForceMemberLeft(CAMPAIGN, PROBLEM, HU, on(3), on(30))] == world.handle(
        leave(day=30)
    )
    assert [] == world.handle(leave(day=30))
    with pytest.raises(CampaignError, match="重叠"):
        world.handle(join(day=20))
    assert world.handle(join(day=31))
    members = _campaign(world).problems[PROBLEM].members  # type: ignore[attr-defined]
    assert [(on(3), on(30)), (on(31), None)] == [(m.since, m.until) for m in members]


def test_only_a_serving_member_leaves_and_not_before_joining() -> None:
    world = campaign_world()

    with pytest.raises(CampaignError, match="不是在任成员"):
        world.handle(leave(CHEN))
    with pytest.raises(CampaignError, match="早于加入"):
        world.handle(leave(day=2))


def test_the_task_force_sits_outside_the_unit_tree() -> None:
    world = campaign_world(join(TANG, Capacity.FIRST_SECRETARY, JINSHAN, day=4))

    assert not [s for s in world.states if "muchang-nongfang" in s and s.startswith("branch-")]
    assert {"chengxi", "muchangjiang", "jinshantou"} == {
        s.removeprefix("branch-") for s in world.states if s.startswith("branch-")
    }


def test_a_problem_links_an_existing_task_and_work_item_once() -> None:
    world = campaign_world()

    assert [CampaignWorkLinked(CAMPAIGN, PROBLEM, LinkKind.TASK, T1)] == world.handle(link())
    assert world.handle(link(LinkKind.WORK_ITEM, W1))
    assert [] == world.handle(link())
    with pytest.raises(UnknownSubject, match="不存在"):
        world.handle(link(LinkKind.TASK, "no-such-task"))
    with pytest.raises(Unauthorized):
        world.handle(link(LinkKind.WORK_ITEM, W1, actor=HU))
