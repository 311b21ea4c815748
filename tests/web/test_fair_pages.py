"""公平领办 on the member pages, in-process on each SQL backend: a full task with a
waitlist offers 加入候补, 我的任务 shows the place, a withdrawal promotes the first waiting
person at once (their page says 已领办); a task with a draw window offers 报名抽签."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.adapters.stores import backend_url, village_app
from tests.http.conftest import PASSWORD, Server
from tests.web.members import LANZHI, XINGCAN


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    """The test village served in-process on each SQL backend."""
    with backend_url(request.param, tmp_path) as url:
        app = village_app(url)
        try:
            yield Server(app)
        finally:
            app.close()


def _client(server: Server, person_id: str) -> tuple[TestClient, str]:
    server.open_account(person_id, "wang-sj")
    client = TestClient(server.api)
    answer = client.post("/login", data={"person_id": person_id, "password": PASSWORD})
    assert 200 == answer.status_code, answer.text
    token = re.search(r'name="csrf-token" content="([^"]+)"', answer.text)
    assert token is not None
    return client, token.group(1)


def _issue(server: Server, task_id: str, **fair: Any) -> None:
    deadline = (server.app.now() + timedelta(days=7)).isoformat()
    body = {"task_id": task_id, "branch_id": "paixilv", "title": "清理水渠", "category": "环境卫生整治",
            "points": 5, "slots": 1, "deadline": deadline, "audiences": ["activists"],
            "source_kind": "village", "source_reference": "", **fair}  # fmt: skip
    answer = server.logged_in("lv-zw").command("IssueTask", **body)
    assert 200 == answer.status_code, answer.text


def _post(client: TestClient, path: str, token: str, task_id: str) -> str:
    answer = client.post(path, data={"task_id": task_id, "csrf": token}, follow_redirects=False)
    assert 303 == answer.status_code, answer.text
    return str(answer.headers["location"])


def _text(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def test_a_full_task_with_a_waitlist_takes_a_place_and_a_withdrawal_promotes_it(
    server: Server,
) -> None:
    _issue(server, "T-wait", waitlist=True)
    lanzhi, lanzhi_token = _client(server, LANZHI)
    xingcan, xingcan_token = _client(server, XINGCAN)
    _post(lanzhi, "/hall/claim", lanzhi_token, "T-wait")
    assert "加入候补" in xingcan.get("/hall").text

    where = _post(xingcan, "/hall/claim", xingcan_token, "T-wait")

    assert "done=waiting" in where
    assert "已加入候补" in xingcan.get(where).text
    mine = _text(xingcan.get("/mine").text)
    assert "候补第1位" in mine
    assert "放弃候补" in mine

    _post(lanzhi, "/hall/withdraw", lanzhi_token, "T-wait")

    mine = _text(xingcan.get("/mine").text)
    assert "已领办" in mine
    assert "候补第" not in mine


def test_a_task_with_a_draw_window_collects_entries(server: Server) -> None:
    _issue(server, "T-draw", draw_minutes=30)
    lanzhi, token = _client(server, LANZHI)
    assert "报名抽签" in lanzhi.get("/hall").text

    where = _post(lanzhi, "/hall/claim", token, "T-draw")

    assert "done=entered" in where
    mine = _text(lanzhi.get("/mine").text)
    assert "已报名抽签" in mine
    assert "放弃抽签" in mine
