"""评星 from commitments: the star standard may count the concluded commitment score as a
criterion (公开承诺), so a rating is computed from recorded facts and explained like points.

Given 平山镇 with 程军's 2017 commitment concluded, when the county counts commitments in
the member standard and the town proposes his rating, then the criterion is computed from
the assessment and recorded before the rating it adds to.
"""

from __future__ import annotations

from typing import Any

import pytest

from dangjian_core.commitments.values import AssessorBody, Fulfilment
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized
from dangjian_core.ratings.commands import ProposeRating, SetCommitmentCriterion, SetStarStandard
from dangjian_core.ratings.criteria import criterion_points
from dangjian_core.ratings.events import (
    CommitmentCriterionSet,
    RatedKind,
    RatingCriterionComputed,
    RatingProposed,
)
from dangjian_core.ratings.state import RatingError
from tests.core.commitments_given import (
    CHENG_BK,
    CHENG_JUN,
    COUNTY,
    DAWA,
    HU,
    TAN,
    TOWN,
    WANG,
    YEAR,
    approve,
    assess,
    at,
    conclude,
    concluded_world,
    draft,
    graded,
    pingshan,
    pledged,
    post,
    refused,
    rule,
    submit,
)
from tests.core.world import World

MEMBER, BRANCH = RatedKind.MEMBER, RatedKind.BRANCH
SCALE = (60, 70, 80, 90, 96)


def standard(kind: RatedKind = MEMBER, **options: Any) -> SetStarStandard:
    """The county's standard for the town's members (of 100) or branches (of 110)."""
    top, scale = (100, SCALE) if kind is MEMBER else (110, (60, 70, 80, 85, 90))
    return SetStarStandard(TOWN, YEAR, kind, top, scale, COUNTY, at(370), **options)


def criterion(points: int = 40, kind: RatedKind = MEMBER, actor: str = COUNTY) -> Any:
    """The county counts the commitment score as ``points`` of the standard."""
    return SetCommitmentCriterion(TOWN, YEAR, kind, points, actor, at(370))


def _propose(subject: str = CHENG_JUN, score: int = 55, **options: Any) -> ProposeRating:
    """汪金生 proposes a rating (a member's unless told) with ``score`` typed in."""
    kind = options.pop("kind", MEMBER)
    return ProposeRating(TOWN, YEAR, kind, subject, score, WANG, at(371), **options)


def counted(*then: Any) -> World:
    """程军's commitment concluded at 100.00; the member standard counts it as 40 points."""
    world = concluded_world().copy()
    for command in (standard(), criterion(), *then):
        world.handle(command)
    return world


def test_the_county_counts_the_commitment_score_in_the_member_standard() -> None:
    world = concluded_world().copy()
    world.handle(standard())

    events = world.handle(criterion())

    assert events == [CommitmentCriterionSet(TOWN, YEAR, MEMBER, 40)]
    assert world.handle(criterion()) == []
    [row] = world.views.select("star_standards", {"unit_id": TOWN, "kind": "member"})
    assert row["commitment_points"] == 40


def test_the_towns_own_secretary_does_not_set_the_criterion() -> None:
    world = concluded_world().copy()
    world.handle(standard())

    refused(world, criterion(actor=WANG), Unauthorized)


def test_the_criterion_needs_a_standard_within_whose_maximum_it_fits() -> None:
    world = concluded_world().copy()

    refused(world, criterion(), RatingError)
    world.handle(standard())
    refusal = refused(world, criterion(101), RatingError)
    assert "超过满分" in refusal.zh


def test_a_rating_adds_the_computed_criterion_to_the_score_typed_in() -> None:
    world = counted()

    events = world.handle(_propose(score=55))

    computed = RatingCriterionComputed(
        TOWN, YEAR, MEMBER, CHENG_JUN, "公开承诺", 40, 40, 10000, f"{DAWA}@{YEAR}"
    )
    assert events[0] == computed
    proposed = events[1]
    assert isinstance(proposed, RatingProposed)
    assert (proposed.score, proposed.stars) == (95, 4)
    assert proposed.criteria == (("其余各项", 55), ("公开承诺", 40))
    assert world.handle(_propose(score=55)) == []


