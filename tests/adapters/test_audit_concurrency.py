"""Concurrency, process against process: writers at the same stream version and retries of
one command id. Exactly one writer wins, nobody is told "success" without its event, a
retried command is applied once — and afterwards the chain verifies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.audit.chaincheck import check_chain
from adapters.audit.evidence import of_store
from adapters.storage.chain import LinkedEvent, event_digest
from adapters.storage.urls import open_store
from dangjian_core.tasks.events import TaskClaimed
from tests.adapters.audit_race_worker import COMMAND_ID
from tests.adapters.audit_support import checked
from tests.adapters.stores import backend_url, village_app
from tests.support import LANZHI, issue

REPO = Path(__file__).resolve().parents[2]
WORKERS = 4


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    """A store several processes open: SQLite file or PostgreSQL schema."""
    with backend_url(request.param, tmp_path) as url:
        with village_app(url) as app:
            app.handle(issue("T1", slots=3))
        yield url


def _race(*argvs: list[str]) -> list[dict[str, object]]:
    """Start one worker per argv; once all are ready, let them go at once; their reports."""
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.adapters.audit_race_worker", *argv],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in argvs
    ]
    for child in children:
        assert child.stdout is not None
        assert "ready\n" == child.stdout.readline(), child.stderr
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    reports = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert 0 == child.returncode, err
        reports.append(json.loads(out))
    return reports


def _chain_agrees(url: str) -> bool:
    store = open_store(url)
    try:
        evidence = of_store(store)
        log = [
            (
                r.position,
                event_digest(LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state)),
            )
            for r in evidence.rows()
        ]
        result = check_chain(evidence.ledger, log, evidence.chain)
        return not result.findings and result.first_bad is None
    finally:
        store.close()


def test_writers_at_the_same_version_one_wins_and_none_succeeds_without_its_event(
    shared_url: str,
) -> None:
    reports = _race(*[["append", shared_url, "adjustment-R1", f"p{n}"] for n in range(WORKERS)])

    winners = [r for r in reports if r["won"]]
    store = open_store(shared_url)
    try:
        stream = store.read_stream("adjustment-R1")
    finally:
        store.close()
    assert 1 == len(winners), reports
    assert {"StorageError"} == {r["error"] for r in reports if not r["won"]}
    [event] = stream
    assert (winners[0]["position"], 1) == (event.position, event.version)
    assert f'"reason":"{winners[0]["name"]}"'.encode() in event.state
    assert _chain_agrees(shared_url)


def test_a_command_id_retried_at_once_from_many_processes_is_applied_once(shared_url: str) -> None:
    reports = _race(*[["retry", shared_url, f"p{n}"] for n in range(WORKERS)])

    with village_app(shared_url) as app:
        claims = [
            r
            for r in app.feed()
            if isinstance(r.event, TaskClaimed) and r.event.claimant_id == LANZHI
        ]
        with app.store.writing("check") as tx:
            record = tx.recall(COMMAND_ID)
    assert 1 == len(claims)
    assert [False] + [True] * (WORKERS - 1) == sorted(bool(r["replayed"]) for r in reports)
    assert {(claims[0].position,)} == {tuple(r["positions"]) for r in reports}  # type: ignore[arg-type]
    assert record is not None
    assert 1 == record.count
    assert checked(shared_url, []).ok
