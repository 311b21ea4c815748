"""The hash chain is linked in the append transaction; refusals land in the attempts log."""

from __future__ import annotations

import pytest

from adapters.app import Dangjian
from adapters.storage.chain import LinkedEvent, extend, genesis
from dangjian_core.tasks.commands import ClaimTask, SubmitCompletion
from dangjian_core.tasks.state import NoSlotsLeft
from tests.support import LANZHI, VOLUNTEER, XINGCAN, issue, later


def _recomputed(app: Dangjian) -> list[bytes]:
    rows = list(app.store.iter_log())
    events = [LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state) for r in rows]
    return [entry.hash for entry in extend(0, genesis(app.store.ledger), events)]


def test_every_stored_event_is_linked_into_the_chain_in_log_order(app: Dangjian) -> None:
    app.handle(issue("T1", slots=2))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.handle(SubmitCompletion("T1", "打扫村口", ("a.jpg",), LANZHI, later(2)))

    chain = app.store.read_chain(0, 10_000)

    assert list(range(1, app.store.max_position() + 1)) == [e.seq for e in chain]
    assert [r.position for r in app.store.iter_log()] == [e.position for e in chain]
    assert _recomputed(app) == [e.hash for e in chain]


def test_a_refused_command_is_kept_in_the_attempts_log_and_writes_no_event(app: Dangjian) -> None:
    app.handle(issue("T1", slots=1))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    before = app.store.max_position()

    with pytest.raises(NoSlotsLeft):
        app.handle(ClaimTask("T1", XINGCAN, later(1)), command_id="late-1")

    [attempt] = app.attempts()
    assert before == app.store.max_position()
    assert before == len(app.store.read_chain(0, 10_000))
    expected = (XINGCAN, "ClaimTask", "task-T1", "late-1", "no_slots")
    assert expected == (
        attempt.actor_id,
        attempt.command_type,
        attempt.stream_id,
        attempt.command_id,
        attempt.code,
    )
    assert later(1).isoformat() == attempt.at


def test_accepted_commands_leave_the_attempts_log_empty(app: Dangjian) -> None:
    app.handle(issue("T1", slots=3))
    app.handle(ClaimTask("T1", VOLUNTEER, later(1)))

    assert [] == app.attempts()
