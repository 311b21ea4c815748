"""Hundreds claim the last slots in the same second (干活也要拼手速), from many processes.

Eight OS processes share one SQLite file and each has fifty villagers claim one 10-slot
task as fast as they can. Exactly ten claims are recorded; everybody else is told "no
slots left"; nobody sees a stack trace or needs a second try.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from adapters.app import Dangjian
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.events import Audience, TaskClaimed
from tests.adapters.stores import village_app
from tests.support import BRANCH, ORGANIZER, T0, issue, later

REPO = Path(__file__).resolve().parents[2]
WORKERS = 8
PER_WORKER = 50
SLOTS = 10
TASK = "T-race"


def _register_volunteers(app: Dangjian, count: int) -> list[str]:
    people = [f"vol-{n:03d}" for n in range(count)]
    for n, person in enumerate(people):
        name = f"志愿者{n:03d}号"
        app.handle(
            RegisterPerson(
                person, BRANCH, name, PartyStatus.VILLAGER, date(2021, 1, 1), ORGANIZER, T0
            )
        )
    return people


def _start(url: str, people: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.adapters.race_worker", "claim", url, TASK, *people],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _race(url: str, people: list[str]) -> list[tuple[dict[str, Any], str]]:
    """Start the workers, fire the starting gun once all are ready, collect reports."""
    shares = [people[i::WORKERS] for i in range(WORKERS)]
    workers = [_start(url, share) for share in shares]
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert "ready" == worker.stdout.readline().strip(), worker.stderr
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = [worker.communicate(timeout=60) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert [0] * WORKERS == [worker.returncode for worker in workers], results
    return [(json.loads(stdout.strip().splitlines()[-1]), stderr) for stdout, stderr in results]


def test_hundreds_racing_for_ten_slots_from_eight_processes_give_exactly_ten_claims(
    sqlite_url: str,
) -> None:
    # given 400 registered volunteers and a 10-slot task in one SQLite file
    with village_app(sqlite_url) as app:
        people = _register_volunteers(app, WORKERS * PER_WORKER)
        app.handle(issue(TASK, slots=SLOTS, audiences=(Audience.VOLUNTEERS,)))
        before = app.store.max_position()

    # when eight processes have all of them claim at once
    started = time.monotonic()
    reports = _race(sqlite_url, people)
    elapsed = time.monotonic() - started

    # then every claim was answered in one attempt: ten won, the rest were told no slots left
    outcomes: Counter[str] = Counter()
    transactions: Counter[str] = Counter()
    winners: list[str] = []
    for report, stderr in reports:
        outcomes.update(report["outcomes"])
        transactions.update(report["transactions_per_claim"])
        winners += report["winners"]
        assert ([], "") == (report["unexpected"], stderr)
    assert {"claimed": SLOTS, "NoSlotsLeft": len(people) - SLOTS} == dict(outcomes)
    assert {"1": len(people)} == dict(transactions)
    assert elapsed < 60

    # and the store holds exactly those ten claims, in the log and in the views
    with village_app(sqlite_url) as app:
        claims = [
            row.event.claimant_id
            for row in app.feed(after=before)
            if isinstance(row.event, TaskClaimed)
        ]
        task = app.queries.task(TASK)
        assert (SLOTS, sorted(winners)) == (len(claims), sorted(claims))
        assert (SLOTS, SLOTS) == (task.task["taken"], len(task.claims))
        assert sorted(winners) == sorted(str(c["person_id"]) for c in task.claims)
        assert before + SLOTS == app.store.max_position()


def test_threads_sharing_one_application_never_claim_more_slots_than_there_are(
    app: Dangjian,
) -> None:
    # given 200 volunteers and a 10-slot task, and eight threads sharing one application
    people = _register_volunteers(app, 200)
    app.handle(issue(TASK, slots=SLOTS, audiences=(Audience.VOLUNTEERS,)))
    outcomes: Counter[str] = Counter()
    counting = threading.Lock()
    start = threading.Barrier(WORKERS)

    def claim_for(share: list[str]) -> None:
        start.wait()
        for person in share:
            try:
                app.handle(ClaimTask(TASK, person, later(1)))
                outcome = "claimed"
            except Exception as error:  # counted by class name, like the processes
                outcome = type(error).__name__
            with counting:
                outcomes[outcome] += 1

    # when they all claim at once
    threads = [
        threading.Thread(target=claim_for, args=(people[i::WORKERS],)) for i in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then ten claimed and everyone else was told no slots left
    assert {"claimed": SLOTS, "NoSlotsLeft": len(people) - SLOTS} == dict(outcomes)
    assert SLOTS == app.queries.task(TASK).task["taken"]


def test_processes_opening_a_new_store_file_at_the_same_moment_all_succeed(
    tmp_path: Path,
) -> None:
    # given ten store files that do not exist yet
    urls = [f"sqlite:///{tmp_path / f'new-{n}.db'}" for n in range(10)]
    start = time.time() + 2.0  # after every process has started

    # when eight processes open (and so create) each of them at the same moment
    command = [sys.executable, "-m", "tests.adapters.race_worker", "open", str(start), *urls]
    workers = [
        subprocess.Popen(
            command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(WORKERS)
    ]
    results = [worker.communicate(timeout=60) for worker in workers]

    # then every open succeeded
    failures = [failure for stdout, _ in results for failure in json.loads(stdout)]
    assert ([], [""] * WORKERS) == (failures, [stderr for _, stderr in results])
