"""村务决策的不变量 — whatever meetings and publications are attempted, in whatever order
and with whoever present: no step is ever recorded out of the procedure's order, and a
resolution (and any vote) exists only with the quorum of the body's roll that day."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangjian_core.matters.decisions import evolve
from dangjian_core.matters.events import MeetingHeld, MeetingOutcome
from dangjian_core.matters.procedures import FIVE_SUPERVISED
from dangjian_core.matters.values import Body
from tests.core import matters_given as m

STEPS = ("propose", "discuss", "review", "supervise", "resolve")


@cache
def base() -> m.World:
    return m.yalv(m.adopt(FIVE_SUPERVISED), m.open_matter())


@st.composite
def attempts(draw: st.DrawFn) -> list[Any]:
    commands: list[Any] = []
    day = date(2018, 1, 8)
    for _ in range(draw(st.integers(1, 9))):
        day += timedelta(days=draw(st.integers(0, 3)))
        choice = draw(st.sampled_from((*STEPS, "publish")))
        if choice == "publish":
            commands.append(m.publish(day=day))
            continue
        _, roll, _ = m.STEPS[choice]
        present = tuple(p for p in roll if draw(st.booleans()))
        against = draw(st.integers(0, len(present)))
        notice = day - timedelta(days=draw(st.integers(0, 5)))
        more = {"notice_sent_on": notice} if choice == "review" else {}
        commands.append(m.meeting(choice, present, against, day, **more))
    return commands


def _recorded(commands: list[Any]) -> list[Any]:
    world = base().copy()
    for command in commands:
        world.attempt(command)
    return [r.event for r in world.log[len(base().log) :]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attempts())
def test_no_step_is_ever_recorded_out_of_order(commands: list[Any]) -> None:
    state = base().state_of(m.open_matter())
    for event in _recorded(commands):
        matter = state.matters[m.MATTER]
        step = event.steps[0] if isinstance(event, MeetingHeld) else event.step
        assert matter.waiting is not None
        assert matter.waiting.key == step
        state = evolve(state, event)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attempts())
def test_a_resolution_exists_only_with_quorum(commands: list[Any]) -> None:
    for event in _recorded(commands):
        if not isinstance(event, MeetingHeld):
            continue
        step = FIVE_SUPERVISED.steps[FIVE_SUPERVISED.index(event.steps[-1]) or 0]
        assert step.quorum is not None
        assert step.approval is not None
        assert step.quorum.met(len(event.present), len(event.expected))
        assert set(event.present) <= set(event.expected)
        if event.outcome is MeetingOutcome.PASSED:
            assert step.approval.met(event.votes_for, len(event.present))
        if event.body is Body.REPRESENTATIVES:
            assert (
                event.votes_for * 2 > len(event.present)
                or event.outcome is not MeetingOutcome.PASSED
            )
