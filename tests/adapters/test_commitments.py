"""公开承诺 through the application, on every store: the board of posted pledges with the
overdue one flagged, feedback with its giver kept apart, a concluded score explained, the
star criterion read from the stored scores under the rating's decision, and views that
replay to the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.boards.commitments import commitments_board
from adapters.views.commitments import CommitmentQueries
from dangjian_core.commitments.commands import HideFeedback, ShowFeedback
from dangjian_core.commitments.queries import Standing
from dangjian_core.commitments.values import AssessorBody, Fulfilment
from dangjian_core.ratings.commands import ProposeRating, SetCommitmentCriterion, SetStarStandard
from dangjian_core.ratings.events import RatedKind
from tests.calendars import declare_official
from tests.core.commitments_given import (
    CHENG_JUN,
    COUNTY,
    DAWA,
    SISHAN,
    TAN,
    TOWN,
    WANG,
    YEAR,
    at,
    conclude,
    feedback,
    graded,
    pledged,
    report,
    rule,
    setup_commands,
)

GRADES = {
    AssessorBody.SELF: {1: Fulfilment.FULFILLED, 2: Fulfilment.FULFILLED},
    AssessorBody.MEETING: {1: Fulfilment.PARTLY, 2: Fulfilment.FULFILLED},
    AssessorBody.REPRESENTATIVES: {1: Fulfilment.FULFILLED, 2: Fulfilment.FULFILLED},
}


@pytest.fixture
def town(store_url: str) -> Iterator[Dangjian]:
    """平山镇 with 程军's commitment and 司山党小组's three pledges posted, progress and
    feedback through the year, 程军's assessment concluded (90.00), and the county counting
    the commitment score as 40 of a member's 100 points."""
    app = open_app(store_url)
    story = (
        *setup_commands(),
        rule(),
        *pledged(),
        *pledged(SISHAN, 3),
        report(SISHAN, 2, actor="cheng-bingkui", note="已换 12 盏"),
        feedback(),
        feedback(fid="F2", day=121, text="有一盏还不亮"),
        ShowFeedback(DAWA, YEAR, "F1", TAN, at(122)),
        HideFeedback(DAWA, YEAR, "F2", "已当面答复", TAN, at(122)),
        *graded(CHENG_JUN, GRADES),
        conclude(),
        SetStarStandard(TOWN, YEAR, RatedKind.MEMBER, 100, (60, 70, 80, 90, 96), COUNTY, at(370)),
        SetCommitmentCriterion(TOWN, YEAR, RatedKind.MEMBER, 40, COUNTY, at(370)),
    )
    for command in sorted(story, key=lambda c: c.at):  # a book's history in time order
        app.handle(command)
    yield app
    app.close()


def test_the_board_flags_the_overdue_collective_pledge(town: Dangjian) -> None:
    queries = CommitmentQueries(town.store)

    board = queries.board(DAWA, YEAR, date(2017, 6, 15))
    late = queries.overdue(DAWA, YEAR, date(2017, 6, 15))

    assert [(p.pledger_name, p.item_no, p.standing) for p in board.pledges] == [
        ("程军", 1, Standing.ASSESSED),
        ("程军", 2, Standing.ASSESSED),
        ("司山党小组", 1, Standing.UNDER_WAY),
        ("司山党小组", 2, Standing.UNDER_WAY),
        ("司山党小组", 3, Standing.OVERDUE),
    ]
    assert [(r["pledger_id"], r["item_no"]) for r in late] == [(SISHAN, 3)]
    assert board.pledges[4].owner_name == "胡汪节"


def test_feedback_rows_are_public_and_the_givers_are_kept_apart(town: Dangjian) -> None:
    queries = CommitmentQueries(town.store)

    shown = queries.feedback(DAWA, YEAR, shown_only=True)
    every = queries.feedback(DAWA, YEAR)
    contacts = queries.feedback_contacts(DAWA, YEAR)

    assert [r["feedback_id"] for r in shown] == ["F1"]
    assert [(r["feedback_id"], r["status"], r["reason"]) for r in every] == [
        ("F1", "shown", ""),
        ("F2", "hidden", "已当面答复"),
    ]
    assert all("程大爷" not in str(r) and "13905560000" not in str(r) for r in every)
    assert (contacts["F1"]["contact_name"], contacts["F1"]["contact"]) == ("程大爷", "13905560000")


def test_a_concluded_score_is_explained_from_the_stored_rows(town: Dangjian) -> None:
    explained = CommitmentQueries(town.store).explain(DAWA, YEAR, CHENG_JUN)

    assert explained.consistent
    assert (explained.score, [p.total for p in explained.pledges]) == (9000, [8000, 10000])


def test_the_rating_reads_the_stored_score_under_its_decision(town: Dangjian) -> None:
    declare_official(town, 2018, TOWN, WANG, at(371))
    proposal = ProposeRating(TOWN, YEAR, RatedKind.MEMBER, CHENG_JUN, 52, WANG, at(371))

    outcome = town.handle(proposal)

    computed, proposed = (r.event for r in outcome.events)
    assert (computed.points, computed.basis, computed.source) == (36, 9000, "dawa@2017")
    assert (proposed.score, proposed.stars) == (88, 3)
    [row] = CommitmentQueries(town.store).star_criteria(YEAR, CHENG_JUN)
    assert (row["points"], row["out_of"]) == (36, 40)


def test_the_counts_and_the_replay_agree_with_the_log(town: Dangjian) -> None:
    found = CommitmentQueries(town.store).counts(YEAR)

    assert (found.units, found.members, found.pledges, found.collective_pledges) == (1, 1, 2, 3)
    assert replay_check(town.store).ok


def test_the_printed_board_shows_names_never_ids_nor_givers(town: Dangjian) -> None:
    queries = CommitmentQueries(town.store)

    posted = commitments_board(
        queries.board(DAWA, YEAR, date(2017, 6, 15)),
        "大洼社区党支部",
        queries.feedback(DAWA, YEAR, shown_only=True),
    )
    cells = " ".join(str(c) for s in posted.sections for row in s.rows for c in row)

    assert [s.title for s in posted.sections] == ["践诺情况", "党员承诺", "集体承诺", "群众意见"]
    assert ("已逾期", 1) in posted.sections[0].rows
    assert "程军" in cells
    assert "胡汪节" in cells
    for hidden in (CHENG_JUN, "hu-wangjie", "程大爷", "13905560000", "有一盏还不亮"):
        assert hidden not in cells
