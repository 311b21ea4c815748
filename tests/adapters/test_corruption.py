"""Damaged stored data in an SQLite file: every reader says which event is corrupt, and
nothing half-applied is left behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.storage.errors import CorruptEvent
from dangjian_core.tasks.commands import ClaimTask, SubmitCompletion
from tests.adapters.stores import village_app
from tests.support import BRANCH, LANZHI, XINGCAN, issue, later


def _path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def _position_of(url: str, stream_id: str, version: int) -> int:
    with sqlite3.connect(_path(url)) as db:
        (position,) = db.execute(
            "SELECT rowid FROM stored_events WHERE originator_id = ? AND originator_version = ?",
            (stream_id, version),
        ).fetchone()
    return int(position)


def _overwrite(url: str, position: int, column: str, value: object) -> None:
    with sqlite3.connect(_path(url)) as db:
        db.execute(f"UPDATE stored_events SET {column} = ? WHERE rowid = ?", (value, position))


@pytest.fixture
def damaged(sqlite_url: str) -> tuple[str, int]:
    """A store whose TaskClaimed event (task-T1 v2) has garbage for bytes; views never run."""
    with village_app(sqlite_url) as app:
        app.handle(issue("T1"))
        app.handle(ClaimTask("T1", LANZHI, later(1)))
        app.handle(ClaimTask("T1", XINGCAN, later(1)))
    position = _position_of(sqlite_url, "task-T1", 2)
    _overwrite(sqlite_url, position, "state", b"\x00\xffnot json at all")
    return sqlite_url, position


@pytest.fixture
def reopened(damaged: tuple[str, int]) -> Iterator[Dangjian]:
    """A fresh application (no cached state) on the damaged file."""
    with open_app(damaged[0]) as app:
        yield app


def _names(error: CorruptEvent, position: int) -> bool:
    return f"position {position} (task-T1 v2)" in error.en and f"第 {position} 条" in error.zh


def test_reading_the_wall_over_a_damaged_event_raises_corrupt_event_naming_its_position(
    damaged: tuple[str, int], reopened: Dangjian
) -> None:
    _url, position = damaged

    with pytest.raises(CorruptEvent) as raised:
        reopened.queries.wall(BRANCH, "2021-10")

    assert _names(raised.value, position)


def test_a_damaged_event_stops_the_views_before_it_and_applies_nothing_of_its_page(
    damaged: tuple[str, int], reopened: Dangjian
) -> None:
    with pytest.raises(CorruptEvent):
        reopened.catch_up()

    with reopened.store.views() as views:
        assert (0, []) == (views.position(), views.select("tasks", {}))


def test_replaying_a_damaged_log_raises_corrupt_event_naming_its_position(
    damaged: tuple[str, int], reopened: Dangjian
) -> None:
    _url, position = damaged

    with pytest.raises(CorruptEvent) as raised:
        replay_check(reopened.store)

    assert _names(raised.value, position)


def test_a_command_on_the_damaged_stream_raises_corrupt_event_and_writes_nothing(
    damaged: tuple[str, int], reopened: Dangjian
) -> None:
    _url, position = damaged
    before = reopened.store.max_position()

    with pytest.raises(CorruptEvent) as raised:
        reopened.handle(SubmitCompletion("T1", "完成", (), XINGCAN, later(2)))

    assert _names(raised.value, position)
    assert before == reopened.store.max_position()


def test_following_the_feed_over_a_damaged_event_raises_corrupt_event(
    damaged: tuple[str, int], reopened: Dangjian
) -> None:
    _url, position = damaged

    with pytest.raises(CorruptEvent) as raised:
        list(reopened.feed())

    assert _names(raised.value, position)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        pytest.param("topic", "TaskExploded", id="unknown-topic"),
        pytest.param("topic", "TaskIssued", id="another-types-topic"),
        pytest.param("state", b"", id="empty-state"),
        pytest.param("state", b'{"v":1}', id="envelope-only"),
        pytest.param("state", "文本而非字节", id="text-state"),
        pytest.param("state", None, id="null-state"),
        pytest.param("state", 12345, id="number-state"),
        pytest.param("topic", None, id="null-topic"),
        pytest.param("originator_version", "two", id="text-version"),
        pytest.param("originator_version", None, id="null-version"),
    ],
)
def test_any_damage_to_a_row_is_reported_as_corrupt_event(
    sqlite_url: str, column: str, value: object
) -> None:
    with village_app(sqlite_url) as app:
        app.handle(issue("T1"))
        app.handle(ClaimTask("T1", LANZHI, later(1)))
    position = _position_of(sqlite_url, "task-T1", 2)
    _overwrite(sqlite_url, position, column, value)

    with open_app(sqlite_url) as app, pytest.raises(CorruptEvent) as raised:
        app.queries.wall(BRANCH, "2021-10")

    assert f"position {position} (task-T1" in raised.value.en
    assert f"第 {position} 条" in raised.value.zh


def test_damage_after_the_views_caught_up_is_still_found_by_replay(
    sqlite_url: str, tmp_path: Path
) -> None:
    # given views already caught up past the event that is then damaged
    with village_app(sqlite_url) as app:
        app.handle(issue("T1"))
        app.catch_up()
    position = _position_of(sqlite_url, "task-T1", 1)
    _overwrite(sqlite_url, position, "state", b"{}")

    # then the live views still answer, but a replay cannot vouch for them
    with open_app(sqlite_url) as app:
        assert app.queries.task("T1").task["title"]
        with pytest.raises(CorruptEvent) as raised:
            replay_check(app.store)
    assert f"position {position} (task-T1 v1)" in raised.value.en
