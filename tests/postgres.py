"""测试用 PostgreSQL — a real server for the tests, a fresh schema per test, dropped after.

The server comes from ``$DANGJIAN_TEST_PG_URL``, else the local default below if it
answers. With neither, PostgreSQL tests are skipped with :data:`SKIP_REASON`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import psycopg

ENV_VAR = "DANGJIAN_TEST_PG_URL"
LOCAL = "postgresql://postgres@127.0.0.1:5432/test"
SKIP_REASON = (
    "PostgreSQL 不可用,已跳过 / no PostgreSQL server: set DANGJIAN_TEST_PG_URL="
    "postgresql://USER@HOST:PORT/DB, or run `bash .ci/run`, which starts one on 127.0.0.1:5432"
)


@cache
def server_url() -> str | None:
    """The test server's URL, or None when none answers."""
    url = os.environ.get(ENV_VAR) or LOCAL
    try:
        with psycopg.connect(url, connect_timeout=3):
            return url
    except psycopg.Error:
        return None


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A store URL on a new, empty schema; the schema is dropped afterwards."""
    url = server_url()
    assert url is not None, SKIP_REASON
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{url}{'&' if '?' in url else '?'}schema={schema}&pool_size=2&max_overflow=8"
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
