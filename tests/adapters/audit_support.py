"""督查测试支撑 — a village with a season of points, a signing key, checkpoints, and raw SQL.

The attack tests change the database behind the application's back, as an operator with
database access could, then verify from a fresh connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from attrs import frozen
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.audit import keys
from adapters.audit.checkpoints import VerifierKey
from adapters.audit.cut import cut_checkpoint
from adapters.audit.report import VerifyReport
from adapters.audit.verify import verify
from adapters.storage.urls import open_store
from dangjian_core.points.commands import AdjustPoints
from tests.adapters.stores import village_app
from tests.adapters.test_replay import a_season
from tests.support import BRANCH, LANZHI, SECRETARY, later

NOW = datetime(2022, 9, 30, 18, 0, tzinfo=UTC)


@frozen
class Signer:
    """签名人 — a key's name, private key and verifier key."""

    name: str
    key: Ed25519PrivateKey
    verifier: VerifierKey


def signer(directory: Path, name: str = "paixilv-2021") -> Signer:
    """A fresh key file in ``directory``, loaded back."""
    verifier = keys.generate(directory / f"{name}.pem", name)
    loaded_name, key = keys.load(directory / f"{name}.pem")
    return Signer(loaded_name, key, verifier)


def season_with_checkpoint(url: str, who: Signer, extra: int = 3) -> str:
    """The village and a season of points, a checkpoint, then ``extra`` more adjustments;
    returns the checkpoint's note (what the inspector holds)."""
    with village_app(url) as app:
        a_season(app)
        app.catch_up()
        note = cut_checkpoint(app.store, who.name, who.key, "公示", NOW)
        for n in range(extra):
            app.handle(AdjustPoints(f"X{n}", BRANCH, LANZHI, 1, "补记", SECRETARY, later(40 + n)))
        app.catch_up()
    return note


def checked(url: str, pins: Sequence[VerifierKey], held: Sequence[str] = ()) -> VerifyReport:
    """Verify the store at ``url`` from a fresh connection."""
    store = open_store(url)
    try:
        return verify(store, pins, held)
    finally:
        store.close()


def codes(report: VerifyReport) -> set[str]:
    """The finding codes of a report."""
    return {f.code for f in report.findings}


class Sql:
    """直连数据库 — run SQL on the store's database, SQLite or PostgreSQL (in its schema)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith("postgresql://")
        self.mark = "%s" if self.postgres else "?"
        self.position = "notification_id" if self.postgres else "rowid"

    def __call__(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement in its own committed transaction; the rows it returns."""
        sql = sql.replace("?", self.mark)
        if not self.postgres:
            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as db:
                return db.execute(sql, list(params)).fetchall()
        base, _, query = self.url.partition("?")
        schema = dict(p.split("=", 1) for p in query.split("&"))["schema"]
        with psycopg.connect(base, autocommit=True) as db:
            db.execute(f'SET search_path TO "{schema}"')
            cursor = db.execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []

    def positions(self) -> list[int]:
        """Every event position, in order."""
        rows = self(f"SELECT {self.position} FROM stored_events ORDER BY {self.position}")
        return [int(r[0]) for r in rows]

    def chain(self) -> list[tuple[int, int, str]]:
        """Every chain row (seq, position, hash hex)."""
        return [
            (int(a), int(b), str(c))
            for a, b, c in self("SELECT seq, position, hash FROM dangjian_chain ORDER BY seq")
        ]
