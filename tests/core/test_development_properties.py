"""Invariants of the development list, for any standings and any objections:

- the ranking is a total order (ranks 1..n, each tie explained by a rule);
- the quota is never exceeded, however objections are resolved;
- an upheld objection always promotes the next eligible activist;
- replaying the recorded events reproduces the confirmed list.
"""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core.development.decisions import decide
from dangjian_core.development.decisions import evolve as evolve_state
from dangjian_core.development.events import ObjectionUpheld
from dangjian_core.development.state import DEVELOPMENT
from dangjian_core.evaluation.state import EvaluationState, FrozenStandings, Standing
from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from tests.core.development_given import (
    CLOSE,
    CYCLE,
    confirm,
    dismiss,
    objection,
    post,
    propose,
    uphold,
)
from tests.core.development_given import village as seed_village
from tests.support import BRANCH

_row = st.tuples(
    st.integers(0, 5),  # total: few values, so ties are common
    st.integers(0, 3),  # credits
    st.integers(1, 6),  # reached position
    st.booleans(),  # a year as activist at the close?
    st.booleans(),  # vetoed?
)
standings_st = st.lists(_row, min_size=1, max_size=8)


def village(rows: list[tuple[int, int, int, bool, bool]], quota: int):  # type: ignore[no-untyped-def]
    people = {}
    frozen = []
    for i, (total, credits, reached, senior, vetoed) in enumerate(rows):
        pid = PersonId(f"a{i}")
        since = date(2020, 1, 1) if senior else date(2022, 6, 1)
        history = (StatusPeriod(PartyStatus.ACTIVIST, since),)
        people[pid] = PersonState(pid, BRANCH, f"积极分子{i}", history)
        frozen.append(Standing(pid, 0 if vetoed else total, credits, reached, (), vetoed=vetoed))
    evaluation = EvaluationState(
        BRANCH, CYCLE, quota=quota, closed=FrozenStandings(CLOSE, tuple(frozen))
    )
    return seed_village(evaluation, people={**seed_village().people, **people})


@settings(max_examples=150, deadline=None)
@given(standings_st, st.integers(0, 5))
def test_the_ranking_is_a_total_order_with_every_tie_explained(rows, quota) -> None:  # type: ignore[no-untyped-def]
    [event] = decide(propose(), DEVELOPMENT.initial(), village(rows, quota))

    ranking = event.ranking
    assert list(range(1, len(rows) + 1)) == [e.rank for e in ranking]
    assert len(rows) == len({e.person_id for e in ranking})
    for above, below in itertools.pairwise(ranking):
        assert above.total >= below.total
        assert (above.total == below.total) == (below.separated_by is not None)


@settings(max_examples=150, deadline=None)
@given(
    standings_st,
    st.integers(0, 5),
    st.lists(st.tuples(st.integers(0, 7), st.booleans()), max_size=6),
)
def test_the_quota_is_never_exceeded_and_upheld_objections_promote_the_next_eligible(
    rows, quota, objections
) -> None:  # type: ignore[no-untyped-def]
    directory = village(rows, quota)
    state = DEVELOPMENT.initial()
    for command in (propose(), post()):
        for event in decide(command, state, directory):
            state = evolve_state(state, event)
    assert len(state.selected) <= quota
    for n, (who, upheld) in enumerate(objections):
        if not state.selected:
            break
        about = state.selected[who % len(state.selected)]
        oid = f"O{n}"
        for event in decide(objection(oid, about), state, directory):
            state = evolve_state(state, event)
        expected = state.next_eligible()
        resolve = uphold(oid) if upheld else dismiss(oid)
        for event in decide(resolve, state, directory):
            if isinstance(event, ObjectionUpheld):
                assert (None if expected is None else expected.person_id) == event.promoted
            state = evolve_state(state, event)
        assert len(state.selected) <= quota
        assert all(e.eligible for e in state.proposal.ranking if e.person_id in state.selected)


@settings(max_examples=100, deadline=None)
@given(standings_st, st.integers(1, 5), st.booleans())
def test_replaying_the_notice_events_reproduces_the_confirmed_list(rows, quota, upheld) -> None:  # type: ignore[no-untyped-def]
    directory = village(rows, quota)
    state, log = DEVELOPMENT.initial(), []

    def run(command):  # type: ignore[no-untyped-def]
        nonlocal state
        new = decide(command, state, directory)
        log.extend(new)
        for event in new:
            state = evolve_state(state, event)
        return new

    run(propose())
    run(post())
    if state.selected:
        run(objection("O1", state.selected[0]))
        run(uphold("O1") if upheld else dismiss("O1"))
    day = date(2022, 10, 17)
    if state.changed_since_notice:
        run(post(on=day))
        day = date(2022, 10, 24)
    [confirmed] = run(confirm(day))

    replayed = DEVELOPMENT.initial()
    for event in log:
        replayed = evolve_state(replayed, event)
    assert confirmed.confirmed == replayed.confirmed == replayed.selected == state.selected
    assert day == confirmed.since
