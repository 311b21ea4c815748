"""命令吞吐 — commands handled per second, against raw single-row commits of the same bytes.

Each command is one ``app.handle`` call: one transaction that locks the stream (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: ``pg_advisory_xact_lock`` on the stream), recalls the
command id, reads the stream tail, decides, inserts the events (and their hash-chain
links) and the command record, and commits. The baseline inserts the very same
stored-event bytes with the raw driver (``sqlite3`` / ``psycopg``), one row per
transaction (BEGIN, INSERT, COMMIT), into a table of the same shape: on SQLite a second
file with the store's journal mode and synchronous setting, on PostgreSQL a table in the
same schema. The two alternate in chunks of 1,000 commands (then their rows), so both
see the same disk and CPU conditions.

    .venv/bin/python -m benchmarks.bench_commands            # 100,000 commands, SQLite file
    .venv/bin/python -m benchmarks.bench_commands --n 20000  # quick run
    .venv/bin/python -m benchmarks.bench_commands --store postgresql://postgres@127.0.0.1/test
    .venv/bin/python -m benchmarks.bench_commands --n 20000 --synchronous NORMAL  # experiment
"""

from __future__ import annotations

import argparse
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from eventsourcing.sqlite import SQLiteConnectionPool

from adapters.app import open_app
from adapters.storage.urls import sqlite_path
from benchmarks.backends import RawEvents, backend_name, describe, scratch_url, stored_rows
from benchmarks.common import (
    NO_RUN,
    Run,
    checkpoint,
    people_for,
    percentile,
    print_load,
    print_machine,
    timed_loop,
    village_commands,
)


def force_synchronous(mode: str) -> None:
    """Experiment only: make eventsourcing's new SQLite connections use ``PRAGMA synchronous``.

    Shows what another durability setting would buy; the raw baseline follows the same
    setting because it reads the pragmas from the store's connection.
    """
    original = SQLiteConnectionPool._create_connection

    def create(pool: SQLiteConnectionPool) -> Any:
        connection = original(pool)
        connection._sqlite_conn.execute(f"PRAGMA synchronous={mode}")
        return connection

    SQLiteConnectionPool._create_connection = create  # type: ignore[method-assign, assignment]


def run_both(url: str, n: int, chunk: int) -> tuple[Run, Run, int]:
    """Handle ``n`` village commands, alternating chunks with raw inserts of their bytes.

    Alternating (``chunk`` commands, then the rows they stored) puts both measurements in
    the same stretches of time, so a busy disk or CPU skews both alike. Returns both runs
    and the mean stored state size.
    """
    commands = list(village_commands(n))
    mix = Counter(type(c).__name__ for c in commands)
    print("mix: " + ", ".join(f"{name} {count:,}" for name, count in mix.most_common()))
    ours, raw, last, payload = NO_RUN, NO_RUN, 0, 0
    with open_app(url) as app:
        print(describe(app.store))
        baseline = RawEvents(app.store)
        for start in range(0, n, chunk):
            ours += timed_loop(commands[start : start + chunk], app.handle)
            rows = stored_rows(app.store, last, 10 * chunk)
            last = rows[-1][0] if rows else last
            payload += sum(len(row[3]) for _, row in rows)
            raw += timed_loop([row for _, row in rows], baseline.insert_one)
        baseline.close()
    return ours, raw, payload // max(1, raw.count)


def report(label: str, run: Run) -> float:
    """Print one line of figures; returns the rate."""
    rate = run.count / run.seconds
    p50, p99 = (percentile(run.latencies, q) / 1000 for q in (0.5, 0.99))
    print(
        f"{label:<37} {run.count:>8,} in {run.seconds:7.2f} s = {rate:>7,.0f}/s"
        f"  p50 {p50:6.0f} µs  p99 {p99:6.0f} µs  CPU {1e6 * run.cpu_seconds / run.count:4.0f} µs"
    )
    return rate


def main() -> None:
    """Run both measurements and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="commands to handle")
    parser.add_argument(
        "--store",
        help="postgresql://… runs on a fresh schema there (dropped at the end); "
        "default: a SQLite file in a temporary directory",
    )
    parser.add_argument("--tmpdir", default=None, help="where the SQLite files go")
    parser.add_argument(
        "--chunk", type=int, default=1000, help="commands per chunk between baseline chunks"
    )
    parser.add_argument(
        "--synchronous",
        choices=["OFF", "NORMAL", "FULL"],
        help="SQLite experiment: override the store's PRAGMA synchronous (default: leave it)",
    )
    parser.add_argument("--keep", type=Path, help="SQLite: copy the dangjian store file here")
    args = parser.parse_args()
    print_machine()
    if args.synchronous:
        force_synchronous(args.synchronous)
    backend = backend_name(args.store)
    print(f"{args.n:,} commands, {people_for(args.n):,} villagers registered, on {backend}")
    with scratch_url(args.store, args.tmpdir) as url:
        ours, raw, mean_state = run_both(url, args.n, args.chunk)
        print(f"alternating chunks of {args.chunk:,} commands; mean state {mean_state} bytes")
        ours_rate = report("dangjian app.handle (1 command/tx)", ours)
        raw_rate = report(f"raw {'psycopg' if backend == 'postgres' else 'sqlite3'} "
                          "INSERT+commit (1 row/tx)", raw)  # fmt: skip
        print(
            f"ratio dangjian / raw: {ours_rate / raw_rate:.3f}  (raw {raw_rate / ours_rate:.1f}x)"
        )
        extra = 1e6 / ours_rate - 1e6 / raw_rate
        cpu = 1e6 * (ours.cpu_seconds / ours.count - raw.cpu_seconds / raw.count)
        print(f"dangjian's cost above one raw row+commit: {extra:.0f} µs wall, {cpu:.0f} µs CPU")
        path = sqlite_path(url)
        if args.keep and path is not None:
            checkpoint(Path(path))
            shutil.copyfile(path, args.keep)
    print_load()


if __name__ == "__main__":
    main()
