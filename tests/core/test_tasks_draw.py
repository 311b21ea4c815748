"""抽签窗口 — claims during the window are collected, the slots drawn at its end by a rule
anyone can recompute, and then first come, first served again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized
from dangjian_core.tasks import draw as lots
from dangjian_core.tasks.events import (
    ClaimWaitlisted,
    DrawEntered,
    SlotsDrawn,
    TaskClaimed,
    WaitlistPromoted,
)
from dangjian_core.tasks.state import ClaimStatus, DrawPending, NoDraw
from tests.core.given import T1, given, then_state, when
from tests.core.tasks_fair_given import (
    SEED,
    SEED_KIND,
    claim,
    draw_slots,
    issue_fair,
    issued_fair,
    withdraw,
)
from tests.support import LANZHI, ORGANIZER, T0, VOLUNTEER, XINGCAN

WINDOW = 30  # minutes


def windowed(slots: int = 1) -> object:
    return issued_fair(slots=slots, window=WINDOW)


def entered(*people: str) -> list[object]:
    return [DrawEntered(T1, p) for p in people]  # type: ignore[arg-type]


def test_a_task_issued_with_a_window_records_its_end_and_a_waitlist() -> None:
    event = issued_fair(window=WINDOW)

    assert T0 + timedelta(minutes=WINDOW) == event.draw_until
    assert event.waitlist


def test_a_window_ending_after_the_deadline_is_refused() -> None:
    with pytest.raises(InvalidCommand, match="抽签窗口"):
        when(issue_fair(window=7 * 24 * 60), None)


def test_a_claim_during_the_window_is_collected_not_granted() -> None:
    state = given(windowed())

    events = when(claim(LANZHI, hours=0.1), state)

    assert [DrawEntered(T1, LANZHI)] == events
    assert 0 == then_state(state, events).taken


def test_every_claim_during_the_window_enters_however_few_the_slots() -> None:
    state = given(windowed(slots=1), *entered(LANZHI))

    assert [DrawEntered(T1, XINGCAN)] == when(claim(XINGCAN, hours=0.2), state)


def test_after_the_window_no_claim_is_granted_before_the_draw() -> None:
    state = given(windowed(), *entered(LANZHI))

    with pytest.raises(DrawPending, match="须先抽签"):
        when(claim(XINGCAN, hours=1), state)


def test_the_draw_before_the_window_ends_is_refused() -> None:
    state = given(windowed(), *entered(LANZHI))

    with pytest.raises(NoDraw):
        when(draw_slots(hours=0.25), state)


def test_a_task_without_a_window_has_no_draw() -> None:
    state = given(issued_fair(slots=1))

    with pytest.raises(NoDraw):
        when(draw_slots(hours=1), state)


def test_the_draw_grants_the_slots_to_the_first_ranked_and_waitlists_the_rest() -> None:
    state = given(windowed(slots=1), *entered(XINGCAN, LANZHI, VOLUNTEER))

    [event] = when(draw_slots(), state)

    assert isinstance(event, SlotsDrawn)
    expected = lots.draw(SEED, "T1", [LANZHI, XINGCAN, VOLUNTEER], 1)
    assert expected.winners == event.winners
    assert expected.waitlist == event.waitlist
    assert tuple(sorted((LANZHI, XINGCAN, VOLUNTEER))) == event.entrants
    assert (SEED, 42, SEED_KIND, lots.RULE) == (
        event.seed, event.seed_position, event.seed_kind, event.rule,
    )  # fmt: skip
    after = then_state(state, [event])
    assert 1 == after.taken
    assert event.waitlist == after.waitlist
    assert all(after.claim_of(p).status == ClaimStatus.WAITING for p in event.waitlist)


def test_holding_the_draw_again_changes_nothing() -> None:
    state = given(windowed(), *entered(LANZHI))
    drawn = then_state(state, when(draw_slots(), state))

    assert [] == when(draw_slots(hours=2, seed="ab" * 32), drawn)


def test_after_the_draw_it_is_first_come_first_served_with_the_waitlist() -> None:
    state = given(windowed(slots=2), *entered(LANZHI))
    drawn = then_state(state, when(draw_slots(), state))

    assert [TaskClaimed(T1, XINGCAN)] == when(claim(XINGCAN, hours=2), drawn)
    full = then_state(drawn, [TaskClaimed(T1, XINGCAN)])
    assert [ClaimWaitlisted(T1, VOLUNTEER, 1)] == when(claim(VOLUNTEER, hours=3), full)


def test_a_winner_withdrawing_promotes_the_first_drawn_loser() -> None:
    state = given(windowed(slots=1), *entered(LANZHI, XINGCAN, VOLUNTEER))
    [event] = when(draw_slots(), state)
    drawn = then_state(state, [event])

    events = when(withdraw(event.winners[0], hours=3), drawn)

    assert WaitlistPromoted(T1, event.waitlist[0]) == events[-1]


def test_an_entrant_may_leave_before_the_draw_and_is_not_drawn() -> None:
    state = given(windowed(), *entered(LANZHI, XINGCAN))
    left = then_state(state, when(withdraw(LANZHI, hours=0.2), state))

    [event] = when(draw_slots(), left)

    assert (XINGCAN,) == event.entrants


def test_anyone_registered_may_ask_for_the_draw_but_not_a_stranger() -> None:
    state = given(windowed(), *entered(LANZHI))

    assert when(draw_slots(actor=VOLUNTEER), state)
    with pytest.raises(Unauthorized):
        when(draw_slots(actor="stranger"), state)


def test_a_weighted_draw_records_each_entrants_approved_tasks() -> None:
    state = given(issued_fair(slots=1, window=WINDOW, weighted=True), *entered(LANZHI, XINGCAN))

    [event] = when(draw_slots(), state)

    assert lots.WEIGHTED_RULE == event.rule
    assert (0, 0) == event.approved


def test_the_organizer_issues_with_a_window_only_before_the_deadline() -> None:
    assert issue_fair(window=WINDOW).draw_minutes == WINDOW
    assert ORGANIZER == issue_fair().actor_id


def test_the_window_is_marked_closed_once_after_its_end() -> None:
    from dangjian_core.tasks.commands import CloseDrawWindow
    from dangjian_core.tasks.events import DrawWindowClosed

    state = given(windowed(), *entered(LANZHI))
    mark = CloseDrawWindow(T1, VOLUNTEER, T0 + timedelta(hours=1))

    assert [DrawWindowClosed(T1)] == when(mark, state)
    assert [] == when(mark, then_state(state, [DrawWindowClosed(T1)]))
    with pytest.raises(NoDraw):
        when(attrs_at(mark, T0), state)


def attrs_at(command: object, at: object) -> object:
    import attrs

    return attrs.evolve(command, at=at)  # type: ignore[misc]


def test_a_weighted_draw_counts_each_entrants_approved_tasks_of_the_cycle() -> None:
    import attrs

    from dangjian_core.catalog import decide
    from dangjian_core.kernel.facts import MemoryFacts
    from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
    from tests.core.given import Village
    from tests.support import REVIEWER, later

    place = Village.seeded()
    place.handle(attrs.evolve(issue_fair(slots=2), task_id="T0"))
    place.handle(ClaimTask("T0", LANZHI, later(0.1)))  # type: ignore[arg-type]
    place.handle(SubmitCompletion("T0", "完成", (), LANZHI, later(0.2)))  # type: ignore[arg-type]
    place.handle(ApproveCompletion("T0", LANZHI, None, "", REVIEWER, later(0.3)))  # type: ignore[arg-type]
    place.handle(issue_fair(slots=1, window=WINDOW, weighted=True))
    place.handle(claim(LANZHI, hours=0.4))
    place.handle(claim(XINGCAN, hours=0.4))
    facts = MemoryFacts(dict(place.states), place.views(), len(place.log))

    [event] = decide(draw_slots(), place.task(), facts)

    assert dict(zip(event.entrants, event.approved, strict=True)) == {LANZHI: 1, XINGCAN: 0}
