"""A command recorded before a field was added is still recognised when it is retried."""

from __future__ import annotations

import hashlib
import sqlite3

import attrs
import pytest

from adapters.app.idempotency import digests
from adapters.storage.errors import DuplicateCommandId
from adapters.storage.mapper import converter, dumps
from tests.adapters.stores import village_app
from tests.support import issue


def _digest_without(command: object, *names: str) -> str:
    data = {k: v for k, v in converter.unstructure(command).items() if k not in names}
    return hashlib.sha256(dumps(data)).hexdigest()


#: IssueTask's fields added over time, oldest first (each with a default).
ADDED = ("grid_block", "reserved_for", "draw_minutes", "draw_weighted", "waitlist")


def _earlier(command: object, newest_kept: int) -> list[str]:
    """The digests as each earlier version wrote the command: the added fields after
    ``ADDED[newest_kept]`` dropped, newest first, one more each time."""
    return [_digest_without(command, *ADDED[n:]) for n in range(len(ADDED) - 1, newest_kept, -1)]


def test_trailing_default_fields_give_the_earlier_digests_in_order() -> None:
    command = issue()

    assert (_digest_without(command), *_earlier(command, -1)) == digests(command)


def test_a_field_set_away_from_its_default_stops_the_earlier_digests() -> None:
    command = attrs.evolve(issue(), grid_block="B1")

    assert (_digest_without(command), *_earlier(command, 0)) == digests(command)


def test_a_retry_of_a_command_recorded_before_reserved_for_existed_is_answered(
    sqlite_url: str,
) -> None:
    app = village_app(sqlite_url)
    command = issue("T9")
    first = app.handle(command, command_id="old-issue")
    app.close()
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as db:
        db.execute(
            "UPDATE dangjian_commands SET digest = ? WHERE command_id = ?",
            (_digest_without(command, *ADDED[1:]), "old-issue"),
        )
    app = village_app(sqlite_url)
    again = app.handle(command, command_id="old-issue")
    assert (first.events, True) == (again.events, again.replayed)
    with pytest.raises(DuplicateCommandId):
        app.handle(attrs.evolve(command, slots=9), command_id="old-issue")
    app.close()
