"""公平领办 through the application, on every store: a draw window's seed is the log's
head at the first event recorded at or after its end, the draw is held once, the
inspector's ``audit draw`` recomputes it from the log alone, and a tampered draw or a
clock that disagrees around the seed is named."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import attrs
import pytest

from adapters.app import Dangjian, open_app
from adapters.audit.draw_check import check_draw
from adapters.audit.draw_seed import SEED_KIND, hold_draw, log_head
from adapters.views.tasks import place_of, waitlist
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.tasks.commands import DrawSlots
from dangjian_core.tasks.events import DrawWindowClosed, SlotsDrawn, WaitlistPromoted
from tests import support
from tests.core.tasks_fair_given import claim, issue_fair, withdraw
from tests.support import LANZHI, ORGANIZER, VOLUNTEER, XINGCAN, later


class Clock:
    """The server's clock, set by the test."""

    def __init__(self) -> None:
        self.now = later(0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def village(store_url: str, clock: Clock) -> Iterator[Dangjian]:
    """派溪吕村 with T1 (1 slot) open for a 30-minute draw, three entrants in it."""
    app = open_app(store_url, clock=clock)
    for command in support.setup_commands():
        app.handle(command)
    app.handle(issue_fair(slots=1, window=30))
    clock.now = later(0.2)
    for person in (XINGCAN, LANZHI, VOLUNTEER):
        app.handle(claim(person, hours=0.2))
    try:
        yield app
    finally:
        app.store.close()


def drawn_event(app: Dangjian) -> SlotsDrawn:
    from adapters.storage.mapper import recorded_of

    rows = app.store.read_stream("task-T1")
    found = [recorded_of(r).event for r in rows if r.topic == "SlotsDrawn"]
    assert len(found) == 1
    assert isinstance(found[0], SlotsDrawn)
    return found[0]


def test_no_draw_is_held_before_the_window_ends(village: Dangjian) -> None:
    assert [] == hold_draw(village, "T1", ORGANIZER)


def test_a_quiet_log_gets_the_windows_close_recorded_and_its_head_seeds_the_draw(
    village: Dangjian, clock: Clock
) -> None:
    clock.now = later(1)

    outcomes = hold_draw(village, "T1", ORGANIZER)

    closed, drawn = (outcome.events[0] for outcome in outcomes)
    assert isinstance(closed.event, DrawWindowClosed)
    assert isinstance(drawn.event, SlotsDrawn)
    assert closed.position == drawn.event.seed_position
    assert (drawn.event.seed, SEED_KIND) == log_head(village.store, closed.position)
    assert 1 == len(drawn.event.winners)
    assert [] == hold_draw(village, "T1", ORGANIZER)  # held once


def test_the_inspector_recomputes_the_draw_from_the_log(village: Dangjian, clock: Clock) -> None:
    clock.now = later(1)
    hold_draw(village, "T1", ORGANIZER)

    found = check_draw(village.store, "T1")

    assert found.matches, found.problems
    assert () == found.flags
    assert (found.recomputed.winners, found.recomputed.waitlist) == (
        drawn_event(village).winners,
        drawn_event(village).waitlist,
    )


def test_the_losers_wait_in_draw_order_and_a_withdrawal_promotes_the_first(
    village: Dangjian, clock: Clock
) -> None:
    clock.now = later(1)
    hold_draw(village, "T1", ORGANIZER)
    drawn = drawn_event(village)
    view = village.queries.task("T1")

    assert [c["person_id"] for c in waitlist(view)] == list(drawn.waitlist)
    assert 1 == place_of(view, drawn.waitlist[0])

    clock.now = later(2)
    outcome = village.handle(withdraw(drawn.winners[0], hours=2))

    assert WaitlistPromoted("T1", drawn.waitlist[0]) == outcome.events[-1].event  # type: ignore[arg-type]
    after = village.queries.task("T1")
    assert 1 == after.task["taken"]
    assert [drawn.waitlist[1]] == [c["person_id"] for c in waitlist(after)]


def test_a_draw_recorded_with_another_seed_does_not_match(village: Dangjian, clock: Clock) -> None:
    clock.now = later(1)
    position = village.store.max_position()
    village.handle(DrawSlots("T1", "ff" * 32, position, SEED_KIND, ORGANIZER, later(1)))  # type: ignore[arg-type]

    found = check_draw(village.store, "T1")

    assert not found.matches
    assert any("种子" in problem for problem in found.problems)


def test_an_event_dated_after_the_window_but_recorded_before_the_seed_is_flagged(
    village: Dangjian, clock: Clock
) -> None:
    # The server's clock still inside the window (09:27), a command dated 09:31, after
    # its end (09:30): within the clock skew allowed, so it is recorded before the seed.
    clock.now = later(0.45)
    village.handle(attrs.evolve(issue_fair(slots=1), task_id="T2", at=later(0.52)))
    clock.now = later(1)
    hold_draw(village, "T1", ORGANIZER)

    found = check_draw(village.store, "T1")

    assert found.matches
    assert any("窗口结束之后" in flag for flag in found.flags)


def test_a_scheme_file_states_its_no_show_rule_and_stores_without_it_as_before() -> None:
    import json

    from adapters.scheme_files import parse_scheme, read_scheme
    from adapters.storage.mapper import converter, dumps

    base = read_scheme("examples/schemes/paixilv.toml")
    text = Path("examples/schemes/paixilv.toml").read_text(encoding="utf-8")

    scheme = parse_scheme(text + '\n[no_show]\ndeduction = "unfinished"\nblock_days = 14\n')

    assert scheme.no_show is not None
    assert (14, "unfinished") == (scheme.no_show.block_days, scheme.no_show.deduction)
    assert "no_show" not in json.loads(dumps(converter.unstructure(base)))
    with pytest.raises(InvalidCommand, match="no_show"):
        parse_scheme(text + "\n[no_show]\nblock_days = 3\nhours = 2\n")
