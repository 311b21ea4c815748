"""重放吞吐 — rebuilding every read model from the log into a fresh store, in events/s.

The rebuild is ``projector.catch_up(fresh, source=store)``: pages of the log are read,
decoded, projected and upserted with the new tracking position, one transaction a page.
The baseline, in the same run: a plain ``sqlite3`` SELECT of the same rows plus
``json.loads`` of each state. Between the two, the stages (read + decode, + project)
show where the time goes.

    .venv/bin/python -m benchmarks.bench_replay              # 100,000 events (generated once)
    .venv/bin/python -m benchmarks.bench_replay --n 20000
    .venv/bin/python -m benchmarks.bench_replay --db path/to/store.db
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from adapters.storage import projector
from adapters.storage.mapper import recorded_of
from adapters.storage.sqlite_store import SqliteEventStore
from benchmarks.common import cached_village, print_load, print_machine
from dangjian_core.catalog import project_all


def maxrss_mib() -> float:
    """This process's peak resident set size so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rebuild(source: SqliteEventStore, scratch: Path, page: int) -> tuple[int, int]:
    """Rebuild all views from ``source`` into a fresh store; returns (events, view rows)."""
    path = scratch / f"rebuilt-{time.monotonic_ns()}.db"
    fresh = SqliteEventStore(str(path))
    try:
        events = projector.catch_up(fresh, page=page, source=source)
    finally:
        fresh.close()
    with sqlite3.connect(path) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'view_%'"
        ).fetchall()
        rows = sum(
            connection.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for (name,) in tables
        )
    return events, rows


def raw_read(path: Path) -> int:
    """The baseline: SELECT every stored event and ``json.loads`` its state."""
    with sqlite3.connect(path) as connection:
        cursor = connection.execute(
            "SELECT rowid, originator_id, originator_version, topic, state "
            "FROM stored_events ORDER BY rowid"
        )
        count = 0
        for row in cursor:
            json.loads(row[4])
            count += 1
    return count


def staged(source: SqliteEventStore, page: int, *, project: bool) -> int:
    """Read the log in pages and decode each event (and project it, when asked)."""
    after, count = 0, 0
    while rows := source.read_log(after, page):
        for row in rows:
            recorded = recorded_of(row)
            if project:
                project_all(recorded)
        count += len(rows)
        after = rows[-1].position
    return count


def timed(label: str, work: Callable[[], int], unit: str = "events") -> float:
    """Run ``work``, print its rate; returns the rate."""
    started = time.perf_counter()
    count = work()
    seconds = time.perf_counter() - started
    rate = count / seconds
    print(f"{label:<44} {count:>9,} {unit} in {seconds:7.2f} s = {rate:>9,.0f}/s")
    return rate


def main() -> None:
    """Rebuild, measure the baseline and stages, print ratios and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="commands in the generated log")
    parser.add_argument("--db", type=Path, help="replay this store file instead")
    parser.add_argument("--page", type=int, default=projector.PAGE, help="log page size")
    parser.add_argument("--tmpdir", default=None, help="where the rebuilt store goes")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also rebuild once under tracemalloc"
    )
    args = parser.parse_args()
    print_machine()
    path = args.db
    if path is None:
        # Generate in a child process so this process's peak memory is the replay's own.
        child = multiprocessing.get_context("spawn").Process(target=cached_village, args=(args.n,))
        child.start()
        child.join()
        path = cached_village(args.n)
    source = SqliteEventStore(str(path))
    print(f"log: {path} ({path.stat().st_size / 2**20:.1f} MiB), page {args.page}")
    with tempfile.TemporaryDirectory(prefix="dangjian-replay-", dir=args.tmpdir) as scratch:
        before = maxrss_mib()
        started = time.perf_counter()
        events, rows = rebuild(source, Path(scratch), args.page)
        seconds = time.perf_counter() - started
        ours = events / seconds
        print(f"{'catch_up(fresh, source=store): full rebuild':<44} {events:>9,} events "
              f"in {seconds:7.2f} s = {ours:>9,.0f}/s  ({rows:,} view rows)")  # fmt: skip
        print(f"peak RSS: {maxrss_mib():.0f} MiB (was {before:.0f} MiB before the rebuild)")
        raw = timed("raw sqlite3 SELECT + json.loads (baseline)", lambda: raw_read(path))
        timed(
            "stage: read_log pages + recorded_of (decode)",
            lambda: staged(source, args.page, project=False),
        )
        timed(
            "stage: + project_all (pure, no SQL)", lambda: staged(source, args.page, project=True)
        )
        print(f"ratio rebuild / raw: {ours / raw:.3f}  (raw is {raw / ours:.1f}x faster)")
        if args.tracemalloc:
            tracemalloc.start()
            rebuild(source, Path(scratch), args.page)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"tracemalloc peak during a rebuild: {peak / 2**20:.1f} MiB")
    source.close()
    print_load()


if __name__ == "__main__":
    main()
