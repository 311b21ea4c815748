"""实验：精简写入 — what two fewer round trips per PostgreSQL command would buy (A/B).

eventsourcing's PostgreSQL insert sends ``SET LOCAL lock_timeout``, ``LOCK TABLE`` and
``NOTIFY`` as three statements in every command's transaction. dangjian's projector polls
and never LISTENs, and the timeout could be a per-connection setting. This experiment
patches eventsourcing's recorder class (never ``src/``) to send only ``LOCK TABLE``, and
alternates chunks of commands with and without the patch in one process on one schema,
so both halves see the same machine. (Without the ``SET LOCAL`` the lock wait is not
bounded: an experiment only.)

    .venv/bin/python -m benchmarks.experiment_lean_insert --store postgresql://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from eventsourcing.postgres import PostgresApplicationRecorder

from adapters.app import open_app
from benchmarks.backends import scratch_url
from benchmarks.common import print_load, print_machine, village_commands

AS_IS = (PostgresApplicationRecorder._lock_table, PostgresApplicationRecorder._notify_channel)


def _lock_only(recorder: PostgresApplicationRecorder, cursor: Any) -> None:
    cursor.execute(recorder.lock_table_statements[-1], prepare=True)


def lean(on: bool) -> None:
    """Patch (or restore) the recorder's per-insert statements."""
    cls: Any = PostgresApplicationRecorder
    cls._lock_table, cls._notify_channel = (_lock_only, lambda *_: None) if on else AS_IS


def main() -> None:
    """Alternate chunks as-is and lean; print wall and CPU per command for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="postgresql://… (a fresh schema is used)")
    parser.add_argument("--n", type=int, default=12_000)
    parser.add_argument("--chunk", type=int, default=500)
    args = parser.parse_args()
    print_machine()
    commands = list(village_commands(args.n))
    totals = {False: [0, 0.0, 0.0], True: [0, 0.0, 0.0]}
    with scratch_url(args.store) as url, open_app(url) as app:
        for command in commands[: args.chunk]:  # warm up: pool, caches, prepared statements
            app.handle(command)
        for i, start in enumerate(range(args.chunk, args.n, args.chunk)):
            lean(bool(i % 2))
            chunk = commands[start : start + args.chunk]
            wall, cpu = time.perf_counter(), time.process_time()
            for command in chunk:
                app.handle(command)
            total = totals[bool(i % 2)]
            total[0] += len(chunk)
            total[1] += time.perf_counter() - wall
            total[2] += time.process_time() - cpu
        lean(False)
    for on, (count, wall_s, cpu_s) in totals.items():
        print(f"{'lean (LOCK TABLE only)' if on else 'as is (SET LOCAL, LOCK, NOTIFY)':<32} "
              f"{count:>6,} commands {count / wall_s:6,.0f}/s  wall {1e6 * wall_s / count:6,.0f} µs"
              f"  CPU {1e6 * cpu_s / count:6,.0f} µs per command")  # fmt: skip
    print_load()


if __name__ == "__main__":
    main()
