"""抢单风暴 over HTTP — K claimers, each logged in on their own session, race for one
task's S slots through the real server (``dangjian serve``: uvicorn, several workers).

Prepared first (not timed): the village, K registered villagers each with an account
(invited, password set) and a session (logged in over HTTP), and a task with S slots
issued now. Then all K ``POST /commands/ClaimTask`` are sent with at most C in flight,
and the time until every claimer has an answer is measured, with each answer's latency.
The baseline, measured the same way in the same run against the same server, is K
authenticated no-op requests (``GET /auth/me``: the session looked up, the account
folded), so the ratio says what deciding and recording a claim adds to a round trip.

Expected: exactly S answers 200 (领办成功), K - S answers 409 ``no_slots``, exactly S
``TaskClaimed`` events in the log.

    .venv/bin/python -m benchmarks.bench_http_claim_storm                 # SQLite file
    .venv/bin/python -m benchmarks.bench_http_claim_storm --store $PG     # PostgreSQL
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import Counter
from datetime import timedelta
from typing import Any

import attrs
import httpx
from tests.http.conftest import PASSWORD
from tests.http.served import serving
from tests.support import SECRETARY, T0, setup_commands

from adapters.app import open_app
from adapters.identity import Identity
from benchmarks.backends import describe, scratch_url
from benchmarks.common import issue_task, percentile, person_id, print_load, print_machine, register

TASK = "storm-http"


def prepare(url: str, claimers: int, slots: int) -> None:
    """The village, K villagers with accounts, and the task (issued now)."""
    with open_app(url) as app:
        print(describe(app.store))
        for command in setup_commands():
            app.handle(command)
        door = Identity(app)
        for i in range(claimers):
            app.handle(register(i, T0))
            issued = door.invite(SECRETARY, person_id(i), command_id=f"invite-{i}")
            door.accept(issued.code, PASSWORD)
        now = app.now()
        app.handle(attrs.evolve(issue_task(TASK, slots, now), deadline=now + timedelta(days=7)))


async def _login(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    answer = await client.post("/auth/login", json={"person_id": who, "password": PASSWORD})
    answer.raise_for_status()
    return {
        "Cookie": f"dangjian_session={answer.cookies['dangjian_session']}",
        "X-CSRF-Token": answer.json()["csrf_token"],
    }


async def _timed(
    gate: asyncio.Semaphore, send: Any, latencies: list[float], outcomes: Counter[str]
) -> None:
    async with gate:
        started = time.perf_counter()
        answer = await send()
        latencies.append((time.perf_counter() - started) * 1000)
        code = "ok" if answer.status_code == 200 else answer.json().get("code", "?")
        outcomes[f"{answer.status_code} {code}"] += 1
        if code not in ("ok", "no_slots") and outcomes[f"{answer.status_code} {code}"] == 1:
            print(f"  first {code}: {answer.json().get('en')}")


async def _wave(
    client: httpx.AsyncClient, sessions: list[dict[str, str]], in_flight: int, claim: bool
) -> tuple[float, list[float], Counter[str]]:
    gate = asyncio.Semaphore(in_flight)
    latencies: list[float] = []
    outcomes: Counter[str] = Counter()

    def sender(headers: dict[str, str]) -> Any:
        if claim:
            return lambda: client.post(
                "/commands/ClaimTask", json={"task_id": TASK}, headers=headers
            )
        return lambda: client.get("/auth/me", headers=headers)

    started = time.perf_counter()
    await asyncio.gather(*(_timed(gate, sender(h), latencies, outcomes) for h in sessions))
    return time.perf_counter() - started, latencies, outcomes


def _report(name: str, seconds: float, latencies: list[float], outcomes: Counter[str]) -> float:
    rate = len(latencies) / seconds
    print(
        f"{name}: {len(latencies):,} answered in {seconds:.2f} s ({rate:,.0f}/s), "
        f"p50 {percentile(latencies, 0.5):.0f} ms, p99 {percentile(latencies, 0.99):.0f} ms; "
        f"{dict(outcomes.most_common())}"
    )
    return rate


async def storm(base: str, claimers: int, in_flight: int) -> tuple[Counter[str], float]:
    """Log everyone in, run the baseline wave, then the claim wave; the claim outcomes
    and the ratio of claim to baseline throughput."""
    limits = httpx.Limits(max_connections=in_flight, max_keepalive_connections=in_flight)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        gate = asyncio.Semaphore(in_flight)

        async def login(i: int) -> dict[str, str]:
            async with gate:
                return await _login(client, person_id(i))

        started = time.perf_counter()
        sessions = await asyncio.gather(*(login(i) for i in range(claimers)))
        print(f"logged in {claimers:,} claimers in {time.perf_counter() - started:.1f} s")
        baseline = _report(
            "baseline GET /auth/me", *await _wave(client, sessions, in_flight, False)
        )
        seconds, latencies, outcomes = await _wave(client, sessions, in_flight, True)
        rate = _report("claims POST /commands/ClaimTask", seconds, latencies, outcomes)
    return outcomes, rate / baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None, help="postgresql://… (default: a SQLite file)")
    parser.add_argument("--claimers", type=int, default=1000)
    parser.add_argument("--slots", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--in-flight", type=int, default=16, help="requests in flight at once")
    args = parser.parse_args()
    print_machine()
    print(
        f"K={args.claimers:,} claimers, S={args.slots} slots, {args.workers} workers, "
        f"{args.in_flight} requests in flight"
    )
    with scratch_url(args.store) as url:
        started = time.perf_counter()
        prepare(url, args.claimers, args.slots)
        print(f"prepared in {time.perf_counter() - started:.1f} s")
        with serving(url, workers=args.workers) as base:
            outcomes, ratio = asyncio.run(storm(base, args.claimers, args.in_flight))
        with open_app(url) as app:
            rows = app.store.read_stream(f"task-{TASK}")
            recorded = sum(1 for row in rows if row.topic == "TaskClaimed")
    won = outcomes.get("200 ok", 0)
    verdict = "OK" if won == recorded == args.slots else "MISMATCH"
    print(f"winners {won}, TaskClaimed recorded {recorded} (expected {args.slots}) {verdict}")
    print(f"ratio claim / baseline throughput: {ratio:.2f}")
    print_load()


if __name__ == "__main__":
    main()
