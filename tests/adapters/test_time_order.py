"""时间顺序 — a subject's history is recorded in time order: a command dated before the
latest event of the stream it changes is refused (and writes nothing), so a claim can't
be dated before its task was issued, and an earlier-dated claim typed in later never goes
before one recorded first: the order of claims is the recording order. A command that
changes nothing is still answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import attrs
import pytest

from adapters.app import Dangjian, open_app
from dangjian_core.kernel.errors import OutOfTimeOrder
from dangjian_core.kernel.ids import TaskId
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.state import NoSlotsLeft
from tests.adapters.stores import village_app
from tests.support import LANZHI, T0, XINGCAN, issue, later

T1 = TaskId("T1")


def test_a_claim_dated_before_its_task_was_issued_is_refused(app: Dangjian) -> None:
    app.handle(issue("T1"))
    before = app.store.max_position()

    with pytest.raises(OutOfTimeOrder, match="按时间顺序"):
        app.handle(ClaimTask(T1, LANZHI, later(-1)))

    assert before == app.store.max_position()


def test_an_earlier_dated_claim_typed_later_never_goes_before_one_recorded_first(
    app: Dangjian,
) -> None:
    app.handle(issue("T1", slots=2))
    app.handle(ClaimTask(T1, XINGCAN, later(2)))

    with pytest.raises(OutOfTimeOrder) as refused:
        app.handle(ClaimTask(T1, LANZHI, later(1)))

    assert "time_order" == refused.value.code
    assert [XINGCAN] == [claim["person_id"] for claim in app.queries.task("T1").claims]


def test_the_order_of_claims_for_slots_is_the_recording_order(app: Dangjian) -> None:
    app.handle(issue("T1", slots=1))
    app.handle(ClaimTask(T1, XINGCAN, later(2)))

    with pytest.raises(NoSlotsLeft):  # the slot went to the claim recorded first
        app.handle(ClaimTask(T1, LANZHI, later(1)))


def test_a_command_that_changes_nothing_is_answered_whatever_its_time(app: Dangjian) -> None:
    app.handle(issue("T1"))
    app.handle(ClaimTask(T1, LANZHI, later(2)))

    again = app.handle(ClaimTask(T1, LANZHI, later(1)))

    assert not again.changed


def test_commands_at_the_same_moment_are_in_order(app: Dangjian) -> None:
    app.handle(issue("T1"))

    assert app.handle(ClaimTask(T1, LANZHI, T0)).changed


def test_commands_at_the_servers_time_from_two_processes_never_clash(sqlite_url: str) -> None:
    # two workers whose clocks read a hair apart, the slower one deciding second
    village_app(sqlite_url).close()
    ahead = datetime.now(UTC)
    behind = ahead - timedelta(milliseconds=2)
    with open_app(sqlite_url, clock=lambda: ahead) as first:
        deadline = first.now() + timedelta(days=1)
        first.handle(attrs.evolve(issue("T1"), at=first.now(), deadline=deadline))
        first.submit(ClaimTask, command_id="c1", fresh=True, task_id="T1", actor_id=LANZHI)
    with open_app(sqlite_url, clock=lambda: behind) as second:
        outcome = second.submit(
            ClaimTask, command_id="c2", fresh=True, task_id="T1", actor_id=XINGCAN
        )

    assert outcome.changed
    assert outcome.events[0].at >= ahead
