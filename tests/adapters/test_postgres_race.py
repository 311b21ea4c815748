"""Hundreds claim the last slots of one task on PostgreSQL, over 32 connections at once.

Four OS processes, each with one application whose pool holds eight connections and
eight threads claiming for a hundred villagers between them. The test holds the task
stream's advisory lock itself until all 32 connections are queued on it, so at least 32
connections from four processes are provably in the race at the same moment. Exactly
ten claims are recorded; everybody else is told "no slots left"; nobody sees a stack
trace or needs a second try.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from adapters.app import Dangjian
from dangjian_core.catalog import stream_of
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.events import Audience, TaskClaimed
from tests import postgres
from tests.adapters.stores import village_app
from tests.support import BRANCH, LANZHI, ORGANIZER, T0, issue, later

pytestmark = pytest.mark.postgres

REPO = Path(__file__).resolve().parents[2]
PROCESSES = 4
THREADS = 8
CONNECTIONS = PROCESSES * THREADS
PEOPLE = 400
SLOTS = 10

#: Backends waiting for one advisory lock (the key as ``pg_advisory_xact_lock`` splits it).
WAITING = """
SELECT count(DISTINCT l.pid) FROM pg_locks l, (SELECT hashtextextended(%s, 0) AS k) h
WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1
  AND l.classid::bigint = (h.k >> 32) & 4294967295 AND l.objid::bigint = h.k & 4294967295
"""


def _register(app: Dangjian, count: int) -> list[str]:
    people = [f"vol-{n:03d}" for n in range(count)]
    for n, person in enumerate(people):
        app.handle(
            RegisterPerson(
                person,
                BRANCH,
                f"志愿者{n:03d}号",
                PartyStatus.VILLAGER,
                date(2021, 1, 1),
                ORGANIZER,
                T0,
            )
        )
    return people


def _start(url: str, task_id: str, people: list[str]) -> subprocess.Popen[str]:
    # One pool of exactly THREADS connections per process.
    url = f"{url}&pool_size={THREADS}&max_overflow=0"
    command = [sys.executable, "-m", "tests.adapters.thread_race_worker", url, task_id]
    return subprocess.Popen(
        [*command, str(THREADS), *people],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _queued_behind(holder: psycopg.Connection[Any], stream_id: str, want: int) -> int:
    """Wait (up to 30 s) until ``want`` backends queue for the stream's lock; how many did."""
    deadline, waiting = time.monotonic() + 30, 0
    while waiting < want and time.monotonic() < deadline:
        time.sleep(0.02)
        row = holder.execute(WAITING, (stream_id,)).fetchone()
        waiting = int(row[0]) if row else 0
    return waiting


def _race(url: str, task_id: str, people: list[str]) -> tuple[int, list[dict[str, Any]]]:
    """Start the workers, hold the task's lock until all connections queue, collect reports."""
    stream_id = stream_of(ClaimTask(task_id, people[0], later(1)))
    workers = [_start(url, task_id, people[i::PROCESSES]) for i in range(PROCESSES)]
    server = postgres.server_url()
    assert server is not None
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert "ready" == worker.stdout.readline().strip(), worker.stderr
        with psycopg.connect(server, autocommit=True) as holder:
            holder.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", (stream_id,))
            for worker in workers:
                assert worker.stdin is not None
                worker.stdin.write("go\n")
                worker.stdin.flush()
            queued = _queued_behind(holder, stream_id, CONNECTIONS)
            holder.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", (stream_id,))
        results = [worker.communicate(timeout=60) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert [0] * PROCESSES == [worker.returncode for worker in workers], results
    assert [""] * PROCESSES == [stderr for _, stderr in results]
    return queued, [json.loads(stdout.strip().splitlines()[-1]) for stdout, _ in results]


def test_four_hundred_claims_over_32_connections_from_four_processes_give_exactly_ten(
    postgres_url: str,
) -> None:
    # given 400 registered volunteers and a 10-slot task in a PostgreSQL schema
    task_id = f"T-race-{uuid.uuid4().hex[:8]}"  # its own advisory-lock key
    with village_app(postgres_url) as app:
        people = _register(app, PEOPLE)
        app.handle(issue(task_id, slots=SLOTS, audiences=(Audience.VOLUNTEERS,)))
        before = app.store.max_position()

    # when four processes of eight threads have all of them claim at once
    started = time.monotonic()
    queued, reports = _race(postgres_url, task_id, people)
    elapsed = time.monotonic() - started

    # then 32 connections were in the race together, and every claim was answered in
    # one attempt: ten won, the rest were told no slots left
    assert CONNECTIONS <= queued
    outcomes: Counter[str] = Counter()
    transactions: Counter[str] = Counter()
    winners: list[str] = []
    for report in reports:
        outcomes.update(report["outcomes"])
        transactions.update(report["transactions_per_claim"])
        winners += report["winners"]
        assert [] == report["unexpected"]
    assert {"claimed": SLOTS, "NoSlotsLeft": PEOPLE - SLOTS} == dict(outcomes)
    assert {"1": PEOPLE} == dict(transactions)
    assert elapsed < 60

    # and the store holds exactly those ten claims, in the log and in the views
    with village_app(postgres_url) as app:
        claims = [
            row.event.claimant_id
            for row in app.feed(after=before)
            if isinstance(row.event, TaskClaimed)
        ]
        task = app.queries.task(task_id)
        assert (SLOTS, sorted(winners)) == (len(claims), sorted(claims))
        assert (SLOTS, SLOTS) == (task.task["taken"], len(task.claims))
        assert sorted(winners) == sorted(str(c["person_id"]) for c in task.claims)
        assert before + SLOTS == app.store.max_position()


def test_a_claim_that_waits_longer_than_five_seconds_for_a_pooled_connection_is_served(
    postgres_url: str,
) -> None:
    # given an application whose two pooled connections are both held by slow commands
    with village_app(f"{postgres_url}&pool_size=2&max_overflow=0") as app:
        app.handle(issue("T-pool", slots=3))
        holding, release = threading.Barrier(3), threading.Event()

        def hold(stream_id: str) -> None:
            with app.store.writing(stream_id):
                holding.wait()
                release.wait(timeout=30)

        slow = [threading.Thread(target=hold, args=(f"slow-{n}",)) for n in range(2)]
        for thread in slow:
            thread.start()
        holding.wait()
        threading.Timer(6, release.set).start()

        # when a villager claims meanwhile (longer than eventsourcing's 5 s pool default)
        started = time.monotonic()
        outcome = app.handle(ClaimTask("T-pool", LANZHI, later(1)))
        waited = time.monotonic() - started
        for thread in slow:
            thread.join()

        # then the claim waited its turn and was recorded
        assert (True, True) == (outcome.changed, waited > 5)
