"""A writer killed at a random moment (SIGKILL, no clean-up) loses nothing it acknowledged.

A child process writes commands in a loop and prints each command id once ``handle`` has
returned. It is killed several times, mid-way, at random moments; each time the store
must open again, hold every acknowledged command with its events, catch its views up,
and replay to the same figures.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from adapters.app import Dangjian
from adapters.app.replay import replay_check
from dangjian_core.tasks.events import Audience, TaskClaimed
from tests.adapters.crash_worker import TASK
from tests.adapters.stores import village_app
from tests.support import issue

REPO = Path(__file__).resolve().parents[2]
RUNS = 4


def _write_until_killed(
    url: str, run: str, pause: float, threads: int = 1
) -> tuple[list[str], str]:
    """Start a writer, let it write for ``pause`` seconds, SIGKILL it; its acknowledged ids."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.adapters.crash_worker", url, run, str(threads)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # it is writing now
    time.sleep(pause)
    child.send_signal(signal.SIGKILL)
    rest, stderr = child.communicate(timeout=30)
    assert (-signal.SIGKILL, True) == (child.returncode, first.endswith("\n")), stderr
    # a line cut off by the kill has no newline: that command was never acknowledged
    acknowledged = (first + rest).split("\n")[:-1]
    return acknowledged, stderr


def _missing(app: Dangjian, acknowledged: list[str]) -> list[str]:
    """Acknowledged command ids without their record or their events."""
    missing = []
    with app.store.writing("crash-check") as tx:
        records = {command_id: tx.recall(command_id) for command_id in acknowledged}
    for command_id, record in records.items():
        if record is None:
            missing.append(command_id)
            continue
        events = app.store.read_stream(record.stream_id, record.first_version - 1)
        if len(events[: record.count]) != record.count:
            missing.append(command_id)
    return missing


@pytest.mark.parametrize("threads", [1, 8], ids=["one writer", "8 threads sharing commits"])
def test_a_writer_killed_at_random_moments_loses_nothing_it_acknowledged(
    sqlite_url: str, threads: int
) -> None:
    # given a big task in an SQLite file (written by one thread, or by eight whose
    # commands share transactions: each acknowledged only once its group is committed)
    with village_app(sqlite_url) as app:
        app.handle(issue(TASK, slots=1000, days=30, audiences=(Audience.VOLUNTEERS,)))
    rng = random.Random()
    pauses = [rng.uniform(0.05, 0.8) for _ in range(RUNS)]
    acknowledged: list[str] = []

    for run, pause in enumerate(pauses):
        # when a writer is killed mid-way
        ids, stderr = _write_until_killed(sqlite_url, f"run{run}", pause, threads)
        acknowledged += ids

        # then the store opens, holds every acknowledged command, and its views catch up
        with village_app(sqlite_url) as app:
            assert ([], "") == (_missing(app, acknowledged), stderr), f"pauses {pauses}"
            app.catch_up()
            with app.store.views() as views:
                assert app.store.max_position() == views.position()

    # and at the end the figures replay exactly, and every recorded claim holds a slot
    with village_app(sqlite_url) as app:
        report = replay_check(app.store)
        claims = sum(isinstance(r.event, TaskClaimed) for r in app.feed())
        assert (True, claims) == (report.ok, app.queries.task(TASK).task["taken"])
    assert len(acknowledged) > RUNS * 3, f"the writer barely wrote: {len(acknowledged)} commands"
