"""Group commit: threads writing at once share one transaction and one fsync, each
decided on what the ones before it wrote, each with its own outcome; none returns before
the commit holding its work, a failing member leaves nothing and the others keep theirs,
and a failed commit fails every member of the group."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from adapters.app import Dangjian
from adapters.storage.errors import StorageError
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.sqlite.group import GroupCommit
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.events import Audience
from dangjian_core.tasks.state import NoSlotsLeft
from tests import support
from tests.support import BRANCH, ORGANIZER, T0, issue, later


class Disk:
    """A file with one table, a way to begin write transactions on it (failing at commit
    when told), and a reader on another connection."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.fail_commit = False
        with sqlite3.connect(self.path) as setup:
            setup.execute("CREATE TABLE items (name TEXT PRIMARY KEY)")

    @contextmanager
    def begin(self) -> Iterator[Any]:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        cursor = connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
            if self.fail_commit:
                raise sqlite3.OperationalError("disk I/O error")
        except BaseException:
            connection.rollback()
            raise
        else:
            connection.commit()
        finally:
            connection.close()

    def committed(self) -> set[str]:
        with sqlite3.connect(self.path) as reader:
            return {row[0] for row in reader.execute("SELECT name FROM items")}


def _waiting(writer: GroupCommit) -> int:
    with writer._turn:
        return writer._waiting


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def _group_of_three(
    disk: Disk, writer: GroupCommit, second: Callable[[Any], None] | None = None
) -> tuple[dict[str, Any], dict[str, set[str]]]:
    """One member holds the turn while two more queue behind it, then all three write
    (the second through ``second`` if given). What each returned or raised, and what was
    committed when each returned."""
    outcome: dict[str, Any] = {}
    seen: dict[str, set[str]] = {}

    def member(name: str, write: Callable[[Any], None] | None = None) -> None:
        try:
            with writer.member() as turn:
                (write or (lambda c: c.execute("INSERT INTO items VALUES (?)", (name,))))(
                    turn.cursor
                )
        except BaseException as error:  # handed to the test
            outcome[name] = error
        else:
            outcome[name] = None
        seen[name] = disk.committed()

    with writer.member() as turn:
        turn.cursor.execute("INSERT INTO items VALUES ('first')")
        threads = [
            threading.Thread(target=member, args=("second", second)),
            threading.Thread(target=member, args=("third",)),
        ]
        threads[0].start()
        _until(lambda: _waiting(writer) == 1)
        threads[1].start()
        _until(lambda: _waiting(writer) == 2)
    seen["first"] = disk.committed()
    for thread in threads:
        thread.join(10)
    return outcome, seen


def test_members_waiting_together_share_one_commit(tmp_path: Path) -> None:
    # given a writer holding the turn while two more threads queue for it
    disk = Disk(tmp_path / "items.db")
    writer = GroupCommit(disk.begin, timeout=10)

    # when all three write
    outcome, seen = _group_of_three(disk, writer)

    # then one transaction holds all three, and each returned only once it was committed
    assert {"second": None, "third": None} == outcome
    assert 1 == writer.commits
    assert {"first", "second", "third"} == disk.committed()
    assert all({"first", "second", "third"} == rows for rows in seen.values())


def test_a_failing_member_leaves_nothing_and_the_others_keep_theirs(tmp_path: Path) -> None:
    # given three writers in one group, the second failing after it wrote
    disk = Disk(tmp_path / "items.db")
    writer = GroupCommit(disk.begin, timeout=10)

    def write_then_fail(cursor: Any) -> None:
        cursor.execute("INSERT INTO items VALUES ('second')")
        raise RuntimeError("a decision failed")

    # when they write
    outcome, _ = _group_of_three(disk, writer, write_then_fail)

    # then the failing one gets its error and nothing of it is kept; the others commit
    assert isinstance(outcome["second"], RuntimeError)
    assert None is outcome["third"]
    assert {"first", "third"} == disk.committed()


def test_a_failed_commit_fails_every_member_and_keeps_nothing(tmp_path: Path) -> None:
    # given a group of three whose commit will fail (the disk)
    disk = Disk(tmp_path / "items.db")
    writer = GroupCommit(disk.begin, timeout=10)
    disk.fail_commit = True

    # when they write
    with pytest.raises(StorageError):
        _group_of_three(disk, writer)
    _until(lambda: _waiting(writer) == 0 and not writer._busy)

    # then nothing is written, and the next writer starts a new transaction
    assert set() == disk.committed()
    disk.fail_commit = False
    with writer.member() as turn:
        turn.cursor.execute("INSERT INTO items VALUES ('after')")
    assert {"after"} == disk.committed()


def test_a_member_about_to_read_views_commits_the_ones_before_it(tmp_path: Path) -> None:
    # given a group where the second member settles before it reads
    disk = Disk(tmp_path / "items.db")
    writer = GroupCommit(disk.begin, timeout=10)
    at_settle: list[set[str]] = []

    def settle_then_write(cursor: Any) -> None:
        member = current.pop()
        member.settle()
        at_settle.append(disk.committed())
        cursor.execute("INSERT INTO items VALUES ('second')")

    current: list[Any] = []
    original = writer.member

    @contextmanager
    def remembering() -> Iterator[Any]:
        with original() as member:
            current.append(member)
            yield member

    writer.member = remembering  # type: ignore[method-assign]

    # when they write
    _, seen = _group_of_three(disk, writer, settle_then_write)

    # then what came before the second was committed (and acknowledged) before it read
    assert {"first"} == at_settle[0]
    assert {"first"} <= seen["first"]
    assert {"first", "second", "third"} == disk.committed()
    assert 2 == writer.commits


def test_a_claim_storm_in_threads_is_decided_in_few_transactions(tmp_path: Path) -> None:
    # given a 10-slot task and 30 registered volunteers, on one SQLite store
    store = SqliteEventStore(str(tmp_path / "dangjian.db"))
    app = Dangjian(store)
    for command in support.setup_commands():
        app.handle(command)
    app.handle(issue("T-storm", slots=10, audiences=(Audience.VOLUNTEERS,)))
    people = [f"v-{n}" for n in range(30)]
    for person in people:
        app.handle(
            RegisterPerson(
                person, BRANCH, f"村民{person}", PartyStatus.VILLAGER, T0.date(), ORGANIZER, T0
            )
        )
    before = store.group.commits
    results: dict[str, str] = {}

    def claim(person: str) -> None:
        try:
            app.handle(ClaimTask("T-storm", person, later(1)))
        except NoSlotsLeft:
            results[person] = "no_slots"
        else:
            results[person] = "claimed"

    # when all 30 claim at once, queued behind one writer holding the turn
    threads = [threading.Thread(target=claim, args=(person,)) for person in people]
    with store.writing("hold"):
        for thread in threads:
            thread.start()
        _until(lambda: _waiting(store.group) == len(people))
    for thread in threads:
        thread.join(30)

    # then exactly 10 won, the other 20 were refused (each refusal kept), and the 30
    # decisions took far fewer transactions than commands
    assert (10, 20) == (
        list(results.values()).count("claimed"),
        list(results.values()).count("no_slots"),
    )
    assert 10 == app.queries.task("T-storm").task["taken"]
    assert 20 == sum(a.code == "no_slots" for a in app.attempts())
    assert store.group.commits - before < 10
    app.close()
