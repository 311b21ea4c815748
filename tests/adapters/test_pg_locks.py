"""PostgreSQL locks and pool sizes: every lock wait ends in StoreBusy after ``lock_timeout``,
two schemas of one database never wait for each other, and a pool of one connection works.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest

from adapters.storage.errors import StoreBusy
from adapters.storage.postgres import PostgresEventStore
from adapters.storage.postgres.connection import CREATE_LOCK, VIEWS_LOCK
from adapters.storage.store import NewEvent
from dangjian_core.catalog import stream_of
from dangjian_core.tasks.commands import ClaimTask
from tests import postgres
from tests.adapters.stores import village_app
from tests.support import LANZHI, issue, later

pytestmark = pytest.mark.postgres


@contextmanager
def _held(sql: str, *params: Any) -> Iterator[None]:
    """Another session holding an advisory lock (taken with ``sql``) until the block ends."""
    server = postgres.server_url()
    assert server is not None
    with psycopg.connect(server, autocommit=True) as holder:
        holder.execute(sql.replace("unlock", "lock"), params)
        try:
            yield
        finally:
            holder.execute(sql.replace("lock(", "unlock("), params)


def _schema(url: str) -> str:
    return url.split("schema=")[1].split("&")[0]


def test_a_writer_blocked_on_its_stream_gets_store_busy_after_the_lock_timeout(
    postgres_url: str,
) -> None:
    # given a task, and another session holding the task stream's lock
    with village_app(f"{postgres_url}&lock_timeout=1") as app:
        app.handle(issue("T-busy", slots=3))
        claim = ClaimTask("T-busy", LANZHI, later(1))
        before = app.store.max_position()
        with _held("SELECT pg_advisory_lock(hashtextextended(%s, 0))", stream_of(claim)):
            # when a villager claims the task meanwhile
            started = time.monotonic()
            with pytest.raises(StoreBusy) as raised:
                app.handle(claim)
            waited = time.monotonic() - started

        # then the claim waited about the timeout, was refused as busy, and wrote nothing
        assert (True, "busy") == (0.9 < waited < 10, raised.value.code)
        assert before == app.store.max_position()
        # and once the lock is free, the same claim goes through
        assert app.handle(claim).changed


def test_a_pool_of_one_connection_opens_handles_catches_up_and_reads(postgres_url: str) -> None:
    url = f"{postgres_url}&pool_size=1&max_overflow=0&lock_timeout=5"
    with village_app(url) as app:
        app.handle(issue("T-one", slots=2))
        outcome = app.handle(ClaimTask("T-one", LANZHI, later(1)))
        task = app.queries.task("T-one")
        assert (True, 1) == (outcome.changed, task.task["taken"])
        assert app.catch_up() == 0  # the query above caught the views up already


def test_the_projector_lock_of_one_schema_does_not_block_another_schema(
    postgres_url: str,
) -> None:
    with postgres.fresh_schema() as other_url:
        mine = PostgresEventStore(f"{postgres_url}&lock_timeout=1")
        other = PostgresEventStore(f"{other_url}&lock_timeout=1")
        try:
            mine.append_batch([("s", NewEvent(1, "TaskIssued", b"{}"))])
            # while another session holds my schema's projector lock
            with _held("SELECT pg_advisory_lock(%s, hashtext(%s))", VIEWS_LOCK, mine.schema):
                # then the other schema's views are written without waiting
                with other.views(write=True) as views:
                    views.set_position(1)
                # and mine wait, then report busy
                with pytest.raises(StoreBusy), mine.views(write=True) as views:
                    views.set_position(1)
        finally:
            mine.close()
            other.close()


def test_opening_a_schema_waits_only_for_openers_of_the_same_schema(postgres_url: str) -> None:
    PostgresEventStore(postgres_url).close()  # the schema exists
    held = "SELECT pg_advisory_lock(%s, hashtext(%s))", CREATE_LOCK, _schema(postgres_url)
    # while another session holds the first-use lock of the first schema
    with postgres.fresh_schema() as other_url, _held(*held):
        # a new schema opens at once
        started = time.monotonic()
        PostgresEventStore(f"{other_url}&lock_timeout=5").close()
        assert time.monotonic() - started < 4
        # the held one waits, then reports busy
        with pytest.raises(StoreBusy):
            PostgresEventStore(f"{postgres_url}&lock_timeout=1")


def test_commands_on_a_pool_of_one_keep_the_chain_and_the_command_ids(postgres_url: str) -> None:
    with village_app(f"{postgres_url}&pool_size=1&max_overflow=0") as app:
        first = app.handle(issue("T-ids", slots=2), command_id="c-1")
        again = app.handle(issue("T-ids", slots=2), command_id="c-1")
        chain = [entry.position for entry in app.store.read_chain(0, 10_000)]
        log = [row.position for row in app.store.read_log(0, 10_000)]
        assert (False, True, first.events) == (first.replayed, again.replayed, again.events)
        assert (log, list(range(1, len(log) + 1))) == (
            chain,
            [e.seq for e in app.store.read_chain(0, 10_000)],
        )
