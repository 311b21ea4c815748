"""公开承诺 Public commitments: 承诺 drafting, 审诺 vetting, 亮诺 posting, and what may
happen to a pledge once posted (seed 003: 司山党小组's 15 members and three collective
items on the board of 大洼社区).

Given 平山镇 (:mod:`tests.core.commitments_given`), when a commitment command is decided,
then the events or the typed refusal; a refusal writes nothing.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dangjian_core.commitments.commands import (
    ApprovePledge,
    ChangePledge,
    DraftPledge,
    WithdrawPledge,
)
from dangjian_core.commitments.events import (
    CommitmentPosted,
    CommitmentSubmitted,
    PledgeApproved,
    PledgeChanged,
    PledgeDrafted,
    PledgeReturned,
    PledgeRevised,
    PledgeWithdrawn,
)
from dangjian_core.commitments.rules.vetting import one_year_from
from dangjian_core.commitments.state import CommitmentError, PledgeStatus
from dangjian_core.commitments.values import ReturnGround
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from tests.core.commitments_given import (
    CHEN,
    CHENG_BK,
    CHENG_JUN,
    DAWA,
    DUE,
    HU,
    SISHAN,
    TAN,
    VILLAGER,
    WANG,
    YEAR,
    approve,
    at,
    book,
    concluded_world,
    draft,
    pingshan,
    pledged,
    post,
    refused,
    return_,
    revise,
    submit,
)

# --- 承诺: drafting ----------------------------------------------------------------


def test_a_member_drafts_a_pledge_tied_to_their_post_and_answers_for_it() -> None:
    world = pingshan()

    events = world.handle(draft(CHENG_JUN, 1))

    assert events == [
        PledgeDrafted(
            DAWA,
            YEAR,
            CHENG_JUN,
            1,
            False,
            "党小组长",
            "义务维修组内路灯",
            "组内路灯每月巡查一次, 坏灯三日内修复",
            DUE,
            CHENG_JUN,
        )
    ]


def test_drafting_the_same_pledge_again_changes_nothing() -> None:
    world = pingshan(draft())

    assert world.handle(draft()) == []


def test_nobody_drafts_a_members_pledge_for_them() -> None:
    refusal = refused(pingshan(), draft(HU, actor_id=TAN), Unauthorized)

    assert TAN in refusal.zh


def test_a_villager_on_the_roll_makes_no_public_commitment() -> None:
    refusal = refused(pingshan(), draft(VILLAGER), CommitmentError)

    assert "不是党员" in refusal.zh


def test_a_member_of_another_unit_does_not_pledge_in_this_book() -> None:
    refused(pingshan(), draft(WANG), UnknownSubject)


def test_the_group_leader_drafts_the_groups_collective_pledge_naming_its_owner() -> None:
    world = pingshan()

    [event] = world.handle(draft(SISHAN, 1))

    assert isinstance(event, PledgeDrafted)
    assert (event.collective, event.content, event.owner_id) == (True, "修路", CHENG_JUN)


def test_a_collective_pledge_must_name_its_owner() -> None:
    refused(pingshan(), draft(SISHAN, 1, owner_id=""), InvalidCommand)


def test_an_ordinary_member_does_not_pledge_for_the_group() -> None:
    refusal = refused(pingshan(), draft(SISHAN, 1, actor_id=HU), Unauthorized)

    assert "集体承诺" in refusal.zh


def test_the_branch_secretary_may_pledge_for_a_group_under_the_branch() -> None:
    [event] = pingshan().handle(draft(SISHAN, 2, actor_id=TAN))

    assert isinstance(event, PledgeDrafted)


def test_a_members_pledge_names_no_other_owner() -> None:
    refused(pingshan(), draft(CHENG_JUN, owner_id=HU), InvalidCommand)


@pytest.mark.parametrize("due", [date(2018, 1, 15), date(2017, 1, 4)])
def test_a_pledge_falls_due_within_its_year_and_not_before_it_is_written(due: date) -> None:
    refusal = refused(pingshan(), draft(due=due, day=5), InvalidCommand)

    assert "完成时限" in refusal.zh


def test_a_draft_is_replaced_until_it_is_submitted_but_not_after() -> None:
    world = pingshan(draft())
    world.handle(draft(target="组内路灯每周巡查一次"))

    world.handle(submit())

    refused(world, draft(target="组内路灯每天巡查一次", day=7), CommitmentError)


def test_submitting_sends_every_drafted_pledge_and_again_changes_nothing() -> None:
    world = pingshan(draft(no=1), draft(no=2))

    events = world.handle(submit())

    assert events == [CommitmentSubmitted(DAWA, YEAR, CHENG_JUN, (1, 2))]
    assert world.handle(submit(day=7)) == []


def test_a_commitment_never_drafted_cannot_be_submitted() -> None:
    refused(pingshan(), submit(HU), UnknownSubject)


# --- 审诺: vetting -----------------------------------------------------------------


def test_the_branch_committee_approves_a_submitted_pledge() -> None:
    world = pingshan(draft(), submit())

    events = world.handle(approve(actor=CHEN))

    assert events == [PledgeApproved(DAWA, YEAR, CHENG_JUN, 1, CHENG_JUN)]
    assert world.handle(approve(actor=TAN, day=8)) == []


def test_the_town_above_may_vet_too() -> None:
    [event] = pingshan(draft(), submit()).handle(approve(actor=WANG))

    assert isinstance(event, PledgeApproved)


def test_a_group_leader_is_not_on_the_branch_committee() -> None:
    world = pingshan(draft(HU), submit(HU))

    refusal = refused(world, approve(HU, actor=CHENG_JUN), Unauthorized)

    assert CHENG_JUN in refusal.zh


def test_nobody_vets_their_own_pledge() -> None:
    world = pingshan(draft(TAN), submit(TAN))

    refusal = refused(world, approve(TAN, actor=TAN), Unauthorized)

    assert "本人" in refusal.zh
    assert isinstance(world.handle(approve(TAN, actor=CHEN))[0], PledgeApproved)


def test_nobody_vets_a_collective_pledge_they_own() -> None:
    world = pingshan(draft(SISHAN, 1, owner_id=CHEN), submit(SISHAN))

    refused(world, approve(SISHAN, 1, actor=CHEN), Unauthorized)


def test_a_pledge_is_returned_on_a_ground_with_a_reason() -> None:
    world = pingshan(draft(), submit())

    [event] = world.handle(return_())

    assert isinstance(event, PledgeReturned)
    assert (event.ground, event.reason) == (
        ReturnGround.NOT_MEASURABLE,
        "目标不可衡量: 请写明巡查频次和修复时限",
    )
    assert world.handle(return_(day=8)) == []


def test_a_returned_pledge_is_revised_resubmitted_and_approved() -> None:
    world = pingshan(draft(), submit(), return_())

    [revised] = world.handle(revise())
    assert world.handle(revise()) == []
    [submitted] = world.handle(submit(day=9))
    [approved] = world.handle(approve(day=10))

    assert isinstance(revised, PledgeRevised)
    assert revised.target.endswith("全年修复率百分之百")
    assert submitted == CommitmentSubmitted(DAWA, YEAR, CHENG_JUN, (1,))
    assert isinstance(approved, PledgeApproved)
    assert book(world).commitments[CHENG_JUN].pledges[1].revisions == 1


def test_a_returned_pledge_is_not_resubmitted_unrevised() -> None:
    world = pingshan(draft(), submit(), return_())

    refusal = refused(world, submit(day=8), CommitmentError)

    assert "须修改后再提交" in refusal.zh


def test_a_revision_must_change_the_returned_pledge() -> None:
    world = pingshan(draft(), submit(), return_())
    unchanged = draft()

    refused(world, revise(target=unchanged.target), CommitmentError)


def test_only_a_returned_pledge_is_revised() -> None:
    refused(pingshan(draft(), submit()), revise(), CommitmentError)


def test_only_a_submitted_pledge_is_vetted() -> None:
    world = pingshan(draft())

    refused(world, approve(), CommitmentError)
    refused(world, return_(), CommitmentError)


# --- 亮诺: posting -----------------------------------------------------------------


def test_a_commitment_is_posted_for_a_year_once_every_pledge_is_approved() -> None:
    world = pingshan(draft(no=1), draft(no=2), submit(), approve(no=1), approve(no=2))

    events = world.handle(post(day=10))

    assert events == [
        CommitmentPosted(DAWA, YEAR, CHENG_JUN, (1, 2), date(2017, 1, 13), date(2018, 1, 12))
    ]
    assert world.handle(post(day=11)) == []


def test_no_pledge_is_posted_before_it_is_approved() -> None:
    world = pingshan(draft(no=1), draft(no=2), submit(), approve(no=1))

    refusal = refused(world, post(), CommitmentError)

    assert "第 2 项待审" in refusal.zh


def test_only_the_committee_posts() -> None:
    world = pingshan(draft(), submit(), approve())

    refused(world, post(actor=CHENG_JUN), Unauthorized)


def test_a_pledge_added_after_posting_is_vetted_and_posted_on_its_own() -> None:
    world = pingshan(*pledged(items=1))
    world.handle(draft(no=2, day=30))
    world.handle(submit(day=31))
    world.handle(approve(no=2, day=32))

    [event] = world.handle(post(day=33))

    assert isinstance(event, CommitmentPosted)
    assert event.items == (2,)


def test_a_posting_begun_on_29_february_ends_on_27_february() -> None:
    assert one_year_from(date(2016, 2, 29)) == date(2017, 2, 28)
    assert one_year_from(date(2017, 1, 13)) == date(2018, 1, 12)


# --- after posting: withdrawal and change are new, visible events -------------------


def test_the_committee_withdraws_a_posted_pledge_with_a_reason() -> None:
    world = pingshan(*pledged())
    withdraw = WithdrawPledge(DAWA, YEAR, CHENG_JUN, 2, "低保户已迁出本组", TAN, at(60))

    events = world.handle(withdraw)

    assert events == [PledgeWithdrawn(DAWA, YEAR, CHENG_JUN, 2, True, "低保户已迁出本组")]
    assert world.handle(withdraw) == []
    assert book(world).commitments[CHENG_JUN].pledges[2].status is PledgeStatus.WITHDRAWN


def test_after_posting_the_member_alone_cannot_withdraw() -> None:
    withdraw = WithdrawPledge(DAWA, YEAR, CHENG_JUN, 2, "不想做了", CHENG_JUN, at(60))

    refused(pingshan(*pledged()), withdraw, Unauthorized)


def test_before_posting_the_member_withdraws_their_own_draft() -> None:
    world = pingshan(draft(no=1), draft(no=2))
    withdraw = WithdrawPledge(DAWA, YEAR, CHENG_JUN, 2, "合并为一项", CHENG_JUN, at(6))

    assert world.handle(withdraw) == [
        PledgeWithdrawn(DAWA, YEAR, CHENG_JUN, 2, False, "合并为一项")
    ]
    assert world.handle(submit()) == [CommitmentSubmitted(DAWA, YEAR, CHENG_JUN, (1,))]


def _change(actor: str = TAN, day: float = 40, **terms: object) -> ChangePledge:
    fields = {
        "post": "党小组长",
        "content": "义务维修组内路灯",
        "target": "组内路灯每半月巡查一次, 坏灯两日内修复",
        "due": DUE,
        "reason": "群众意见: 巡查要更勤",
    } | terms
    return ChangePledge(DAWA, YEAR, CHENG_JUN, 1, actor_id=actor, at=at(day), **fields)  # type: ignore[arg-type]


def test_the_committee_changes_a_posted_pledge_with_a_reason_keeping_its_owner() -> None:
    world = pingshan(*pledged())

    [event] = world.handle(_change())

    assert isinstance(event, PledgeChanged)
    assert (event.owner_id, event.reason) == (CHENG_JUN, "群众意见: 巡查要更勤")
    assert world.handle(_change(day=41)) == []
    pledge = book(world).commitments[CHENG_JUN].pledges[1]
    assert pledge.terms.target == "组内路灯每半月巡查一次, 坏灯两日内修复"


def test_before_posting_a_pledge_is_returned_not_changed() -> None:
    refusal = refused(pingshan(draft(), submit()), _change(day=7), CommitmentError)

    assert "公示后才能变更" in refusal.zh


def test_nobody_changes_their_own_posted_pledge() -> None:
    world = pingshan(draft(TAN), submit(TAN), approve(TAN, actor=CHEN), post(TAN))

    change = attrs.evolve(_change(actor=TAN), pledger_id=TAN)

    refused(world, change, Unauthorized)


def test_nothing_changes_on_a_commitment_once_its_assessment_is_concluded() -> None:
    world = concluded_world().copy()
    late = WithdrawPledge(DAWA, YEAR, CHENG_JUN, 1, "事后撤回", TAN, at(370))

    refusal = refused(world, late, CommitmentError)

    assert "评诺结果已确定" in refusal.zh
    refused(world, _change(day=370), CommitmentError)


def test_every_pledge_of_the_seed_group_is_drafted_vetted_and_posted() -> None:
    members = (CHENG_JUN, HU, CHENG_BK)
    world = pingshan(*(c for m in members for c in pledged(m)))

    posted = {
        pledger: [p.status for p in c.pledges.values()]
        for pledger, c in book(world).commitments.items()
    }

    assert posted == {m: [PledgeStatus.POSTED, PledgeStatus.POSTED] for m in members}


def test_an_approval_of_a_pledge_never_drafted_is_unknown() -> None:
    world = pingshan(draft())

    refused(world, ApprovePledge(DAWA, YEAR, CHENG_JUN, 9, TAN, at(7)), UnknownSubject)


def test_a_command_on_a_unit_not_founded_is_unknown() -> None:
    command = DraftPledge(
        "nowhere", YEAR, CHENG_JUN, 1, "党员", "扫地", "每周一次", DUE, CHENG_JUN, at(5)
    )

    refused(pingshan(), command, UnknownSubject)
