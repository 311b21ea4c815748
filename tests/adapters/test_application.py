"""The application end to end on each store: commands in, read models out."""

from __future__ import annotations

import pytest

from adapters.app import Dangjian
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from dangjian_core.tasks.state import NoSlotsLeft
from tests.support import LANZHI, REVIEWER, VOLUNTEER, XINGCAN, issue, later


def test_an_approved_completion_shows_on_the_wall_and_in_the_explanation(app: Dangjian) -> None:
    app.handle(issue("T1", points=5))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.handle(SubmitCompletion("T1", "打扫村口", ("a.jpg",), LANZHI, later(2)))
    app.handle(ApproveCompletion("T1", LANZHI, None, "", REVIEWER, later(3)))

    wall = app.queries.wall("paixilv", "2021-10")
    explanation = app.queries.explain(LANZHI, "2021-10")

    assert (wall[0].standing.person_id, wall[0].standing.total) == (LANZHI, 5)
    assert [line.delta for line in explanation.lines] == [5]
    assert explanation.consistent


def test_the_loser_of_the_last_slot_is_told_no_slots_left(app: Dangjian) -> None:
    app.handle(issue("T1", slots=1))
    app.handle(ClaimTask("T1", LANZHI, later(1)))

    with pytest.raises(NoSlotsLeft):
        app.handle(ClaimTask("T1", XINGCAN, later(1)))

    assert app.queries.task("T1").task["taken"] == 1


def test_a_repeated_command_id_is_answered_not_applied_twice(app: Dangjian) -> None:
    app.handle(issue("T1", slots=2))
    first = app.handle(ClaimTask("T1", VOLUNTEER, later(1)), command_id="c-1")
    again = app.handle(ClaimTask("T1", VOLUNTEER, later(1)), command_id="c-1")

    assert again.replayed
    assert again.events == first.events
    assert app.queries.task("T1").task["taken"] == 1
