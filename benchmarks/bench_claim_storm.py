"""抢单风暴 — K claimers race for one task's S slots, from several OS processes at once.

The village (K registered villagers and one task per slot count) is prepared first.
Then P processes each open the application on the same store (a SQLite file, or a
PostgreSQL schema with ``--store postgresql://…``), start T threads
sharing the process's K/P claimers (each a different person) and wait at a start
signal; the parent releases them all at once and measures the time until every
claimer has its answer. The default is one thread per process (P claims in flight at
once); ``--threads 0`` gives every claimer its own thread (K in flight at once).

Per claimer we count ``handle`` attempts: a :class:`StoreBusy` (the store stayed
locked past its timeout) is retried; any other storage error is counted and not
retried. The design expects exactly one attempt each, exactly S claims recorded, and
K - S clear ``NoSlotsLeft`` answers.

    .venv/bin/python -m benchmarks.bench_claim_storm                 # K=1000, S=10 and 200, 8×1
    .venv/bin/python -m benchmarks.bench_claim_storm --threads 0     # 8 processes × 125 threads
    .venv/bin/python -m benchmarks.bench_claim_storm --store postgresql://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import multiprocessing
import threading
import time
from collections import Counter
from typing import Any

from tests.support import T0, setup_commands

from adapters.app import open_app
from adapters.storage.errors import StoreBusy
from adapters.storage.urls import open_store
from benchmarks.backends import backend_name, describe, scratch_url
from benchmarks.common import (
    issue_task,
    percentile,
    person_id,
    print_load,
    print_machine,
    register,
)
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import TaskId
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.state import NoSlotsLeft

MAX_ATTEMPTS = 20


def prepare(url: str, claimers: int, slot_counts: list[int]) -> None:
    """The village with ``claimers`` villagers and one task per slot count."""
    with open_app(url) as app:
        print(describe(app.store))
        for command in setup_commands():
            app.handle(command)
        for i in range(claimers):
            app.handle(register(i, T0))
        for slots in slot_counts:
            app.handle(issue_task(f"storm-{slots}", slots, T0))


def claim(app: Any, task_id: str, who: int) -> dict[str, Any]:
    """One claimer's attempts until an answer; the outcome, attempts and timings."""
    result: dict[str, Any] = {"attempts": 0, "busy": 0}
    command = ClaimTask(TaskId(task_id), person_id(who), T0)
    result["started"] = time.monotonic()
    while result["attempts"] < MAX_ATTEMPTS:
        result["attempts"] += 1
        try:
            outcome = app.handle(command)
        except StoreBusy:
            result["busy"] += 1
            continue
        except NoSlotsLeft:
            result["outcome"] = "NoSlotsLeft"
        except DomainError as error:
            result["outcome"] = f"{type(error).__name__}: {error}"
        except Exception as error:
            result["outcome"] = f"unexpected {type(error).__name__}: {error}"
        else:
            result["outcome"] = "claimed" if outcome.changed else "no change"
        break
    else:
        result["outcome"] = "gave up (busy)"
    result["ended"] = time.monotonic()
    return result


def worker(
    url: str, task_id: str, people: list[int], threads: int, ready: Any, go: Any, out: Any
) -> None:
    """One OS process: one app, ``threads`` threads sharing the process's claimers."""
    app = open_app(url)
    results: list[dict[str, Any]] = []
    lanes = [people[i::threads] for i in range(threads)]

    def run(lane: list[int]) -> None:
        go.wait()
        for who in lane:
            results.append(claim(app, task_id, who))

    pool = [threading.Thread(target=run, args=(lane,)) for lane in lanes if lane]
    for thread in pool:
        thread.start()
    ready.release()
    for thread in pool:
        thread.join()
    app.close()
    out.put(results)


def storm(url: str, slots: int, claimers: int, processes: int, threads: int) -> None:
    """Release every claimer at once and print what happened."""
    context = multiprocessing.get_context("fork")
    ready, go, out = context.Semaphore(0), context.Event(), context.Queue()
    task_id = f"storm-{slots}"
    shares = [list(range(claimers))[p::processes] for p in range(processes)]
    children = [
        context.Process(
            target=worker,
            args=(url, task_id, share, threads or len(share), ready, go, out),
        )
        for share in shares
    ]
    for child in children:
        child.start()
    for _ in children:
        ready.acquire()
    released = time.monotonic()
    go.set()
    results = [r for _ in children for r in out.get()]
    for child in children:
        child.join()
    summarise(url, task_id, slots, claimers, released, results)


def summarise(
    url: str, task_id: str, slots: int, claimers: int, released: float, results: list[Any]
) -> None:
    """Print answers, attempts, timings and the recorded claims."""
    answered = max(r["ended"] for r in results) - released
    outcomes = Counter(r["outcome"] for r in results)
    attempts = Counter(r["attempts"] for r in results)
    waits = [(r["ended"] - r["started"]) * 1000 for r in results]
    store = open_store(url)
    recorded = sum(row.topic == "TaskClaimed" for row in store.read_stream(f"task-{task_id}"))
    store.close()
    print(f"S={slots}: {len(results):,}/{claimers:,} claimers answered in {answered:.2f} s "
          f"({len(results) / answered:,.0f} answers/s)")  # fmt: skip
    print(f"  outcomes: {dict(outcomes.most_common())}")
    print(f"  attempts per claimer: {dict(sorted(attempts.items()))}, "
          f"StoreBusy retries: {sum(r['busy'] for r in results)}")  # fmt: skip
    print(f"  answer time per claimer: p50 {percentile(waits, 0.5):.0f} ms, "
          f"p99 {percentile(waits, 0.99):.0f} ms, max {max(waits):.0f} ms")  # fmt: skip
    verdict = "OK" if recorded == slots == outcomes["claimed"] else "MISMATCH"
    print(f"  TaskClaimed events recorded: {recorded} (expected {slots}) {verdict}")
    clean = outcomes["claimed"] + outcomes["NoSlotsLeft"] == claimers and max(attempts) == 1
    print(
        f"  every claimer answered claimed/NoSlotsLeft in one attempt: {'yes' if clean else 'NO'}"
    )


def main() -> None:
    """Prepare the village once, then run one storm per slot count."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claimers", "-k", type=int, default=1000)
    parser.add_argument("--slots", "-s", type=int, nargs="+", default=[10, 200])
    parser.add_argument("--processes", "-p", type=int, default=8)
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per process; 0: one per claimer"
    )
    parser.add_argument(
        "--store",
        help="postgresql://… storms a fresh schema there (dropped at the end); "
        "default: a SQLite file in a temporary directory",
    )
    parser.add_argument("--tmpdir", default=None)
    args = parser.parse_args()
    print_machine()
    threads = args.threads or "one-per-claimer"
    print(f"K={args.claimers:,} claimers, {args.processes} processes × {threads} thread(s), "
          f"on {backend_name(args.store)}")  # fmt: skip
    with scratch_url(args.store, args.tmpdir, "storm") as url:
        prepare(url, args.claimers, args.slots)
        for slots in args.slots:
            storm(url, slots, args.claimers, args.processes, args.threads)
    print_load()


if __name__ == "__main__":
    main()
