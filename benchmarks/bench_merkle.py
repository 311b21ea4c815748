"""默克尔树基准 — what the RFC 6962 tree costs beside the hash chain, and its proofs at scale.

1. Append overhead, measured in the same run on the same backend: ``append_batch`` of one
   event per transaction (``--n`` of them: a command's append) and of ``--batch`` events
   (``--batched`` events in all: a bulk load), into a store
   that grows the chain *and* the tree, and into one where the tree's writes are switched
   off (the chain alone, as before the tree). The two alternate in chunks so both see the
   same load; the ratio is tree+chain over chain.
2. Proofs at ``--leaves`` (default 2,000,000) synthetic leaves held in memory (the tree's
   stored hashes, as the store keeps them): inclusion and consistency proofs generated
   and verified for ``--proofs`` random leaves and size pairs — bytes per proof, and the
   median and p99 time of each step.
3. The same proofs read from an SQLite store's tree table at ``--sql-leaves`` (default
   200,000) leaves, written by the store's own append path, to show the reads' cost.

    .venv/bin/python -m benchmarks.bench_merkle [--n 2000] [--leaves 2000000] [--store PG]

Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from adapters.audit.tree import log_head, prove_consistency, prove_inclusion
from adapters.storage import sql_ledger
from adapters.storage.merkle import (
    HashTree,
    consistency_proof,
    inclusion_proof,
    stored_index,
    verify_consistency,
    verify_inclusion,
)
from adapters.storage.postgres import statements
from adapters.storage.store import EventStore, NewEvent
from adapters.storage.urls import open_store

STATE = b'{"at":"2026-12-03T09:00:00+08:00","actor_id":"lv-lanzhi","points":5,"note":"\xe6\x89\x93\xe6\x89\xab"}'


@contextmanager
def _chain_only() -> Iterator[None]:
    """The append path with the tree switched off — neither computed nor written: the
    chain it replaces (SQLite through ``SqlLedger.link``, PostgreSQL through the queued
    statements)."""
    with (
        mock.patch.object(sql_ledger, "tree_growth", return_value=None),
        mock.patch.object(sql_ledger, "apply_growth", return_value=None),
        mock.patch.object(statements, "tree_growth", return_value=None),
        mock.patch.object(statements, "queued_growth", return_value=[]),
    ):
        yield


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def append_overhead(
    url_of: Callable[[str], str], n: int, batch: int, chunk: int, batched: int
) -> None:
    """Alternate chunks of appends into a tree store and a chain-only store."""
    tree_store = open_store(url_of("tree"))
    chain_store = open_store(url_of("chain"))
    timings = {"tree": 0.0, "chain": 0.0}
    counter = {"tree": 0, "chain": 0}

    def run(name: str, store: EventStore, size: int) -> None:
        started = time.perf_counter()
        for _ in range(chunk):
            counter[name] += 1
            events = [
                (f"bench-{counter[name]}-{k}", NewEvent(1, "bench.Done", STATE))
                for k in range(size)
            ]
            store.append_batch(events)
        timings[name] += time.perf_counter() - started

    try:
        for size, events, label in (
            (1, n, "1 event per transaction"),
            (batch, batched, f"{batch} per transaction"),
        ):
            timings.update(tree=0.0, chain=0.0)
            for _ in range(max(1, events // (chunk * size))):
                run("tree", tree_store, size)
                with _chain_only():
                    run("chain", chain_store, size)
            ratio = timings["tree"] / timings["chain"]
            print(
                f"append, {label}: chain+tree {timings['tree']:.2f} s, chain {timings['chain']:.2f} s"
                f" → ratio {ratio:.2f}"
            )
        assert tree_store.tree_size() == len(tree_store.read_chain(0, 10**9))
    finally:
        tree_store.close()
        chain_store.close()


def _timed(step: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def proofs_in_memory(leaves: int, proofs: int, rng: random.Random) -> None:
    """Proof sizes and times over ``leaves`` synthetic leaves."""
    tree = HashTree()
    started = time.perf_counter()
    for i in range(leaves):
        tree.append(hashlib.sha256(i.to_bytes(8, "big")).digest())
    print(f"tree of {leaves:,} leaves built in {time.perf_counter() - started:.1f} s "
          f"({len(tree.hashes):,} stored hashes)")  # fmt: skip
    root = tree.root()
    made, checked, sizes = [], [], []
    for _ in range(proofs):
        index = rng.randrange(leaves)
        seconds, path = _timed(lambda index=index: inclusion_proof(index, leaves, tree.read))
        made.append(seconds)
        assert isinstance(path, list)
        sizes.append(len(path))
        leaf = tree.hashes[stored_index(0, index)]
        checked.append(
            _timed(lambda i=index, h=leaf, p=path: verify_inclusion(h, i, leaves, p, root))[0]
        )
    _report("inclusion", made, checked, sizes)
    made, checked, sizes = [], [], []
    for _ in range(proofs):
        old = rng.randrange(1, leaves)
        old_root = tree.root(old)
        seconds, path = _timed(lambda old=old: consistency_proof(old, leaves, tree.read))
        made.append(seconds)
        assert isinstance(path, list)
        sizes.append(len(path))
        checked.append(
            _timed(lambda m=old, r=old_root, p=path: verify_consistency(m, leaves, r, root, p))[0]
        )
    _report("consistency", made, checked, sizes)


def _report(kind: str, made: list[float], checked: list[float], sizes: list[int]) -> None:
    print(
        f"{kind} proof: {statistics.mean(sizes):.1f} hashes on average (max {max(sizes)}, "
        f"{max(sizes) * 32} bytes); make p50 {_ms(statistics.median(made))} "
        f"p99 {_ms(_percentile(made, 0.99))}; verify p50 {_ms(statistics.median(checked))} "
        f"p99 {_ms(_percentile(checked, 0.99))}"
    )


def proofs_from_sql(url: str, leaves: int, proofs: int, rng: random.Random) -> None:
    """Proof reads from a store's tree table (written by the append path)."""
    store = open_store(url)
    try:
        started = time.perf_counter()
        for start in range(0, leaves, 10_000):
            store.append_batch(
                [(f"s-{i}", NewEvent(1, "bench.Done", STATE)) for i in range(start, min(leaves, start + 10_000))]
            )  # fmt: skip
        print(f"store of {leaves:,} events appended in {time.perf_counter() - started:.1f} s")
        made = [
            _timed(lambda: prove_inclusion(store, rng.randrange(leaves), leaves))[0]
            for _ in range(proofs)
        ]
        linked = [
            _timed(lambda: prove_consistency(store, rng.randrange(1, leaves), leaves))[0]
            for _ in range(proofs)
        ]
        heads = [_timed(lambda: log_head(store, rng.randrange(leaves)))[0] for _ in range(proofs)]
        print(
            f"from the store: inclusion p50 {_ms(statistics.median(made))}, consistency p50 "
            f"{_ms(statistics.median(linked))}, log_head p50 {_ms(statistics.median(heads))}"
        )
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="events appended per store and mode")
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--batched", type=int, default=200_000, help="events appended in batches")
    parser.add_argument("--chunk", type=int, default=100, help="transactions per alternation")
    parser.add_argument("--leaves", type=int, default=2_000_000)
    parser.add_argument("--sql-leaves", type=int, default=200_000)
    parser.add_argument("--proofs", type=int, default=1000)
    parser.add_argument("--store", default=None, help="postgresql://… (default: SQLite files)")
    args = parser.parse_args()
    rng = random.Random(17)
    schemas: list[str] = []
    with tempfile.TemporaryDirectory() as folder:

        def url_of(name: str) -> str:
            if args.store:
                schemas.append(f"bench_merkle_{name}_{rng.randrange(10**9)}")
                return f"{args.store}{'&' if '?' in args.store else '?'}schema={schemas[-1]}"
            return f"sqlite:///{Path(folder) / name}.db"

        try:
            append_overhead(url_of, args.n, args.batch, args.chunk, args.batched)
            proofs_in_memory(args.leaves, args.proofs, rng)
            proofs_from_sql(url_of("proofs"), args.sql_leaves, min(args.proofs, 200), rng)
        finally:
            _drop(args.store, schemas)


def _drop(url: str | None, schemas: list[str]) -> None:
    """Drop the fresh PostgreSQL schemas the run made."""
    if url is None or not schemas:
        return
    import psycopg

    with psycopg.connect(url.split("?")[0], autocommit=True) as connection:
        for schema in schemas:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


if __name__ == "__main__":
    main()
