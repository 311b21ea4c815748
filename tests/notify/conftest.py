"""Fixtures for the notifier: the fake robots' server, and the test village on a SQLite
file or (when a server answers) a fresh PostgreSQL schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.app import Dangjian
from tests.adapters.stores import backend_url, village_app
from tests.notify.fake_robot import FakeRobots

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def fake() -> Iterator[FakeRobots]:
    """The fake robots' server, serving for the test."""
    with FakeRobots().running() as robots:
        yield robots


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite file, or a fresh PostgreSQL schema (dropped after)."""
    with backend_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def app(store_url: str) -> Iterator[Dangjian]:
    """The test village on the store."""
    application = village_app(store_url)
    yield application
    application.close()
