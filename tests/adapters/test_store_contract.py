"""The event store contract: one body, every backend.

What the application relies on from a store: global order and positions, per-stream
versions, command-id recall, all-or-nothing write transactions, and views that catch up
exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from adapters.app import Dangjian
from adapters.storage import projector
from adapters.storage.errors import StorageError
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.store import CommandRecord, EventStore, NewEvent, StoredRow
from dangjian_core.kernel.readmodel import Upsert
from dangjian_core.tasks.commands import ClaimTask, SubmitCompletion, WithdrawClaim
from tests.support import LANZHI, VOLUNTEER, XINGCAN, issue, later


def _events(first_version: int, *topics: str) -> list[NewEvent]:
    return [
        NewEvent(first_version + i, topic, f'{{"n":{first_version + i}}}'.encode())
        for i, topic in enumerate(topics)
    ]


def _append(store: EventStore, stream_id: str, events: Sequence[NewEvent]) -> list[int]:
    with store.writing(stream_id) as tx:
        return tx.append(stream_id, events)


def store_log(store: EventStore) -> list[StoredRow]:
    """The whole log."""
    return list(store.iter_log())


def _shape(rows: Sequence[StoredRow]) -> list[tuple[int, str, int, str]]:
    return [(r.position, r.stream_id, r.version, r.topic) for r in rows]


def test_an_empty_store_has_no_events_and_position_zero(store: EventStore) -> None:
    assert (0, [], []) == (store.max_position(), store.read_log(0, 10), store.read_stream("a"))


def test_appended_events_get_consecutive_global_positions_in_append_order(
    store: EventStore,
) -> None:
    # given events appended to two streams, interleaved
    first = _append(store, "a", _events(1, "A1", "A2"))
    second = _append(store, "b", _events(1, "B1"))
    third = _append(store, "a", _events(3, "A3"))

    # then positions count up from 1 across streams, and the log reads back in that order
    expected = [(1, "a", 1, "A1"), (2, "a", 2, "A2"), (3, "b", 1, "B1"), (4, "a", 3, "A3")]
    assert ([1, 2], [3], [4]) == (first, second, third)
    assert expected == _shape(store.read_log(0, 100))
    assert 4 == store.max_position()


def test_a_stream_reads_back_its_own_events_with_their_log_positions(store: EventStore) -> None:
    _append(store, "a", _events(1, "A1"))
    _append(store, "b", _events(1, "B1", "B2"))
    _append(store, "a", _events(2, "A2"))

    assert [(1, "a", 1, "A1"), (4, "a", 2, "A2")] == _shape(store.read_stream("a"))
    assert [(4, "a", 2, "A2")] == _shape(store.read_stream("a", after_version=1))
    assert [] == store.read_stream("a", after_version=2)
    assert b'{"n":2}' == store.read_stream("b")[1].state


def test_the_log_reads_in_pages_after_a_position(store: EventStore) -> None:
    _append(store, "a", _events(1, *(f"E{i}" for i in range(1, 8))))

    assert [3, 4, 5] == [r.position for r in store.read_log(2, 3)]
    assert [7] == [r.position for r in store.read_log(6, 100)]
    assert [] == store.read_log(7, 100)
    assert list(range(1, 8)) == [r.position for r in store.iter_log(page=2)]


def test_appending_at_a_version_already_taken_is_refused_and_writes_nothing(
    store: EventStore,
) -> None:
    _append(store, "a", _events(1, "A1", "A2"))

    with pytest.raises(StorageError):
        _append(store, "a", _events(2, "X2", "X3"))

    assert [(1, "a", 1, "A1"), (2, "a", 2, "A2")] == _shape(store.read_log(0, 100))
    assert 2 == store.max_position()


def test_a_write_transaction_that_fails_leaves_no_events_and_no_command_record(
    store: EventStore,
) -> None:
    # given a transaction that appends and remembers, then fails before committing
    def failing_command() -> None:
        with store.writing("a") as tx:
            tx.append("a", _events(1, "A1"))
            tx.remember(CommandRecord("c-1", "digest", "a", 1, 1))
            raise RuntimeError("decide failed")

    with pytest.raises(RuntimeError, match="decide failed"):
        failing_command()

    # then nothing of it was kept
    with store.writing("a") as tx:
        recalled = tx.recall("c-1")
    assert (0, [], None) == (store.max_position(), store.read_stream("a"), recalled)


def test_a_remembered_command_id_is_recalled_with_its_record(store: EventStore) -> None:
    record = CommandRecord("cmd-7", "d1g35t", "task-T1", 3, 2)
    with store.writing("task-T1") as tx:
        tx.remember(record)

    with store.writing("task-T1") as tx:
        assert (record, None) == (tx.recall("cmd-7"), tx.recall("cmd-8"))


def test_a_write_transaction_reads_its_stream_as_committed_before_it(store: EventStore) -> None:
    _append(store, "a", _events(1, "A1"))

    with store.writing("a") as tx:
        assert [(1, "a", 1, "A1")] == _shape(tx.read_stream("a"))
        assert [] == tx.read_stream("a", 1)


def test_versions_of_every_stream_start_at_one_and_are_contiguous(app: Dangjian) -> None:
    # given a task with some history, plus the village set-up
    app.handle(issue("T1", slots=3))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.handle(ClaimTask("T1", VOLUNTEER, later(1)))
    app.handle(WithdrawClaim("T1", VOLUNTEER, later(2)))
    app.handle(SubmitCompletion("T1", "完成", (), LANZHI, later(3)))

    # then each stream's versions are 1..n and the log's positions are 1..max_position
    log = store_log(app.store)
    streams: dict[str, list[int]] = {}
    for row in log:
        streams.setdefault(row.stream_id, []).append(row.version)
    assert {s: list(range(1, len(v) + 1)) for s, v in streams.items()} == streams
    assert list(range(1, app.store.max_position() + 1)) == [row.position for row in log]
    assert [1, 2, 3, 4, 5] == [r.version for r in app.store.read_stream("task-T1")]


def test_a_command_id_is_recalled_by_the_store_after_handling(app: Dangjian) -> None:
    app.handle(issue("T1"), command_id="issue-T1")

    with app.store.writing("task-T1") as tx:
        record = tx.recall("issue-T1")

    assert record is not None
    assert ("task-T1", 1, 1) == (record.stream_id, record.first_version, record.count)


def test_catching_up_twice_applies_nothing_the_second_time(app: Dangjian) -> None:
    # given views that have never been caught up
    app.handle(issue("T1"))
    app.handle(ClaimTask("T1", XINGCAN, later(1)))
    with app.store.views() as views:
        assert 0 == views.position()

    # when catching up twice
    first, second = app.catch_up(), app.catch_up()

    # then the first applies every event and the second none
    assert (app.store.max_position(), 0) == (first, second)


def test_after_catching_up_the_tracking_position_equals_the_last_position(app: Dangjian) -> None:
    app.handle(issue("T1"))
    app.catch_up()
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.catch_up()

    with app.store.views() as views:
        position = views.position()
    assert app.store.max_position() == position


def test_catching_up_in_small_pages_gives_the_same_views_as_one_big_page(
    app: Dangjian, tmp_path: Path
) -> None:
    # given views caught up in one page
    app.handle(issue("T1"))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.catch_up()

    # when the same log is applied three events at a time to a fresh store
    paged = SqliteEventStore(str(tmp_path / "paged.db"))
    try:
        applied = projector.catch_up(paged, page=3, source=app.store)

        # then the views are equal
        with app.store.views() as one_page, paged.views() as many_pages:
            expected = (app.store.max_position(), one_page.dump())
            assert expected == (applied, many_pages.dump())
    finally:
        paged.close()


def test_a_view_transaction_that_fails_leaves_rows_and_position_unchanged(app: Dangjian) -> None:
    # given caught-up views
    app.handle(issue("T1"))
    app.catch_up()
    with app.store.views() as views:
        before = (views.position(), views.dump())

    # when a view transaction changes rows and the position, then fails
    def failing_projection() -> None:
        with app.store.views(write=True) as views:
            views.apply([Upsert("tasks", {"task_id": "T1"}, set={"title": "改"}, add={"taken": 5})])
            views.apply([Upsert("tasks", {"task_id": "T-ghost"}, set={"title": "幽灵"})])
            views.set_position(before[0] + 10)
            raise RuntimeError("projection failed")

    with pytest.raises(RuntimeError, match="projection failed"):
        failing_projection()

    # then neither the rows nor the position moved
    with app.store.views() as views:
        assert before == (views.position(), views.dump())


def test_the_tracking_position_never_moves_backwards(app: Dangjian) -> None:
    app.catch_up()
    position = app.store.max_position()

    def rewind() -> None:
        with app.store.views(write=True) as views:
            views.set_position(position - 1)

    with pytest.raises(Exception):  # noqa: B017, PT011 — each backend refuses in its own words
        rewind()
    with app.store.views() as views:
        assert position == views.position()
