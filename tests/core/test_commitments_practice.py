"""践诺与群众监督 Progress and villagers' feedback on posted pledges: the owner reports
with evidence, overdue pledges are flagged, villagers leave feedback with their name and
contact kept private, and the branch shows or hides it with a reason — never deletes it.
"""

from __future__ import annotations

from datetime import date

from dangjian_core.commitments.commands import HideFeedback, ShowFeedback
from dangjian_core.commitments.events import (
    PledgeFeedbackHidden,
    PledgeFeedbackLeft,
    PledgeFeedbackShown,
    PledgeProgressReported,
)
from dangjian_core.commitments.permissions import PUBLIC
from dangjian_core.commitments.queries import Standing, board, overdue, standing
from dangjian_core.commitments.state import CommitmentError, FeedbackStatus
from dangjian_core.kernel.errors import Unauthorized, UnknownSubject
from dangjian_core.kernel.trail import HIDDEN, describe
from tests.core.commitments_given import (
    CHEN,
    CHENG_BK,
    CHENG_JUN,
    DAWA,
    HU,
    SISHAN,
    TAN,
    VILLAGER,
    YEAR,
    at,
    book,
    draft,
    feedback,
    pingshan,
    pledged,
    refused,
    report,
)

# --- 践诺: progress --------------------------------------------------------------


def test_the_owner_reports_progress_with_evidence_once() -> None:
    world = pingshan(*pledged())

    events = world.handle(report())

    assert events == [
        PledgeProgressReported(
            DAWA,
            YEAR,
            CHENG_JUN,
            1,
            CHENG_JUN,
            "本月巡查路灯 12 盏, 修复 2 盏",
            ("lights-0412.jpg",),
            False,
        )
    ]
    assert world.handle(report()) == []
    assert len(world.handle(report(day=130, note="又修复 1 盏"))) == 1


def test_nobody_reports_for_the_owner() -> None:
    refusal = refused(pingshan(*pledged()), report(actor=TAN), Unauthorized)

    assert TAN in refusal.zh


def test_the_owner_of_a_collective_pledge_reports_its_progress() -> None:
    world = pingshan(*pledged(SISHAN, 3))

    [event] = world.handle(report(SISHAN, 3, actor=HU, note="已植树 320 棵"))

    assert isinstance(event, PledgeProgressReported)
    assert event.owner_id == HU
    refused(world, report(SISHAN, 3, actor=CHENG_JUN, day=101), Unauthorized)


def test_progress_is_reported_only_on_a_posted_pledge() -> None:
    refusal = refused(pingshan(draft()), report(), CommitmentError)

    assert "公示后才能报告进展" in refusal.zh


def _pledge_row(world: object, pledger: str, no: int) -> dict[str, object]:
    [row] = world.views.select(  # type: ignore[attr-defined]
        "commitment_pledges", {"unit_id": DAWA, "year": YEAR, "pledger_id": pledger, "item_no": no}
    )
    return row


def test_a_posted_pledge_past_its_due_date_and_not_reported_done_is_overdue() -> None:
    world = pingshan(*pledged(SISHAN, 3))  # 绿化, due 2017-05-31, owner 胡汪节
    row = _pledge_row(world, SISHAN, 3)

    assert standing(row, date(2017, 5, 31)) is Standing.UNDER_WAY
    assert standing(row, date(2017, 6, 1)) is Standing.OVERDUE
    assert [
        r["item_no"]
        for r in overdue(world.views.select("commitment_pledges", {}), date(2017, 6, 1))
    ] == [3]


def test_a_pledge_reported_done_is_no_longer_overdue() -> None:
    world = pingshan(*pledged(SISHAN, 3))
    world.handle(report(SISHAN, 3, actor=HU, day=160, note="植树 520 棵", done=True))

    row = _pledge_row(world, SISHAN, 3)

    assert standing(row, date(2017, 7, 1)) is Standing.DONE
    assert overdue([row], date(2017, 7, 1)) == []


