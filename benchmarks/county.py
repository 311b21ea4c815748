"""县域数据 — the generated county as a benchmark input: options, caching and loading.

:func:`benchmarks.generate.county` decides every event with the core; loading it takes
minutes at full size, so on SQLite the loaded log is cached in
``$TMPDIR/dangjian-bench/county-<params>.db`` (loaded once, in a child process, so the
benchmark's own peak memory is not the generator's). On PostgreSQL it is loaded into a
fresh schema per run, also from a child process, unless ``--source`` names a store that
already holds it (e.g. one kept by ``bench_bulk_load --keep``).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from adapters.app import open_app
from adapters.app.bulk import HistoryItem
from benchmarks import generate
from benchmarks.backends import is_postgres, scratch_url
from benchmarks.common import CACHE_DIR, checkpoint
from benchmarks.generate import county
from dangjian_core.catalog import EVENT_TYPES

DEFAULTS = {"seed": 1, "towns": 20, "branches": 600, "people": 40_000, "tasks_per_branch": 200}


def add_county_options(parser: argparse.ArgumentParser) -> None:
    """The generator's size options (defaults: the full county, about 2.2M events)."""
    for name, default in DEFAULTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=default)


def county_of(args: argparse.Namespace) -> Iterator[HistoryItem]:
    """The county the options describe, event by event."""
    return county(args.seed, args.towns, args.branches, args.people, args.tasks_per_branch)


def describe_county(args: argparse.Namespace) -> str:
    """The options as one short phrase."""
    return (
        f"seed {args.seed}, {args.towns} towns, {args.branches} branches, "
        f"{args.people:,} people, {args.tasks_per_branch} tasks per branch"
    )


def tag(args: argparse.Namespace) -> str:
    """The options as a file-name part, and a fingerprint of the generator and the event
    names, so a cached log made by older code is not replayed by newer code."""
    code = Path(generate.__file__).read_bytes() + ",".join(sorted(EVENT_TYPES)).encode()
    params = "-".join(f"{name}{getattr(args, name)}" for name in DEFAULTS)
    return f"{params}-{hashlib.sha256(code).hexdigest()[:8]}"


def load(url: str, args: argparse.Namespace, batch: int = 10_000) -> int:
    """Generate and bulk-load the county into the store at ``url``; how many events."""
    with open_app(url) as app:
        return app.load(county_of(args), batch=batch)


def load_in_child(url: str, args: argparse.Namespace) -> None:
    """:func:`load` in a child process, so this process's peak memory stays its own."""
    print(f"loading the county ({describe_county(args)}) into {url} ...", flush=True)
    started = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(target=load, args=(url, args))
    child.start()
    child.join()
    assert child.exitcode == 0, f"loading failed with exit code {child.exitcode}"
    print(f"  loaded in {time.perf_counter() - started:.1f} s", flush=True)


def cached_sqlite(args: argparse.Namespace) -> Path:
    """The county's log in a cached SQLite file, loaded on first use."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"county-{tag(args)}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE_DIR.glob(f"{partial.name}*"):
            leftover.unlink()
        load_in_child(f"sqlite:///{partial}", args)
        checkpoint(partial)
        partial.rename(path)
        for leftover in CACHE_DIR.glob(f"{partial.name}-*"):
            leftover.unlink()
    return path


@contextmanager
def county_source(
    store: str | None, source: str | None, args: argparse.Namespace, tmpdir: str | None
) -> Iterator[str]:
    """A store URL holding the county's log: ``source`` if given, else the SQLite cache,
    else a fresh PostgreSQL schema loaded now (and dropped afterwards)."""
    if source:
        yield source
    elif not is_postgres(store):
        yield f"sqlite:///{cached_sqlite(args)}"
    else:
        with scratch_url(store, tmpdir, "county") as url:
            load_in_child(url, args)
            yield url
