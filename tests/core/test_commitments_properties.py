"""公开承诺的性质 Properties of public commitments, over generated plays and grades:

- no pledge is ever posted without vetting: whatever commands come, in whatever order and
  by whomever, every pledge a posting puts on the board was approved (or changed) by
  someone other than its owner since its terms were last written;
- the assessment's weights make the whole: the weighted bodies' weights sum to 100, a
  pledge's score is the sum of its parts, between 0 and 100.00, full when every body says
  已兑现, nothing when every body says 未兑现, and never lower for a better grade;
- every concluded score is explained by the events: recomputed from the recorded rule and
  grades it is what was recorded, and the explanation the read models give is consistent.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangjian_core.commitments import scoring
from dangjian_core.commitments.commands import ChangePledge, WithdrawPledge
from dangjian_core.commitments.events import (
    AssessmentConcluded,
    CommitmentPosted,
    PledgeApproved,
    PledgeChanged,
    PledgeDrafted,
    PledgeRevised,
)
from dangjian_core.commitments.queries import explain_score
from dangjian_core.commitments.state import PledgeStatus
from dangjian_core.commitments.values import AssessmentRule, AssessorBody, Fulfilment
from tests.core.commitments_given import (
    CHEN,
    CHENG_BK,
    CHENG_JUN,
    DAWA,
    DUE,
    HU,
    SISHAN,
    TAN,
    YEAR,
    approve,
    assess,
    at,
    book,
    conclude,
    draft,
    pingshan_world,
    pledged,
    post,
    return_,
    revise,
    rule,
    submit,
)

PLAYS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GRADES = settings(max_examples=200, deadline=None)
WHOLE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ACTORS = (TAN, CHEN, CHENG_JUN, HU, CHENG_BK)
PLEDGES = ((CHENG_JUN, 1), (CHENG_JUN, 2), (SISHAN, 1), (SISHAN, 2), (TAN, 1))


def _commands(pledger: str, no: int, actor: str, day: float) -> list[Any]:
    changed = ChangePledge(
        DAWA, YEAR, pledger, no, "党员", "义务清扫组内道路", "每周两次", DUE, "加密", actor, at(day)
    )
    return [
        draft(pledger, no, day=day, actor_id=actor),
        draft(pledger, no, day=day, actor_id=actor, target="每周一次"),
        submit(pledger, day=day, actor=actor),
        approve(pledger, no, actor=actor, day=day),
        return_(pledger, no, actor=actor, day=day),
        revise(pledger, no, day=day, actor_id=actor),
        post(pledger, actor=actor, day=day),
        changed,
        WithdrawPledge(DAWA, YEAR, pledger, no, "调整", actor, at(day)),
    ]


#: A plausible order, so that plays reach postings: 程军's two pledges (one returned and
#: revised) and 司山党小组's first, vetted and posted.
STORY = (
    draft(CHENG_JUN, 1),
    draft(CHENG_JUN, 2),
    draft(SISHAN, 1),
    submit(CHENG_JUN),
    submit(SISHAN),
    return_(CHENG_JUN, 2),
    approve(CHENG_JUN, 1),
    revise(CHENG_JUN, 2),
    submit(CHENG_JUN, day=9),
    approve(CHENG_JUN, 2, day=9),
    approve(SISHAN, 1, day=9),
    post(CHENG_JUN),
    post(SISHAN),
)


@st.composite
def plays(draw: st.DrawFn) -> list[Any]:
    """Some of the story in order, then commands on a few pledges in any order, by the
    committee, owners or others."""
    whole = len(STORY)
    prefix = list(
        STORY[: draw(st.just(whole) | st.integers(whole - 4, whole) | st.integers(0, whole))]
    )
    steps = draw(st.lists(st.tuples(st.integers(0, 8), st.sampled_from(PLEDGES)), max_size=20))
    for day, (which, (pledger, no)) in enumerate(steps, start=20):
        actor = draw(st.sampled_from(ACTORS))
        prefix.append(_commands(pledger, no, actor, day)[which])
    return prefix


def test_the_plausible_order_posts_every_pledge_it_drafts() -> None:
    world = pingshan_world().copy()
    for command in STORY:
        world.handle(command)

    posted = [r.event for r in world.log if isinstance(r.event, CommitmentPosted)]

    assert [(e.pledger_id, e.items) for e in posted] == [(CHENG_JUN, (1, 2)), (SISHAN, (1,))]


@PLAYS
@given(play=plays())
def test_no_pledge_is_ever_posted_without_vetting(play: list[Any]) -> None:
    world = pingshan_world().copy()
    for command in play:
        world.attempt(command)

    vetted: dict[tuple[str, int], bool] = {}
    owners: dict[tuple[str, int], str] = {}
    for recorded in world.log:
        event = recorded.event
        match event:
            case PledgeDrafted() | PledgeRevised():
                vetted[(event.pledger_id, event.item_no)] = False
                owners[(event.pledger_id, event.item_no)] = event.owner_id
            case PledgeApproved() | PledgeChanged():
                assert recorded.actor_id != event.owner_id, recorded
                vetted[(event.pledger_id, event.item_no)] = True
            case CommitmentPosted():
                for no in event.items:
                    assert vetted[(event.pledger_id, no)], recorded
    if world.log and any(isinstance(r.event, PledgeDrafted) for r in world.log):
        for pledger, commitment in book(world).commitments.items():
            for pledge in commitment.pledges.values():
                if pledge.status is PledgeStatus.POSTED:
                    assert vetted[(pledger, pledge.item_no)]
                    assert owners[(pledger, pledge.item_no)] == pledge.owner_id


WEIGHTS = (
    st.tuples(st.integers(0, 100), st.integers(0, 100))
    .filter(lambda pair: sum(pair) <= 100)
    .map(lambda pair: (pair[0], pair[1], 100 - sum(pair)))
)
GRADE = st.sampled_from(list(Fulfilment))


@st.composite
def rules(draw: st.DrawFn) -> AssessmentRule:
    """Any rule the command accepts."""
    weights = draw(WEIGHTS)
    partly_from = draw(st.integers(1, 99))
    fulfilled_from = draw(st.integers(partly_from + 1, 100))
    return AssessmentRule(*weights, draw(st.integers(0, 100)), fulfilled_from, partly_from)


def _better(grade: Fulfilment) -> Fulfilment:
    order = [Fulfilment.NOT_FULFILLED, Fulfilment.PARTLY, Fulfilment.FULFILLED]
    return order[min(order.index(grade) + 1, 2)]


@GRADES
@given(rule=rules(), grades=st.tuples(GRADE, GRADE, GRADE), which=st.integers(0, 2))
def test_the_weights_make_the_whole(
    rule: AssessmentRule, grades: tuple[Fulfilment, ...], which: int
) -> None:
    by_body = dict(zip(AssessorBody, grades, strict=True))
    parts = scoring.parts(rule, by_body)
    score = sum(part.points for part in parts)

    assert sum(part.weight for part in parts) == 100
    assert 0 <= score <= scoring.FULL
    assert (
        sum(
            p.points for p in scoring.parts(rule, dict.fromkeys(AssessorBody, Fulfilment.FULFILLED))
        )
        == scoring.FULL
    )
    assert (
        sum(
            p.points
            for p in scoring.parts(rule, dict.fromkeys(AssessorBody, Fulfilment.NOT_FULFILLED))
        )
        == 0
    )
    body = list(AssessorBody)[which]
    improved = {**by_body, body: _better(by_body[body])}
    assert sum(p.points for p in scoring.parts(rule, improved)) >= score


@WHOLE
@given(
    the_rule=rules(),
    grades=st.lists(st.tuples(GRADE, GRADE, GRADE), min_size=1, max_size=2),
)
def test_every_concluded_score_is_explained_by_the_events(
    the_rule: AssessmentRule, grades: list[tuple[Fulfilment, ...]]
) -> None:
    world = pingshan_world().copy()
    adopt = rule(
        the_rule.self_weight,
        the_rule.meeting_weight,
        the_rule.representatives_weight,
        partly_value=the_rule.partly_value,
        fulfilled_from=the_rule.fulfilled_from,
        partly_from=the_rule.partly_from,
    )
    for command in (adopt, *pledged(CHENG_JUN, len(grades))):
        world.handle(command)
    for index, body in enumerate(AssessorBody):
        world.handle(assess(CHENG_JUN, body, {no: g[index] for no, g in enumerate(grades, 1)}))

    [concluded] = world.handle(conclude())

    value = {Fulfilment.FULFILLED: 100, Fulfilment.PARTLY: the_rule.partly_value}
    weights = (the_rule.self_weight, the_rule.meeting_weight, the_rule.representatives_weight)
    expected = [sum(w * value.get(g, 0) for w, g in zip(weights, gs, strict=True)) for gs in grades]
    assert isinstance(concluded, AssessmentConcluded)
    assert [r.score for r in concluded.results] == expected
    assert concluded.score * len(expected) * 2 in range(
        2 * sum(expected) - len(expected), 2 * sum(expected) + len(expected) + 1
    )
    key = {"unit_id": DAWA, "year": YEAR, "pledger_id": CHENG_JUN}
    views = world.views
    [score_row] = views.select("commitment_scores", key)
    [rule_row] = views.select("commitment_rules", {"unit_id": DAWA, "year": YEAR})
    explained = explain_score(
        score_row,
        views.select("commitment_pledges", key),
        views.select("commitment_grades", key),
        rule_row,
    )
    assert explained.consistent
    assert explained.score == concluded.score
