"""The HTTP API in-process (FastAPI's test client over the real application and store):
the test village, and people with accounts who log in as a phone would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from adapters.app import Dangjian
from adapters.http import create_app
from adapters.identity import Identity, LoginPolicy
from tests.adapters.stores import backend_url, village_app

PASSWORD = "qiang-mima-2021"


class Phone:
    """One person's browser: a client with its own cookies, and the anti-forgery token
    its page got at login."""

    def __init__(self, client: TestClient, person_id: str) -> None:
        self.client = client
        self.person_id = person_id
        self.csrf = ""

    def login(self, password: str = PASSWORD) -> Any:
        answer = self.client.post(
            "/auth/login", json={"person_id": self.person_id, "password": password}
        )
        if answer.status_code == 200:
            self.csrf = answer.json()["csrf_token"]
        return answer

    def post(self, path: str, body: dict[str, Any] | None = None, **headers: str) -> Any:
        sent = {"X-CSRF-Token": self.csrf, **headers}
        return self.client.post(path, json=body or {}, headers=sent)

    def command(self, name: str, key: str | None = None, **fields: Any) -> Any:
        headers = {"Idempotency-Key": key} if key else {}
        return self.post(f"/commands/{name}", fields, **headers)


class Server:
    """The application, its HTTP face, and a way to give people accounts."""

    def __init__(self, app: Dangjian, policy: LoginPolicy | None = None) -> None:
        self.app = app
        self.api = create_app(app, policy=policy)
        self.identity = Identity(app)

    def open_account(self, person_id: str, inviter: str, password: str = PASSWORD) -> None:
        """Invite the person (as ``inviter``) and set their password, as they would."""
        issued = self.identity.invite(inviter, person_id, command_id=f"invite-{person_id}")
        with TestClient(self.api) as client:
            answer = client.post("/auth/accept", json={"code": issued.code, "password": password})
            assert 200 == answer.status_code, answer.text

    def phone(self, person_id: str) -> Phone:
        """A fresh browser for a person (not logged in yet)."""
        return Phone(TestClient(self.api), person_id)

    def logged_in(self, person_id: str) -> Phone:
        """A browser logged in as the person (their account opened first if needed)."""
        account = self.identity.account(person_id)
        if account is None or not account.open:
            self.open_account(person_id, "wang-sj")
        phone = self.phone(person_id)
        assert 200 == phone.login().status_code
        return phone


def _server(url: str) -> Iterator[Server]:
    app = village_app(url)
    try:
        yield Server(app)
    finally:
        app.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """The test village on SQLite, served in-process."""
    with backend_url("sqlite", tmp_path) as url:
        yield from _server(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    """The test village on each SQL backend, served in-process."""
    with backend_url(request.param, tmp_path) as url:
        yield from _server(url)
