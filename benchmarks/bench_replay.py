"""重放吞吐 — rebuilding every read model from the log into a fresh store, in events/s.

The rebuild is ``projector.catch_up(fresh, source=store)``: pages of the log are read,
decoded, projected and upserted with the new tracking position, one transaction a page,
into a fresh store on the same backend (a new SQLite file, or a new PostgreSQL schema).
The baseline, in the same run: the raw driver (``sqlite3`` / ``psycopg`` with a
server-side cursor) SELECTs the same rows and ``json.loads`` each state. Between the
two, the stages (read + decode, + pure projection) show where the time goes. Peak RSS
is this process's own: the log is generated and loaded in a child process.

    .venv/bin/python -m benchmarks.bench_replay                          # full county, SQLite
    .venv/bin/python -m benchmarks.bench_replay --tasks-per-branch 20    # ~260k events
    .venv/bin/python -m benchmarks.bench_replay --store postgresql://postgres@127.0.0.1/test
    .venv/bin/python -m benchmarks.bench_replay --source postgresql://…?schema=bench_county_…
    .venv/bin/python -m benchmarks.bench_replay --village 100000   # the old village workload
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from adapters.storage import projector
from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore
from adapters.storage.urls import open_store
from benchmarks.backends import count_view_rows, is_postgres, raw_read, scratch_url
from benchmarks.common import cached_village, print_load, print_machine
from benchmarks.county import add_county_options, county_source, describe_county
from dangjian_core.catalog import project_all


def maxrss_mib() -> float:
    """This process's peak resident set size so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rebuild(source: EventStore, fresh_url: str, page: int) -> int:
    """Rebuild all views from ``source`` into the fresh store at ``fresh_url``; the events."""
    fresh = open_store(fresh_url)
    try:
        return projector.catch_up(fresh, page=page, source=source)
    finally:
        fresh.close()


def staged(source: EventStore, page: int, *, project: bool) -> int:
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
    print(f"{label:<46} {count:>9,} {unit} in {seconds:7.2f} s = {rate:>9,.0f}/s", flush=True)
    return rate


@contextmanager
def log_url(args: argparse.Namespace) -> Iterator[str]:
    """The store whose log is replayed: --source, the cached village, or the county."""
    if args.village:
        # Generate in a child process so this process's peak memory is the replay's own.
        child = multiprocessing.get_context("spawn").Process(
            target=cached_village, args=(args.village,)
        )
        child.start()
        child.join()
        yield f"sqlite:///{cached_village(args.village)}"
    else:
        if not args.source:
            print(f"county: {describe_county(args)}")
        with county_source(args.store, args.source, args, args.tmpdir) as url:
            yield url


def main() -> None:
    """Rebuild, measure the baseline and stages, print ratios and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store",
        help="postgresql://… replays on fresh schemas there (dropped at the end); "
        "default: SQLite files",
    )
    parser.add_argument("--source", help="replay this store's log (any URL) instead")
    parser.add_argument("--village", type=int, help="replay N village commands instead")
    parser.add_argument("--page", type=int, default=projector.PAGE, help="log page size")
    parser.add_argument("--tmpdir", default=None, help="where the rebuilt SQLite file goes")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also rebuild once under tracemalloc"
    )
    add_county_options(parser)
    args = parser.parse_args()
    print_machine()
    with log_url(args) as url:
        source = open_store(url)
        target = args.store or (url if is_postgres(url) else None)
        print(f"log: {source.max_position():,} positions in {url}, page {args.page}", flush=True)
        with scratch_url(target, args.tmpdir, "rebuilt") as fresh_url:
            before = maxrss_mib()
            started = time.perf_counter()
            events = rebuild(source, fresh_url, args.page)
            seconds = time.perf_counter() - started
            after = maxrss_mib()
            ours = events / seconds
            rows = count_view_rows(fresh_url)
        print(f"{'catch_up(fresh, source=store): full rebuild':<46} {events:>9,} events "
              f"in {seconds:7.2f} s = {ours:>9,.0f}/s  ({rows:,} view rows)")  # fmt: skip
        print(f"peak RSS: {after:.0f} MiB (was {before:.0f} MiB before the rebuild)", flush=True)
        raw = timed("raw driver SELECT + json.loads (baseline)", lambda: raw_read(url))
        timed(
            "stage: read_log pages + recorded_of (decode)",
            lambda: staged(source, args.page, project=False),
        )
        timed(
            "stage: + project_all (pure, no SQL)", lambda: staged(source, args.page, project=True)
        )
        print(f"ratio rebuild / raw: {ours / raw:.3f}  (raw is {raw / ours:.1f}x faster)")
        if args.tracemalloc:
            with scratch_url(target, args.tmpdir, "rebuilt") as fresh_url:
                tracemalloc.start()
                rebuild(source, fresh_url, args.page)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            print(f"tracemalloc peak during a rebuild: {peak / 2**20:.1f} MiB")
        source.close()
    print_load()


if __name__ == "__main__":
    main()
