"""读取延迟 — the points wall of the largest branch and one person's explanation, from the views.

The county's log is loaded (SQLite: a copy of the cached file; PostgreSQL: a fresh
schema) and its views caught up in place — the first start after a bulk load, timed.
Then, many times each: ``app.queries.wall(branch, cycle)`` for the branch with the most
people (ties: the most points rows) and ``app.queries.explain(person, cycle)`` for its
person with the most ledger lines. Each query first checks that the views are current
(one short read transaction), then reads the view rows and builds the answer.

The baseline, in the same run: the raw driver on one open connection running the same
SELECTs on the same view tables and fetching the rows (3 for the wall, 4 for an
explanation), without the currency check, dictionaries or ranking.

    .venv/bin/python -m benchmarks.bench_reads                       # full county, SQLite
    .venv/bin/python -m benchmarks.bench_reads --tasks-per-branch 20
    .venv/bin/python -m benchmarks.bench_reads --store postgresql://postgres@127.0.0.1/test
    .venv/bin/python -m benchmarks.bench_reads --source postgresql://…?schema=bench_county_…
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from adapters.app import Dangjian, open_app
from adapters.storage import projector
from adapters.storage.urls import sqlite_path
from benchmarks.backends import is_postgres, schema_of, server_dsn
from benchmarks.common import percentile, print_load, print_machine
from benchmarks.county import add_county_options, county_source, describe_county


@contextmanager
def store_with_views(args: argparse.Namespace) -> Iterator[str]:
    """A store holding the county (a scratch copy on SQLite), to catch up in place."""
    if not args.source:
        print(f"county: {describe_county(args)}")
    with county_source(args.store, args.source, args, args.tmpdir) as url:
        path = sqlite_path(url)
        if args.source or path is None:
            yield url
            return
        with tempfile.TemporaryDirectory(prefix="dangjian-reads-", dir=args.tmpdir) as scratch:
            copy = Path(scratch) / "county.db"
            shutil.copyfile(path, copy)
            yield f"sqlite:///{copy}"


def pick(app: Dangjian) -> tuple[str, str, str]:
    """The busiest cycle, the largest branch and its person with the most ledger lines."""
    with app.store.views() as views:
        people = views.select("people", {})
        balances = views.select("balances", {})
    cycle = Counter(str(row["cycle"]) for row in balances).most_common(1)[0][0]
    size = Counter(str(row["branch_id"]) for row in people)
    rows = Counter(str(row["branch_id"]) for row in balances if row["cycle"] == cycle)
    branch = max(size, key=lambda b: (size[b], rows[b], b))
    with app.store.views() as views:
        lines = {
            str(p["person_id"]): len(
                views.select("ledger", {"person_id": p["person_id"], "cycle": cycle})
            )
            for p in people
            if p["branch_id"] == branch
        }
    person = max(lines, key=lambda p: (lines[p], p))
    print(f"cycle {cycle}; branch {branch}: {size[branch]} people, {rows[branch]} balances; "
          f"person {person}: {lines[person]} ledger lines")  # fmt: skip
    return cycle, branch, person


class RawReads:
    """The same view SELECTs through the raw driver on one open connection."""

    def __init__(self, url: str) -> None:
        if is_postgres(url):
            self.mark, self.prefix = "%s", f'"{schema_of(url)}".'
            self.connection: Any = psycopg.connect(server_dsn(url), autocommit=True)
        else:
            path = sqlite_path(url)
            assert path is not None
            self.mark, self.prefix = "?", ""
            self.connection = sqlite3.connect(path)

    def _all(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        sql = sql.replace("?", self.mark).replace("view_", f"{self.prefix}view_")
        return list(self.connection.execute(sql, params).fetchall())

    def wall(self, branch: str, cycle: str) -> int:
        """People, balances and category totals of a branch's cycle."""
        people = self._all("SELECT * FROM view_people WHERE branch_id = ? ORDER BY person_id",
                           (branch,))  # fmt: skip
        where = "WHERE branch_id = ? AND cycle = ?"
        self._all(f"SELECT * FROM view_balances {where}", (branch, cycle))
        self._all(f"SELECT * FROM view_category_totals {where}", (branch, cycle))
        return len(people)

    def explain(self, person: str, cycle: str, branch: str) -> int:
        """A person, their ledger lines, balance and category totals in a cycle."""
        self._all("SELECT * FROM view_people WHERE person_id = ?", (person,))
        lines = self._all(
            "SELECT * FROM view_ledger WHERE person_id = ? AND cycle = ? ORDER BY position",
            (person, cycle),
        )
        where = "WHERE person_id = ? AND cycle = ? AND branch_id = ?"
        self._all(f"SELECT * FROM view_balances {where}", (person, cycle, branch))
        self._all(f"SELECT * FROM view_category_totals {where}", (person, cycle, branch))
        return len(lines)

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def measure(label: str, read: Callable[[], object], n: int) -> float:
    """Time ``n`` reads; print p50/p99/mean; returns the mean in µs."""
    read()  # warm caches and prepared statements alike for both sides
    latencies = []
    for _ in range(n):
        started = time.perf_counter_ns()
        read()
        latencies.append((time.perf_counter_ns() - started) / 1000)
    mean = sum(latencies) / n
    print(f"{label:<42} p50 {percentile(latencies, 0.5):8.0f} µs  "
          f"p99 {percentile(latencies, 0.99):8.0f} µs  mean {mean:8.0f} µs")  # fmt: skip
    return mean


def main() -> None:
    """Catch the views up in place, then time the two reads and their raw baselines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store",
        help="postgresql://… loads the county into a fresh schema there (dropped at the end); "
        "default: a copy of the cached SQLite county",
    )
    parser.add_argument("--source", help="read from this store (its views are caught up first)")
    parser.add_argument("--reads", type=int, default=200, help="reads of each kind")
    parser.add_argument("--tmpdir", default=None)
    add_county_options(parser)
    args = parser.parse_args()
    print_machine()
    with store_with_views(args) as url, open_app(url) as app:
        started = time.perf_counter()
        caught = projector.catch_up(app.store)
        seconds = time.perf_counter() - started
        if caught:
            print(f"views caught up in place: {caught:,} events in {seconds:.1f} s "
                  f"= {caught / seconds:,.0f}/s")  # fmt: skip
        cycle, branch, person = pick(app)
        raw = RawReads(url)
        wall = len(app.queries.wall(branch, cycle))
        lines = len(app.queries.explain(person, cycle).lines)
        print(f"{args.reads} reads each; wall {wall} rows, explanation {lines} lines")
        ours_wall = measure("dangjian queries.wall (largest branch)",
                            lambda: app.queries.wall(branch, cycle), args.reads)  # fmt: skip
        raw_wall = measure("raw driver: the wall's 3 SELECTs",
                           lambda: raw.wall(branch, cycle), args.reads)  # fmt: skip
        ours_explain = measure("dangjian queries.explain (one person)",
                               lambda: app.queries.explain(person, cycle), args.reads)  # fmt: skip
        raw_explain = measure("raw driver: the explanation's 4 SELECTs",
                              lambda: raw.explain(person, cycle, branch), args.reads)  # fmt: skip
        print(f"ratio dangjian / raw (mean time): wall {ours_wall / raw_wall:.1f}x, "
              f"explanation {ours_explain / raw_explain:.1f}x")  # fmt: skip
        raw.close()
    print_load()


if __name__ == "__main__":
    main()