def test_the_board_shows_each_posted_pledge_with_its_standing_and_names() -> None:
    world = pingshan(*pledged(), *pledged(SISHAN, 3))
    names = {CHENG_JUN: "程军", SISHAN: "司山党小组", HU: "胡汪节", CHENG_BK: "程秉奎"}

    found = board(DAWA, YEAR, world.views.select("commitment_pledges", {}), names, date(2017, 9, 1))

    assert [(p.pledger_name, p.item_no, p.owner_name) for p in found.pledges] == [
        ("程军", 1, "程军"),
        ("程军", 2, "程军"),
        ("司山党小组", 1, "程军"),
        ("司山党小组", 2, "程秉奎"),
        ("司山党小组", 3, "胡汪节"),
    ]
    assert found.count(Standing.OVERDUE) == 2  # 换路灯 (08-31) and 绿化 (05-31)


# --- 群众监督: feedback -------------------------------------------------------------


def test_a_villager_leaves_feedback_as_public_with_a_name_and_contact() -> None:
    world = pingshan(*pledged())

    [event] = world.handle(feedback())

    assert event == PledgeFeedbackLeft(
        DAWA,
        YEAR,
        CHENG_JUN,
        1,
        "F1",
        "村口那盏路灯修好了, 晚上走路放心多了",
        PUBLIC,
        "程大爷",
        "13905560000",
    )
    assert book(world).feedback["F1"].status is FeedbackStatus.PENDING
    assert world.handle(feedback()) == []


def test_a_registered_person_may_give_feedback_but_a_stranger_must_say_public() -> None:
    world = pingshan(*pledged())

    assert len(world.handle(feedback(actor_id=VILLAGER))) == 1
    refusal = refused(world, feedback(fid="F2", actor_id="stranger"), Unauthorized)
    assert PUBLIC in refusal.zh


def test_a_feedback_id_is_used_once() -> None:
    world = pingshan(*pledged(), feedback())

    refused(world, feedback(text="路灯又坏了"), CommitmentError)


def test_feedback_is_left_only_on_a_posted_pledge_during_its_year() -> None:
    refused(pingshan(draft()), feedback(), CommitmentError)
    refusal = refused(pingshan(*pledged()), feedback(day=400), CommitmentError)
    assert "已过公示期" in refusal.zh


def test_feedback_on_a_pledge_never_drafted_is_unknown() -> None:
    refused(pingshan(*pledged()), feedback(no=7), UnknownSubject)


def test_the_branch_shows_feedback_and_hides_it_with_a_reason_keeping_it() -> None:
    world = pingshan(*pledged(), feedback())
    hide = HideFeedback(DAWA, YEAR, "F1", "留言含他人电话号码", CHEN, at(121))
    show = ShowFeedback(DAWA, YEAR, "F1", TAN, at(122))

    assert world.handle(hide) == [PledgeFeedbackHidden(DAWA, YEAR, "F1", "留言含他人电话号码")]
    assert world.handle(hide) == []
    assert world.handle(show) == [PledgeFeedbackShown(DAWA, YEAR, "F1")]
    assert world.handle(show) == []
    [row] = world.views.select("commitment_feedback", {"feedback_id": "F1"})
    assert (row["status"], row["text"]) == ("shown", "村口那盏路灯修好了, 晚上走路放心多了")


def test_hidden_feedback_is_not_hidden_again_for_another_reason() -> None:
    world = pingshan(*pledged(), feedback())
    world.handle(HideFeedback(DAWA, YEAR, "F1", "重复留言", TAN, at(121)))

    refused(world, HideFeedback(DAWA, YEAR, "F1", "另一个理由", TAN, at(122)), CommitmentError)


def test_only_the_branch_moderates_feedback() -> None:
    world = pingshan(*pledged(), feedback())

    refused(world, ShowFeedback(DAWA, YEAR, "F1", CHENG_JUN, at(121)), Unauthorized)
    refused(world, ShowFeedback(DAWA, YEAR, "F9", TAN, at(121)), UnknownSubject)


def test_the_villagers_name_and_contact_stay_out_of_public_rows_and_the_trail() -> None:
    world = pingshan(*pledged(), feedback())
    [left] = [r.event for r in world.log if isinstance(r.event, PledgeFeedbackLeft)]

    [public] = world.views.select("commitment_feedback", {"feedback_id": "F1"})
    [private] = world.views.select("commitment_feedback_contacts", {"feedback_id": "F1"})
    said = describe(left)

    assert "程大爷" not in str(public)
    assert "13905560000" not in str(public)
    assert (private["contact_name"], private["contact"]) == ("程大爷", "13905560000")
    assert "程大爷" not in said
    assert "13905560000" not in said
    assert f"contact_name={HIDDEN}" in said
