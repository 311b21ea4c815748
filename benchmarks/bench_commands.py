"""命令吞吐 — commands handled per second on an SQLite file, against raw single-row inserts.

Each command is one ``app.handle`` call: one ``BEGIN IMMEDIATE`` transaction that
recalls the command id, reads the stream tail, decides, inserts the events and the
command record, and commits. The baseline inserts the very same stored-event bytes with
plain ``sqlite3``, one row per transaction, with the store's journal mode and
synchronous setting, into a table of the same shape. The two alternate in chunks of
1,000 commands (then their rows), so both see the same disk and CPU conditions.

    .venv/bin/python -m benchmarks.bench_commands            # 100,000 commands
    .venv/bin/python -m benchmarks.bench_commands --n 20000  # quick run
    .venv/bin/python -m benchmarks.bench_commands --n 20000 --synchronous NORMAL  # experiment
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from eventsourcing.sqlite import SQLiteConnectionPool

from adapters.app import open_app
from adapters.storage.sqlite_store import SqliteEventStore
from benchmarks.common import (
    NO_RUN,
    RawStore,
    Run,
    checkpoint,
    people_for,
    percentile,
    print_load,
    print_machine,
    store_pragmas,
    stored_rows,
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


def run_both(scratch: Path, n: int, chunk: int) -> tuple[Run, Run, dict[str, object]]:
    """Handle ``n`` village commands, alternating chunks with raw inserts of their bytes.

    Alternating (``chunk`` commands, then the rows they stored) puts both measurements in
    the same stretches of time, so a busy disk or CPU skews both alike.
    """
    commands = list(village_commands(n))
    mix = Counter(type(c).__name__ for c in commands)
    print("mix: " + ", ".join(f"{name} {count:,}" for name, count in mix.most_common()))
    store_path = scratch / "dangjian.db"
    ours, raw, last = NO_RUN, NO_RUN, 0
    with open_app(str(store_path)) as app:
        assert isinstance(app.store, SqliteEventStore)
        pragmas = store_pragmas(app.store)
        baseline = RawStore(scratch / "raw.db", pragmas)
        for start in range(0, n, chunk):
            ours += timed_loop(commands[start : start + chunk], app.handle)
            rows = stored_rows(store_path, last)
            last = rows[-1][0] if rows else last
            raw += timed_loop([row[1:] for row in rows], baseline.insert)
        baseline.close()
    return ours, raw, pragmas


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
    parser.add_argument("--tmpdir", default=None, help="where the SQLite files go")
    parser.add_argument(
        "--chunk", type=int, default=1000, help="commands per chunk between baseline chunks"
    )
    parser.add_argument(
        "--synchronous",
        choices=["OFF", "NORMAL", "FULL"],
        help="experiment: override the store's PRAGMA synchronous (default: leave it)",
    )
    parser.add_argument("--keep", type=Path, help="copy the dangjian store file here")
    args = parser.parse_args()
    print_machine()
    if args.synchronous:
        force_synchronous(args.synchronous)
    print(f"{args.n:,} commands, {people_for(args.n):,} villagers registered")
    with tempfile.TemporaryDirectory(prefix="dangjian-bench-", dir=args.tmpdir) as scratch:
        ours, raw, pragmas = run_both(Path(scratch), args.n, args.chunk)
        print(f"store pragmas: {pragmas}; alternating chunks of {args.chunk:,} commands")
        rows = stored_rows(Path(scratch) / "dangjian.db")
        payload = sum(len(r[4]) for r in rows)
        print(f"{len(rows):,} events stored, mean state {payload / len(rows):.0f} bytes")
        ours_rate = report("dangjian app.handle (1 command/tx)", ours)
        raw_rate = report("raw sqlite3 INSERT+commit (1 row/tx)", raw)
        print(
            f"ratio dangjian / raw: {ours_rate / raw_rate:.3f}  (raw {raw_rate / ours_rate:.1f}x)"
        )
        extra = 1e6 / ours_rate - 1e6 / raw_rate
        cpu = 1e6 * (ours.cpu_seconds / ours.count - raw.cpu_seconds / raw.count)
        print(f"dangjian's cost above one raw row+commit: {extra:.0f} µs wall, {cpu:.0f} µs CPU")
        if args.keep:
            checkpoint(Path(scratch) / "dangjian.db")
            shutil.copyfile(Path(scratch) / "dangjian.db", args.keep)
    print_load()


if __name__ == "__main__":
    main()
