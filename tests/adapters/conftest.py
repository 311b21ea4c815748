"""Shared fixtures: one test body runs against every store backend.

``store_url`` names a fresh, empty store per test, once per entry of
:data:`tests.adapters.stores.BACKENDS` (where PostgreSQL is to be added); ``store`` opens
it bare and ``app`` opens the application on it with the small 派溪吕村 of
:mod:`tests.support` already set up. SQLite-only tests (file corruption, processes racing
on one file, crashes) use ``sqlite_url``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.app import Dangjian
from adapters.storage.store import EventStore
from adapters.storage.urls import open_store
from tests.adapters.stores import BACKENDS, backend_url, village_app


# Every fixture below runs on each backend in BACKENDS (tests/adapters/stores.py):
# in-memory, SQLite, and a real PostgreSQL server (a fresh schema per test).
@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh store URL, once per backend."""
    with backend_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite file URL, for tests that reach into the file or share it."""
    with backend_url("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    """A fresh PostgreSQL schema, for PostgreSQL-only tests (skipped without a server)."""
    with backend_url("postgres", tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    """A bare, empty event store on each backend."""
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def app(store_url: str) -> Iterator[Dangjian]:
    """The application with the test village, on each backend."""
    application = village_app(store_url)
    yield application
    application.close()
