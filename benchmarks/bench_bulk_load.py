"""批量导入 — the generated county bulk-loaded with ``app.load``, against the raw driver's bulk insert.

The county of :mod:`benchmarks.generate` (every event decided by the core's deciders) is
loaded with ``app.load(history, batch=10,000)``: encode each event (cattrs + canonical
JSON), insert a batch per transaction, link the hash chain. The time the generator
spends deciding is measured separately and left out of the load rate.

The baseline, in the same run and database: the very same stored rows (read back from
the store, untimed) written by the raw driver in batches of the same size, one
transaction per batch — ``executemany`` on SQLite, ``COPY … FROM STDIN`` on PostgreSQL
(and, for reference, psycopg's ``executemany``) — into a table of the same shape.

    .venv/bin/python -m benchmarks.bench_bulk_load                       # ~2.2M events, SQLite
    .venv/bin/python -m benchmarks.bench_bulk_load --tasks-per-branch 20 # ~260k events
    .venv/bin/python -m benchmarks.bench_bulk_load --store postgresql://postgres@127.0.0.1/test
    .venv/bin/python -m benchmarks.bench_bulk_load --store … --keep     # keep it for replay/reads
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from adapters.app import open_app
from adapters.storage.postgres import PostgresEventStore
from adapters.storage.store import EventStore
from benchmarks.backends import RawEvents, Row, backend_name, describe, scratch_url, stored_rows
from benchmarks.common import print_load, print_machine
from benchmarks.county import add_county_options, county_of, describe_county

T = TypeVar("T")


class TimedIterator:
    """An iterator that adds up the time spent producing its items (the generator's)."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items: Iterator[Any] = iter(items)
        self.seconds = 0.0

    def __iter__(self) -> TimedIterator:
        return self

    def __next__(self) -> Any:
        started = time.perf_counter()
        try:
            return next(self._items)
        finally:
            self.seconds += time.perf_counter() - started


def raw_batches(store: EventStore, batch: int) -> Iterator[list[Row]]:
    """The store's rows in batches, read through the log (the reading is not timed)."""
    after = 0
    while rows := stored_rows(store, after, batch):
        after = rows[-1][0]
        yield [row for _, row in rows]


def raw_load(store: EventStore, batch: int, write: Callable[[RawEvents, list[Row]], None]) -> float:
    """Seconds the raw driver spends writing the store's rows in batches."""
    raw = RawEvents(store)
    raw.truncate()
    seconds = 0.0
    for rows in raw_batches(store, batch):
        started = time.perf_counter()
        write(raw, rows)
        seconds += time.perf_counter() - started
    raw.close()
    return seconds


def line(label: str, count: int, seconds: float) -> float:
    """Print one figure; returns the rate."""
    rate = count / seconds
    print(f"{label:<52} {count:>10,} in {seconds:8.2f} s = {rate:>9,.0f}/s")
    return rate


def compare(store: EventStore, batch: int, loaded: int, ours: float) -> None:
    """The raw driver writing the same rows in the same batches; prints the ratio."""
    if isinstance(store, PostgresEventStore):
        copy = line("raw psycopg COPY, same rows and batches", loaded,
                    raw_load(store, batch, RawEvents.copy))  # fmt: skip
        line("raw psycopg executemany, same rows and batches", loaded,
             raw_load(store, batch, RawEvents.executemany))  # fmt: skip
        print(f"ratio dangjian / raw COPY: {ours / copy:.3f}")
    else:
        many = line("raw sqlite3 executemany, same rows and batches", loaded,
                    raw_load(store, batch, RawEvents.executemany))  # fmt: skip
        print(f"ratio dangjian / raw executemany: {ours / many:.3f}")


def main() -> None:
    """Load the county, then the same rows with the raw driver; print rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store",
        help="postgresql://… loads into a fresh schema there (dropped unless --keep); "
        "sqlite:///FILE loads into that (empty) file; default: a temporary SQLite file",
    )
    parser.add_argument("--batch", type=int, default=10_000, help="events per transaction")
    parser.add_argument("--tmpdir", default=None, help="where the SQLite files go")
    parser.add_argument("--keep", action="store_true", help="PostgreSQL: keep the loaded schema")
    add_county_options(parser)
    args = parser.parse_args()
    print_machine()
    print(f"county {describe_county(args)} on {backend_name(args.store)}, batch {args.batch:,}")
    with scratch_url(args.store, args.tmpdir, "county", keep=args.keep) as url:
        history = TimedIterator(county_of(args))
        started = time.perf_counter()
        with open_app(url) as app:
            print(describe(app.store))
            assert app.store.max_position() == 0, f"{url} is not empty"
            loaded = app.load(history, batch=args.batch)
            load_seconds = time.perf_counter() - started - history.seconds
            print(f"generated by the deciders: {loaded:,} events in {history.seconds:.1f} s")
            ours = line("dangjian app.load (encode + insert + chain)", loaded, load_seconds)
            compare(app.store, args.batch, loaded, ours)
        if args.keep:
            print(f"kept: {url}")
    print_load()


if __name__ == "__main__":
    main()
