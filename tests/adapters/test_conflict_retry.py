"""On a version conflict the stream is reloaded and the command decided again (bounded)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest

from adapters.app import Dangjian
from adapters.app.handling import CONFLICT_RETRIES
from adapters.storage.errors import VersionConflict
from adapters.storage.store import NewEvent
from dangjian_core.tasks.commands import ClaimTask
from tests.support import LANZHI, issue, later


def _conflicting(app: Dangjian, monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    """Make the next ``times`` appends fail as if another writer got in first."""
    writing, seen = app.store.writing, [0]

    @contextmanager
    def with_conflicts(stream_id: str) -> Iterator[Any]:
        with writing(stream_id) as tx:
            append = tx.append

            def append_or_conflict(sid: str, events: Sequence[NewEvent]) -> list[int]:
                seen[0] += 1
                if seen[0] <= times:
                    raise VersionConflict("版本冲突", f"{sid} moved on")
                return append(sid, events)

            monkeypatch.setattr(tx, "append", append_or_conflict)
            yield tx

    monkeypatch.setattr(app.store, "writing", with_conflicts)
    return seen


def test_a_command_that_meets_a_conflict_is_decided_again_and_recorded_once(
    app: Dangjian, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.handle(issue("T1", slots=2))
    attempts = _conflicting(app, monkeypatch, times=1)

    outcome = app.handle(ClaimTask("T1", LANZHI, later(1)))

    assert 2 == attempts[0]
    assert 1 == len(outcome.events)
    assert 1 == app.queries.task("T1").task["taken"]


def test_conflicts_that_never_stop_end_in_a_version_conflict_and_write_nothing(
    app: Dangjian, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.handle(issue("T1", slots=2))
    before = app.store.max_position()
    attempts = _conflicting(app, monkeypatch, times=CONFLICT_RETRIES)

    with pytest.raises(VersionConflict):
        app.handle(ClaimTask("T1", LANZHI, later(1)))

    assert CONFLICT_RETRIES == attempts[0]
    assert before == app.store.max_position()
