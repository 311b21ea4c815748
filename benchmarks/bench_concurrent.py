"""并发命令 — commands/s with many writing threads in one process (group commit), and one
uncontended command's latency, each against raw single-row commits in the same run.

The workload: ``--threads`` threads share one application; each claims tasks of its own
(``--tasks-per-thread`` tasks with enough slots) for people of its own, one ``app.handle``
per claim, so no two threads touch the same stream and every claim is accepted. On
SQLite the waiting threads' commands share write transactions (one fsync for several:
:mod:`adapters.storage.sqlite.group`); on PostgreSQL each command is its own transaction
and they run side by side under per-stream locks. The baseline is the raw driver
inserting the same stored bytes one row per transaction (``RawEvents.insert_one``),
alternating with dangjian round by round so both see the same load. A last round
handles claims one at a time in one thread (the uncontended latency).

    .venv/bin/python -m benchmarks.bench_concurrent                      # SQLite file
    .venv/bin/python -m benchmarks.bench_concurrent --store postgresql://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import threading
import time
from datetime import date, timedelta
from typing import Any

from tests import support
from tests.support import BRANCH, ORGANIZER, T0, issue

from adapters.app import Dangjian, open_app
from benchmarks.backends import RawEvents, backend_name, describe, scratch_url, stored_rows
from benchmarks.common import (
    NO_RUN,
    Run,
    percentile,
    print_load,
    print_machine,
    timed_loop,
)
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.events import Audience


def prepare(app: Dangjian, threads: int, people: int, tasks: int) -> None:
    """The test village, ``threads × people`` villagers and ``threads × tasks`` tasks."""
    for command in support.setup_commands():
        app.handle(command)
    for t in range(threads):
        for p in range(people):
            person = f"c{t}-{p}"
            app.handle(
                RegisterPerson(
                    person, BRANCH, f"村民{person}", PartyStatus.VILLAGER, date(2021, 1, 1),
                    ORGANIZER, T0,
                )
            )  # fmt: skip
        for k in range(tasks):
            app.handle(issue(f"T{t}-{k}", slots=people, days=60, audiences=(Audience.VOLUNTEERS,)))


def claims(thread: int, people: range, tasks: int, round_: int) -> list[ClaimTask]:
    """One thread's claims for a round: each of its people on task ``round_``."""
    at = T0 + timedelta(hours=1 + round_)
    return [ClaimTask(f"T{thread}-{round_ % tasks}", f"c{thread}-{p}", at) for p in people]


def threaded(app: Dangjian, work: list[list[Any]]) -> Run:
    """Every list of commands handled by its own thread, all at once; the wall time."""
    runs: list[Run] = [NO_RUN] * len(work)
    start = threading.Barrier(len(work) + 1)

    def run(index: int) -> None:
        start.wait()
        runs[index] = timed_loop(work[index], app.handle)

    pool = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in pool:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in pool:
        thread.join()
    seconds = time.perf_counter() - began
    latencies = [ns for r in runs for ns in r.latencies]
    return Run(len(latencies), seconds, sum(r.cpu_seconds for r in runs), latencies)


def line(label: str, run: Run) -> float:
    """Print one line of figures; returns the rate."""
    rate = run.count / run.seconds
    p50, p99 = (percentile(run.latencies, q) / 1000 for q in (0.5, 0.99))
    print(
        f"{label:<44} {run.count:>7,} in {run.seconds:6.2f} s = {rate:>7,.0f}/s"
        f"  p50 {p50:6.0f} µs  p99 {p99:6.0f} µs"
    )
    return rate


def main() -> None:
    """Alternate threaded rounds with raw rounds; print rates, latencies and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="postgresql://… (a fresh schema); default SQLite")
    parser.add_argument("--tmpdir", default=None, help="where the SQLite files go")
    parser.add_argument("--threads", type=int, default=16, help="writing threads")
    parser.add_argument("--people", type=int, default=100, help="claimers per thread per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds")
    args = parser.parse_args()
    print_machine()
    backend = backend_name(args.store)
    per_round = args.threads * args.people
    print(f"{args.threads} threads × {args.people} claims per round, {args.rounds} rounds")
    with scratch_url(args.store, args.tmpdir) as url, open_app(url) as app:
        print(describe(app.store))
        prepare(app, args.threads, args.people, args.rounds + 1)
        raw_writer = RawEvents(app.store)
        ours, raw, alone, raw_alone = NO_RUN, NO_RUN, NO_RUN, NO_RUN
        commits = getattr(app.store, "group", None)
        before = commits.commits if commits is not None else 0
        for round_ in range(args.rounds):
            last = app.store.max_position()
            people = range(args.people)
            ours += threaded(app, [claims(t, people, 99, round_) for t in range(args.threads)])
            rows = [row for _, row in stored_rows(app.store, last, per_round)]
            raw += timed_loop(rows, raw_writer.insert_one)
        if commits is not None:
            print(f"SQLite transactions for {ours.count:,} commands: {commits.commits - before:,}")
        last = app.store.max_position()
        alone = timed_loop(claims(0, range(args.people), 99, args.rounds), app.handle)
        rows = [row for _, row in stored_rows(app.store, last, args.people)]
        raw_alone = timed_loop(rows, raw_writer.insert_one)
        raw_writer.close()
        rate = line(f"dangjian, {args.threads} threads", ours)
        raw_rate = line(f"raw {backend} INSERT+commit, 1 row/tx", raw)
        print(f"ratio under {args.threads} writers: {rate / raw_rate:.2f}")
        line("dangjian, 1 thread (uncontended)", alone)
        line(f"raw {backend} INSERT+commit (same rows)", raw_alone)
        ours_p50 = percentile(alone.latencies, 0.5)
        raw_p50 = percentile(raw_alone.latencies, 0.5)
        print(f"uncontended latency / raw (p50): {ours_p50 / raw_p50:.2f}")
    print_load()


if __name__ == "__main__":
    main()