def test_itemised_criteria_typed_in_are_kept_beside_the_computed_one() -> None:
    world = counted()
    typed = (("学习教育", 30), ("作用发挥", 28))

    [_, proposed] = world.handle(_propose(score=58, criteria=typed))

    assert isinstance(proposed, RatingProposed)
    assert proposed.criteria == (*typed, ("公开承诺", 40))
    assert proposed.stars == 5


def test_the_criterion_is_recorded_with_its_basis_and_source_for_the_explanation() -> None:
    world = counted(_propose())

    [row] = world.views.select("star_criteria", {"subject_id": CHENG_JUN})

    assert (row["name"], row["points"], row["out_of"], row["basis"], row["source"]) == (
        "公开承诺",
        40,
        40,
        10000,
        "dawa@2017",
    )


def test_a_member_not_yet_assessed_cannot_be_rated_under_the_criterion() -> None:
    world = counted()
    world.handle(draft(HU, day=1))  # 胡汪节 has a commitment, not concluded

    refusal = refused(world, _propose(HU), RatingError)

    assert "尚未评诺" in refusal.zh


def test_the_typed_score_and_the_criterion_together_fit_the_maximum() -> None:
    refused(counted(), _propose(score=61), InvalidCommand)


def test_the_criterion_is_fixed_once_the_kinds_ratings_begin() -> None:
    world = counted(_propose())

    refused(world, criterion(30), RatingError)


def test_a_partial_score_earns_its_share_rounded_half_up() -> None:
    grades = {
        AssessorBody.SELF: {1: Fulfilment.FULFILLED, 2: Fulfilment.FULFILLED},
        AssessorBody.MEETING: {1: Fulfilment.FULFILLED, 2: Fulfilment.FULFILLED},
        AssessorBody.REPRESENTATIVES: {1: Fulfilment.PARTLY, 2: Fulfilment.FULFILLED},
    }
    world = pingshan(rule(), *pledged(CHENG_BK), *graded(CHENG_BK, grades), conclude(CHENG_BK))
    for command in (standard(), criterion()):
        world.handle(command)

    [computed, proposed] = world.handle(_propose(CHENG_BK, 50))

    # pledge 1: 2000 + 4000 + 2000 = 8000; pledge 2: 10000; mean 9000 → 40 × 0.9 = 36
    assert isinstance(computed, RatingCriterionComputed)
    assert (computed.basis, computed.points) == (9000, 36)
    assert isinstance(proposed, RatingProposed)
    assert proposed.score == 86


@pytest.mark.parametrize(
    ("out_of", "score", "points"),
    [(40, 10000, 40), (40, 8125, 33), (40, 8124, 32), (40, 0, 0), (30, 5000, 15)],
)
def test_criterion_points_round_half_up(out_of: int, score: int, points: int) -> None:
    assert criterion_points(out_of, score) == points


def test_a_branch_is_rated_on_its_own_collective_commitment() -> None:
    fulfilled = {body: {1: Fulfilment.FULFILLED} for body in AssessorBody}
    world = pingshan(
        rule(),
        draft(DAWA, 1, actor_id=TAN, post="党支部", content="建设党群服务中心", owner_id=HU),
        submit(DAWA, actor=TAN),
        approve(DAWA, actor=WANG),
        post(DAWA),
        *(assess(DAWA, body, by_item, actor=TAN if body is AssessorBody.SELF else WANG)
          for body, by_item in fulfilled.items()),
        conclude(DAWA, actor=WANG),
        standard(BRANCH, innovation_for_five=True),
        criterion(30, BRANCH),
    )  # fmt: skip

    [computed, proposed] = world.handle(_propose(DAWA, 60, kind=BRANCH, innovation=True))

    assert isinstance(computed, RatingCriterionComputed)
    assert computed.points == 30
    assert isinstance(proposed, RatingProposed)
    assert (proposed.score, proposed.stars) == (90, 5)


def test_without_a_criterion_a_rating_is_proposed_as_before() -> None:
    world = concluded_world().copy()
    world.handle(standard())

    events = world.handle(_propose(score=97))

    assert len(events) == 1
    assert isinstance(events[0], RatingProposed)
    assert events[0].criteria == ()
