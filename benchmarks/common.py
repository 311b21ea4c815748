"""基准公用 — a synthetic village's commands, timing and printing helpers.

Every benchmark compares dangjian with a raw baseline measured in the same run, on the
same database (see :mod:`benchmarks.backends`).
"""

from __future__ import annotations

import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

from attrs import frozen
from tests.support import BRANCH, ORGANIZER, REVIEWER, T0, TOWN, setup_commands

from adapters.app import open_app
from dangjian_core.kernel.ids import PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    SubmitCompletion,
)
from dangjian_core.tasks.events import Audience, SourceKind

#: Slot counts cycled through by the generated tasks (mean 21.25 slots per task).
SLOT_MIX = (5, 10, 20, 50)
#: How many tasks are open at once; commands of open tasks are interleaved.
OPEN_TASKS = 32
#: Share of claimants rejected once (then they resubmit and are approved).
REJECT_SHARE = 0.1
CACHE_DIR = Path(tempfile.gettempdir()) / "dangjian-bench"


def person_id(i: int) -> PersonId:
    """The id of the i-th generated villager."""
    return PersonId(f"p{i:05d}")


def register(i: int, at: datetime) -> RegisterPerson:
    """Register the i-th villager: even ones activists, odd ones volunteers."""
    status = PartyStatus.ACTIVIST if i % 2 == 0 else PartyStatus.VILLAGER
    return RegisterPerson(person_id(i), BRANCH, f"吕{i}号", status, date(2020, 9, 1), TOWN, at)


def issue_task(task_id: str, slots: int, at: datetime) -> IssueTask:
    """A village task open to activists and volunteers for a year."""
    return IssueTask(
        TaskId(task_id),
        BRANCH,
        f"环境卫生整治任务 {task_id}",
        "环境卫生整治",
        5,
        slots,
        at + timedelta(days=365),
        (Audience.ACTIVISTS, Audience.VOLUNTEERS),
        SourceKind.VILLAGE,
        "",
        ORGANIZER,
        at,
    )


def people_for(n: int) -> int:
    """How many villagers a run of ``n`` commands registers (about 2% of the commands)."""
    return max(200, n // 50)


def _claimant_steps(task_id: str, pid: PersonId, rng: random.Random) -> list[Any]:
    """One claimant's steps as (kind, ...) tuples; times are filled in later."""
    steps: list[Any] = [("claim", task_id, pid), ("submit", task_id, pid, 1)]
    if rng.random() < REJECT_SHARE:
        steps += [("reject", task_id, pid), ("submit", task_id, pid, 2)]
    return [*steps, ("approve", task_id, pid)]


def _task_queue(task_id: str, slots: int, people: int, rng: random.Random) -> list[Any]:
    """A task's steps: each claimant's steps in order, claimants randomly interleaved."""
    lanes = [_claimant_steps(task_id, person_id(i), rng) for i in rng.sample(range(people), slots)]
    merged: list[Any] = []
    while lanes:
        lane = rng.choice(lanes)
        merged.append(lane.pop(0))
        if not lane:
            lanes.remove(lane)
    return merged


def _command(step: tuple[Any, ...], at: datetime) -> Any:
    kind, task_id, pid = step[:3]
    if kind == "claim":
        return ClaimTask(task_id, pid, at)
    if kind == "submit":
        note = "打扫村口卫生，清运垃圾三车" if step[3] == 1 else "已按要求补拍照片并重新清理"
        return SubmitCompletion(task_id, note, (f"{task_id}-{pid}-{step[3]}.jpg",), pid, at)
    if kind == "reject":
        return RejectCompletion(task_id, pid, "照片不清楚，请补拍", REVIEWER, at)
    return ApproveCompletion(task_id, pid, None, "", REVIEWER, at)


def village_commands(n: int, seed: int = 2021) -> Iterator[Any]:
    """Exactly ``n`` valid commands: the seed village, villagers, then interleaved tasks.

    Tasks have 5–50 slots; each claimant claims, submits, is sometimes rejected once and
    resubmits, and is approved. ``OPEN_TASKS`` tasks are in progress at any time.
    """
    rng = random.Random(seed)
    people = people_for(n)
    head = [*setup_commands(), *(register(i, T0 - timedelta(days=1)) for i in range(people))]
    yield from head[:n]
    emitted, issued, tick = len(head), 0, 0
    open_tasks: list[list[Any]] = []
    while emitted < n:
        tick += 1
        at = T0 + timedelta(seconds=30 * tick)
        if len(open_tasks) < OPEN_TASKS:
            slots = SLOT_MIX[issued % len(SLOT_MIX)]
            task_id = f"T{issued:06d}"
            issued += 1
            open_tasks.append(_task_queue(task_id, slots, people, rng))
            yield issue_task(task_id, slots, at)
        else:
            queue = rng.choice(open_tasks)
            yield _command(queue.pop(0), at)
            if not queue:
                open_tasks.remove(queue)
        emitted += 1


def build_village(path: Path, n: int) -> Path:
    """Create an SQLite store at ``path`` holding the outcome of ``n`` village commands."""
    with open_app(str(path)) as app:
        for command in village_commands(n):
            app.handle(command)
    return path


def cached_village(n: int) -> Path:
    """A village of ``n`` commands in the cache directory, generated on first use."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"village-{n}.db"
    if not path.exists():
        print(f"generating {n:,} commands into {path} (once) ...", flush=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        for leftover in CACHE_DIR.glob(f"{partial.name}*"):
            leftover.unlink()
        build_village(partial, n)
        checkpoint(partial)
        partial.rename(path)
        for leftover in CACHE_DIR.glob(f"{partial.name}-*"):
            leftover.unlink()
        print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def checkpoint(path: Path) -> None:
    """Fold the WAL back into the database file, so the file alone holds every row."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@frozen
class Run:
    """What timed loops took: wall seconds, CPU seconds and per-item latencies (ns)."""

    count: int
    seconds: float
    cpu_seconds: float
    latencies: list[int]

    def __add__(self, other: Run) -> Run:
        return Run(
            self.count + other.count,
            self.seconds + other.seconds,
            self.cpu_seconds + other.cpu_seconds,
            self.latencies + other.latencies,
        )


NO_RUN = Run(0, 0.0, 0.0, [])


def timed_loop(items: Sequence[Any], step: Callable[[Any], object]) -> Run:
    """Call ``step`` on each item, timing each call and the whole loop."""
    latencies: list[int] = []
    clock = time.perf_counter_ns
    started, cpu = time.perf_counter(), time.process_time()
    for item in items:
        began = clock()
        step(item)
        latencies.append(clock() - began)
    return Run(len(items), time.perf_counter() - started, time.process_time() - cpu, latencies)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of ``values`` (``share`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def machine() -> dict[str, str]:
    """The facts that make figures comparable between machines."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except OSError:
        ram = "unknown"
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "eventsourcing": metadata.version("eventsourcing"),
        "psycopg": metadata.version("psycopg"),
        "platform": sys.platform,
    }


def print_machine() -> None:
    """Print :func:`machine` on one line, and the load now (other work skews figures)."""
    print(" · ".join(f"{k} {v}" for k, v in machine().items()))
    print_load()


def print_load() -> None:
    """Print the 1/5/15-minute load averages: above ~0.5 on 2 cores, figures are noisy."""
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
