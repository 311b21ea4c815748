"""抽签的性质 — a draw never grants more than the slots, is a pure function of the seed and
the claimants, whatever order the claims came in; a claim storm into a window gives
exactly the slots' winners and every loser a waitlist position."""

from __future__ import annotations

from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.catalog import decide
from dangjian_core.tasks import draw as lots
from dangjian_core.tasks.events import DrawEntered, SlotsDrawn
from dangjian_core.tasks.state import ClaimStatus
from tests.core.given import fold
from tests.core.tasks_fair_given import activist, claim, crowded, draw_slots, issue_fair

seeds = st.binary(min_size=32, max_size=32).map(bytes.hex)
people = st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True), unique=True, max_size=40)


@for_all(seeds, people, st.integers(0, 50))
def test_a_draw_never_grants_more_than_the_slots_and_ranks_everyone_once(
    seed: str, entrants: list[str], slots: int
) -> None:
    result = lots.draw(seed, "T1", entrants, slots)

    assert len(result.winners) == min(slots, len(entrants))
    assert sorted(result.winners + result.waitlist) == sorted(entrants)


@for_all(seeds, people, st.integers(0, 10), st.randoms(use_true_random=False))
def test_a_draw_is_independent_of_the_order_the_claims_arrived_in(
    seed: str, entrants: list[str], slots: int, rng: object
) -> None:
    shuffled = list(entrants)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]

    assert lots.draw(seed, "T1", entrants, slots) == lots.draw(seed, "T1", shuffled, slots)


@for_all(seeds, people, st.integers(0, 10), st.data())
def test_a_weighted_draw_is_a_pure_function_of_seed_claimants_and_counts(
    seed: str, entrants: list[str], slots: int, data: st.DataObject
) -> None:
    counts = {p: data.draw(st.integers(0, 20)) for p in entrants}

    first = lots.draw(seed, "T1", entrants, slots, counts)
    again = lots.draw(seed, "T1", list(reversed(entrants)), slots, dict(reversed(counts.items())))

    assert first == again
    assert len(first.winners) == min(slots, len(entrants))


def test_weighting_favours_people_with_fewer_approved_tasks() -> None:
    entrants = [f"p{i}" for i in range(200)]
    busy = {p: (10 if i % 2 else 0) for i, p in enumerate(entrants)}
    wins_of_idle = 0
    for n in range(20):
        result = lots.draw(f"{n:064x}", "T1", entrants, 20, busy)
        wins_of_idle += sum(1 for p in result.winners if busy[p] == 0)

    assert wins_of_idle > 300  # of 400 slots: far above the unweighted half


def test_a_different_seed_gives_a_different_order() -> None:
    entrants = [f"p{i}" for i in range(30)]

    assert lots.draw_order("00" * 32, "T1", entrants) != lots.draw_order("01" * 32, "T1", entrants)


def test_a_claim_storm_of_1000_into_a_window_of_200_slots() -> None:
    facts = crowded(1000)
    state = fold_task(facts)
    for n in reversed(range(1000)):  # arrival order is irrelevant: any will do
        [event] = decide(claim(activist(n), hours=0.1), state, facts)
        assert isinstance(event, DrawEntered)
        state = fold_one(state, event)

    [drawn] = decide(draw_slots(hours=1), state, facts)

    assert isinstance(drawn, SlotsDrawn)
    assert 200 == len(drawn.winners)
    assert 800 == len(drawn.waitlist)
    after = fold_one(state, drawn)
    assert 200 == after.taken
    assert drawn.waitlist == after.waitlist  # every loser has a position: its index + 1
    assert all(after.claim_of(p).status == ClaimStatus.WAITING for p in drawn.waitlist)
    assert set(drawn.winners).isdisjoint(drawn.waitlist)


def fold_task(facts: object) -> object:
    events = decide(issue_fair(slots=200, window=30), None, facts)  # type: ignore[arg-type]
    return fold_events(events)


def fold_events(events: list[object]) -> object:
    from dangjian_core.tasks import CONCEPT

    return fold(CONCEPT, events)


def fold_one(state: object, event: object) -> object:
    from dangjian_core.tasks import CONCEPT

    return CONCEPT.evolve(state, event)  # type: ignore[arg-type]
