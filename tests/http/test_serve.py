"""``dangjian serve`` for real: uvicorn with two workers on SQLite and on PostgreSQL,
people logging in over sockets, a claim recorded as its claimant, and the event stream
pushing it to a follower as it happens."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from tests import chromium
from tests.adapters.stores import backend_url
from tests.http.served import login, prepare, serving
from tests.support import LANZHI, SECRETARY, XINGCAN

pytestmark = pytest.mark.e2e


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    with backend_url(request.param, tmp_path) as found:
        prepare(found, [SECRETARY, LANZHI, XINGCAN])
        yield found


def _follow(base: str, after: int, seen: list[dict[str, Any]], ready: threading.Event) -> None:
    client, _ = login(base, XINGCAN)
    with client.stream("GET", f"/events/stream?after={after}", timeout=30) as stream:
        ready.set()
        for line in stream.iter_lines():
            if line.startswith("data: "):
                seen.append(json.loads(line[6:]))
                if seen[-1]["type"] == "TaskClaimed":
                    return


def test_a_claim_over_the_real_server_reaches_a_follower_of_the_stream(url: str) -> None:
    with serving(url) as base:
        secretary, csrf = login(base, SECRETARY)
        head = secretary.get("/events?after=0&limit=1000").json()["next_after"]
        seen: list[dict[str, Any]] = []
        ready = threading.Event()
        follower = threading.Thread(target=_follow, args=(base, head, seen, ready), daemon=True)
        follower.start()
        ready.wait(10)
        body = {
            "task_id": "T-live",
            "branch_id": "paixilv",
            "title": "慰问孤寡老人",
            "category": "关爱帮扶",
            "points": 3,
            "slots": 1,
            "deadline": "2099-01-01T09:00:00+08:00",
            "audiences": ["activists"],
            "source_kind": "village",
            "source_reference": "",
        }
        issued = secretary.post("/commands/IssueTask", json=body, headers={"X-CSRF-Token": csrf})
        lanzhi, lanzhi_csrf = login(base, LANZHI)
        claimed = lanzhi.post(
            "/commands/ClaimTask", json={"task_id": "T-live"}, headers={"X-CSRF-Token": lanzhi_csrf}
        )
        follower.join(20)

    assert 200 == issued.status_code, issued.text
    assert 200 == claimed.status_code, claimed.text
    assert ["TaskIssued", "TaskClaimed"] == [e["type"] for e in seen]
    assert LANZHI == seen[-1]["actor_id"]


@pytest.mark.skipif(chromium.browser() is None, reason=chromium.SKIP_REASON)
def test_the_served_pages_render_in_a_browser_with_nothing_fetched_from_elsewhere(
    tmp_path: Path,
) -> None:
    with backend_url("sqlite", tmp_path) as found:
        prepare(found, [SECRETARY])
        with serving(found, workers=1) as base:
            docs = chromium.dump_url(f"{base}/docs", tmp_path / "profile-docs")
            join = chromium.dump_url(f"{base}/join?code=x.y", tmp_path / "profile-join")

    assert "接口目录" in docs
    assert "/commands/ClaimTask" in docs
    assert "设置登录密码" in join
    assert "<script" not in docs + join
    assert "https://" not in docs + join  # no CDN: a village office may be offline
