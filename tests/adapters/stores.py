"""Stores and applications for adapter tests: fresh URLs per backend, the test village."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from adapters.app import Dangjian, open_app
from tests import postgres, support

#: Every backend the shared bodies run against (the ``store_url`` fixture's params).
BACKENDS = [
    "memory",
    "sqlite",
    pytest.param("postgres", marks=pytest.mark.postgres),
]


@contextmanager
def backend_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL for one test (a new schema on PostgreSQL, dropped after)."""
    if backend == "memory":
        yield "memory://"
    elif backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'dangjian.db'}"
    elif postgres.server_url() is None:
        pytest.skip(postgres.SKIP_REASON)
    else:
        with postgres.fresh_schema() as url:
            yield url


def village_app(url: str) -> Dangjian:
    """The application on ``url`` with the test village founded, its people and roles set."""
    application = open_app(url)
    for command in support.setup_commands():
        application.handle(command)
    return application
