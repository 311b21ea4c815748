"""结果未知 — when the PostgreSQL connection dies after COMMIT but before the reply, the
CLI can't know whether the command was recorded: it says so, names the command id and
time it used, and the retry with them answers the first outcome instead of applying the
points twice."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from adapters.app import open_app
from adapters.storage.postgres.transaction import PostgresWriteTransaction
from tests.adapters.stores import backend_url, village_app
from tests.e2e.test_cli_story import Village
from tests.envelope import data_of
from tests.support import BRANCH, LANZHI, SECRETARY

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

ADJUST = (
    f"--json points adjust {LANZHI} --branch {BRANCH} --delta 3 --reason 表现突出 --as {SECRETARY}"
)


@pytest.fixture
def village(tmp_path: Path) -> Iterator[Village]:
    with backend_url("postgres", tmp_path) as url:
        village_app(url).close()
        yield Village(url)  # type: ignore[arg-type]


def _reply_lost_once(monkeypatch: pytest.MonkeyPatch) -> None:
    commit = PostgresWriteTransaction.commit
    lost: list[bool] = []

    def commit_then_lose_the_reply(self: Any) -> None:
        commit(self)
        if not lost:
            lost.append(True)
            raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(PostgresWriteTransaction, "commit", commit_then_lose_the_reply)


def _adjustments(url: str) -> int:
    with open_app(url) as app:
        return sum(1 for e in app.feed() if type(e.event).__name__ == "PointsAdjusted")


def test_a_lost_commit_reply_says_how_to_retry_and_the_retry_applies_once(
    village: Village, monkeypatch: pytest.MonkeyPatch
) -> None:
    _reply_lost_once(monkeypatch)

    failed = village(ADJUST)
    refusal = json.loads(failed.stdout)["error"]
    again = re.search(r"--command-id (\S+) --at (\S+)", refusal["zh"])
    assert again is not None, refusal
    retried = village(f"{ADJUST} --command-id {again[1]} --at {again[2]}")

    assert 6 == failed.exit_code
    assert "outcome_unknown" == refusal["code"]
    assert 0 == retried.exit_code, retried.stdout
    assert data_of(retried.stdout)["replayed"] is True
    assert 1 == _adjustments(str(village.store))
