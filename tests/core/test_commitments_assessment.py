"""评诺 Assessment at year end: a versioned rule weighs the member's own grade, the
members' meeting's and the villagers' representatives'; each posted pledge gets a score
and an outcome (已兑现 / 部分兑现 / 未兑现), each pledger a score.
"""

from __future__ import annotations

import pytest

from dangjian_core.commitments.commands import AdoptAssessmentRule, WithdrawPledge
from dangjian_core.commitments.events import (
    AssessmentConcluded,
    AssessmentRuleAdopted,
    CommitmentAssessed,
)
from dangjian_core.commitments.queries import explain_score
from dangjian_core.commitments.state import CommitmentError
from dangjian_core.commitments.values import (
    AssessmentRule,
    AssessorBody,
    Fulfilment,
    PledgeGrade,
    PledgeResult,
)
from dangjian_core.kernel.errors import Unauthorized
from tests.core.commitments_given import (
    ALL_FULFILLED,
    CHEN,
    CHENG_JUN,
    DAWA,
    HU,
    SISHAN,
    TAN,
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

F, P, N = Fulfilment.FULFILLED, Fulfilment.PARTLY, Fulfilment.NOT_FULFILLED
SELF, MEETING, REPS = AssessorBody.SELF, AssessorBody.MEETING, AssessorBody.REPRESENTATIVES

# --- the rule ----------------------------------------------------------------------


def test_the_branch_adopts_its_rule_and_adopting_another_makes_the_next_version() -> None:
    world = pingshan()

    first = world.handle(rule())
    again = world.handle(rule())
    second = world.handle(rule(30, 40, 30, day=2))

    assert first == [AssessmentRuleAdopted(DAWA, YEAR, 1, AssessmentRule(20, 40, 40, 50, 85, 40))]
    assert again == []
    assert second == [AssessmentRuleAdopted(DAWA, YEAR, 2, AssessmentRule(30, 40, 30, 50, 85, 40))]


def test_a_member_does_not_adopt_the_rule() -> None:
    refused(pingshan(), rule(actor=CHENG_JUN), Unauthorized)


@pytest.mark.parametrize(
    ("weights", "options"),
    [((20, 40, 30), {}), ((20, 40, 40), {"fulfilled_from": 40, "partly_from": 40})],
)
def test_the_weights_make_the_whole_and_the_lines_rise(
    weights: tuple[int, int, int], options: dict[str, int]
) -> None:
    with pytest.raises(ValueError, match=r"100|partly_from"):
        AdoptAssessmentRule(DAWA, YEAR, *weights, TAN, at(1), **options)


def test_the_rule_is_fixed_once_an_assessment_is_concluded() -> None:
    world = concluded_world().copy()

    refusal = refused(world, rule(30, 40, 30, day=365), CommitmentError)

    assert "规则不能再改" in refusal.zh


# --- the bodies' grades ------------------------------------------------------------


def test_a_body_grades_every_posted_pledge_once_all_are_due() -> None:
    world = pingshan(rule(), *pledged())

    [event] = world.handle(assess(CHENG_JUN, MEETING, {1: F, 2: P}))

    assert event == CommitmentAssessed(
        DAWA, YEAR, CHENG_JUN, MEETING, (PledgeGrade(1, F), PledgeGrade(2, P)), ""
    )
    assert world.handle(assess(CHENG_JUN, MEETING, {1: F, 2: P})) == []


def test_no_assessment_before_the_last_pledge_falls_due() -> None:
    world = pingshan(rule(), *pledged())

    refusal = refused(world, assess(CHENG_JUN, SELF, {1: F, 2: F}, day=300), CommitmentError)

    assert "2017-12-31 到期" in refusal.zh


def test_every_posted_pledge_is_graded() -> None:
    world = pingshan(rule(), *pledged())

    refusal = refused(world, assess(CHENG_JUN, MEETING, {1: F}), CommitmentError)

    assert "第 1、2 项" in refusal.zh


def test_the_member_grades_themself_and_nobody_else_does() -> None:
    world = pingshan(rule(), *pledged())

    refused(world, assess(CHENG_JUN, SELF, {1: F, 2: F}, actor=TAN), Unauthorized)
    assert len(world.handle(assess(CHENG_JUN, SELF, {1: F, 2: F}))) == 1


def test_the_committee_does_not_record_the_meetings_grades_of_its_own_commitment() -> None:
    world = pingshan(rule(), draft(TAN), submit(TAN), approve(TAN, actor=CHEN), post(TAN))

    refused(world, assess(TAN, MEETING, {1: F}, actor=TAN), Unauthorized)
    assert len(world.handle(assess(TAN, MEETING, {1: F}, actor=CHEN))) == 1


def test_the_group_leader_grades_the_groups_collective_commitment() -> None:
    world = pingshan(rule(), *pledged(SISHAN, 3))

    [event] = world.handle(assess(SISHAN, SELF, {1: F, 2: F, 3: P}))

    assert isinstance(event, CommitmentAssessed)
    refused(world, assess(SISHAN, SELF, {1: F, 2: F, 3: F}, actor=HU), Unauthorized)


def test_a_later_record_of_the_same_body_replaces_its_grades_until_the_conclusion() -> None:
    world = pingshan(rule(), *pledged(), *graded(CHENG_JUN, ALL_FULFILLED))

    world.handle(assess(CHENG_JUN, REPS, {1: P, 2: F}, day=363.5))
    [event] = world.handle(conclude())

    assert isinstance(event, AssessmentConcluded)
    assert [r.score for r in event.results] == [8000, 10000]


# --- the conclusion ----------------------------------------------------------------


def test_the_conclusion_scores_each_pledge_under_the_rule_and_the_pledger_by_their_mean() -> None:
    grades = {SELF: {1: F, 2: F}, MEETING: {1: P, 2: F}, REPS: {1: F, 2: N}}
    world = pingshan(rule(), *pledged(), *graded(CHENG_JUN, grades))

    events = world.handle(conclude())

    # 1: 20×100 + 40×50 + 40×100 = 8000 (80.00, 部分兑现 under 85);
    # 2: 20×100 + 40×100 + 40×0 = 6000 (60.00, 部分兑现); the mean is 70.00.
    assert events == [
        AssessmentConcluded(
            DAWA,
            YEAR,
            CHENG_JUN,
            1,
            (PledgeResult(1, CHENG_JUN, 8000, P), PledgeResult(2, CHENG_JUN, 6000, P)),
            7000,
        )
    ]
    assert world.handle(conclude(day=365)) == []


def test_the_outcome_lines_decide_fulfilled_partly_and_not() -> None:
    grades = {SELF: {1: F, 2: N}, MEETING: {1: F, 2: N}, REPS: {1: F, 2: P}}
    world = pingshan(rule(), *pledged(), *graded(CHENG_JUN, grades))

    [event] = world.handle(conclude())

    assert isinstance(event, AssessmentConcluded)
    assert [(r.score, r.outcome) for r in event.results] == [(10000, F), (2000, N)]
    assert event.score == 6000


def test_no_conclusion_without_a_rule() -> None:
    world = pingshan(*pledged(), *graded(CHENG_JUN, ALL_FULFILLED))

    refusal = refused(world, conclude(), CommitmentError)

    assert "尚未采用评诺规则" in refusal.zh


def test_no_conclusion_while_a_weighted_body_has_not_graded() -> None:
    world = pingshan(rule(), *pledged(), assess(CHENG_JUN, SELF, {1: F, 2: F}))

    refusal = refused(world, conclude(), CommitmentError)

    assert "党员大会评议" in refusal.zh


def test_a_body_with_no_weight_need_not_grade() -> None:
    grades = {MEETING: {1: F, 2: F}, REPS: {1: P, 2: F}}
    world = pingshan(rule(0, 50, 50), *pledged(), *graded(CHENG_JUN, grades))

    [event] = world.handle(conclude())

    assert isinstance(event, AssessmentConcluded)
    assert event.score == (7500 + 10000) // 2


def test_a_pledge_withdrawn_after_posting_is_not_scored() -> None:
    withdraw = WithdrawPledge(DAWA, YEAR, CHENG_JUN, 2, "低保户已迁出", TAN, at(200))
    grades = {body: {1: F} for body in AssessorBody}
    world = pingshan(rule(), *pledged(), withdraw, *graded(CHENG_JUN, grades))

    [event] = world.handle(conclude())

    assert isinstance(event, AssessmentConcluded)
    assert [r.item_no for r in event.results] == [1]


def test_only_the_committee_concludes_and_never_its_own() -> None:
    world = pingshan(rule(), *pledged(), *graded(CHENG_JUN, ALL_FULFILLED))

    refused(world, conclude(actor=CHENG_JUN), Unauthorized)


def test_a_concluded_score_is_explained_by_the_rule_and_the_grades() -> None:
    grades = {SELF: {1: F, 2: F}, MEETING: {1: P, 2: F}, REPS: {1: F, 2: N}}
    world = pingshan(rule(), *pledged(), *graded(CHENG_JUN, grades), conclude())
    views, key = world.views, {"unit_id": DAWA, "year": YEAR, "pledger_id": CHENG_JUN}

    [score] = views.select("commitment_scores", key)
    [rule_row] = views.select("commitment_rules", {"unit_id": DAWA, "year": YEAR, "version": 1})
    explained = explain_score(
        score,
        views.select("commitment_pledges", key),
        views.select("commitment_grades", key),
        rule_row,
    )

    assert explained.consistent
    assert explained.score == 7000
    assert [(p.body, p.weight, p.grade, p.points) for p in explained.pledges[0].parts] == [
        (SELF, 20, F, 2000),
        (MEETING, 40, P, 2000),
        (REPS, 40, F, 4000),
    ]
