"""保密表 — what must never enter the log: invitation codes, password hashes, API tokens
(each kept as a digest or an argon2id hash), sessions and failed logins; and what the
pages need to know of people and addresses without putting it in the log: each person's
last login, and marks counting an address's public posts (a rate limit).

The tables sit beside the log in the same database but outside the hash chain, the views
and the inspectors' bundles; erasing a person deletes their rows here and nothing in the
chain changes. The same statements serve SQLite and PostgreSQL (a ``mark`` and a
``prefix``, as the ledger's); the memory store keeps them in an in-memory SQLite database.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from attrs import frozen

from adapters.storage.uploads import SqlUploads, upload_statements

_TABLES = {
    "invitations": "invitation_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, digest TEXT NOT NULL",
    "passwords": "person_id TEXT NOT NULL, invitation_id TEXT NOT NULL, hash TEXT NOT NULL, "
    "PRIMARY KEY (person_id, invitation_id)",
    "sessions": "digest TEXT PRIMARY KEY, person_id TEXT NOT NULL, password_from TEXT NOT NULL, "
    "csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL",
    "tokens": "token_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, digest TEXT NOT NULL",
    "failures": "subject TEXT NOT NULL, at TEXT NOT NULL",
    "logins": "person_id TEXT PRIMARY KEY, last_at TEXT NOT NULL",
    "marks": "subject TEXT NOT NULL, at TEXT NOT NULL",
}


def secret_statements(prefix: str) -> list[str]:
    """DDL for the secret tables (``prefix``: the schema qualifier, or ``""``)."""
    made = [
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_secret_{name} ({columns})"
        for name, columns in _TABLES.items()
    ]
    return [
        *made,
        f"CREATE INDEX IF NOT EXISTS dangjian_secret_failures_subject "
        f"ON {prefix}dangjian_secret_failures (subject, at)",
        f"CREATE INDEX IF NOT EXISTS dangjian_secret_sessions_person "
        f"ON {prefix}dangjian_secret_sessions (person_id)",
        f"CREATE INDEX IF NOT EXISTS dangjian_secret_marks_subject "
        f"ON {prefix}dangjian_secret_marks (subject, at)",
        *upload_statements(prefix),
    ]


#: How many ids one ``IN (…)`` query names (SQLite allows 32766 parameters; stay small).
_BATCH = 500


@frozen
class SessionRecord:
    """会话 — a login: whose, made with which password (the invitation that set it), its
    anti-forgery token and its lifetime (ISO times). Only the id's digest is kept."""

    digest: str
    person_id: str
    password_from: str
    csrf: str
    created_at: str
    expires_at: str


class SqlSecrets:
    """保密表 in SQL — one transaction's reads and writes (the caller's cursor)."""

    def __init__(self, cursor: Any, mark: str = "?", prefix: str = "") -> None:
        self._cursor = cursor
        self._mark = mark
        self._prefix = prefix
        self._table = f"{prefix}dangjian_secret_"

    def _run(self, sql: str, *params: Any) -> Any:
        self._cursor.execute(sql.replace("?", self._mark), params)
        return self._cursor

    def uploads(self) -> SqlUploads:
        """The uploaded photos beside the secrets, in this transaction."""
        return SqlUploads(self._cursor, self._mark, self._prefix)

    # ------------------------------------------------------------ invitations

    def put_invitation(self, invitation_id: str, person_id: str, digest: str) -> None:
        """Keep (or replace) the digest of an invitation's code."""
        self._run(f"DELETE FROM {self._table}invitations WHERE invitation_id = ?", invitation_id)
        self._run(
            f"INSERT INTO {self._table}invitations (invitation_id, person_id, digest) "
            "VALUES (?, ?, ?)",
            invitation_id,
            person_id,
            digest,
        )

    def invitation(self, invitation_id: str) -> tuple[str, str] | None:
        """The person and code digest of an invitation."""
        found = self._run(
            f"SELECT person_id, digest FROM {self._table}invitations WHERE invitation_id = ?",
            invitation_id,
        ).fetchone()
        return None if found is None else (str(found[0]), str(found[1]))

    # ------------------------------------------------------------ passwords

    def put_password(self, person_id: str, invitation_id: str, hashed: str) -> bool:
        """Keep the password hash set with an invitation, unless one was already set with
        it (first come wins: a used code never replaces a password); whether it was kept.
        It counts once the account's state names that invitation."""
        if self.password(person_id, invitation_id) is not None:
            return False
        self._run(
            f"INSERT INTO {self._table}passwords (person_id, invitation_id, hash) VALUES (?, ?, ?)",
            person_id,
            invitation_id,
            hashed,
        )
        return True

    def password(self, person_id: str, invitation_id: str) -> str | None:
        """The hash of the password set with an invitation."""
        found = self._run(
            f"SELECT hash FROM {self._table}passwords WHERE person_id = ? AND invitation_id = ?",
            person_id,
            invitation_id,
        ).fetchone()
        return None if found is None else str(found[0])

    # ------------------------------------------------------------ sessions

    def put_session(self, session: SessionRecord) -> None:
        """Keep a new session, and its time as the person's last login (which outlives
        the session: a logout or a new password ends sessions, not the fact of a login)."""
        self._run(
            f"INSERT INTO {self._table}sessions "
            "(digest, person_id, password_from, csrf, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            session.digest,
            session.person_id,
            session.password_from,
            session.csrf,
            session.created_at,
            session.expires_at,
        )
        self._run(
            f"INSERT INTO {self._table}logins (person_id, last_at) VALUES (?, ?) "
            "ON CONFLICT (person_id) DO UPDATE SET last_at = excluded.last_at",
            session.person_id,
            session.created_at,
        )

    def last_logins(self, person_ids: Sequence[str]) -> dict[str, str]:
        """The ISO time of each person's last login; people who never logged in are left
        out."""
        found: dict[str, str] = {}
        wanted = list(dict.fromkeys(person_ids))
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            marks = ", ".join("?" * len(chunk))
            rows = self._run(
                f"SELECT person_id, last_at FROM {self._table}logins WHERE person_id IN ({marks})",
                *chunk,
            ).fetchall()
            found.update((str(row[0]), str(row[1])) for row in rows)
        return found

    def session(self, digest: str) -> SessionRecord | None:
        """A session by its id's digest."""
        found = self._run(
            "SELECT digest, person_id, password_from, csrf, created_at, expires_at "
            f"FROM {self._table}sessions WHERE digest = ?",
            digest,
        ).fetchone()
        return None if found is None else SessionRecord(*(str(value) for value in found))

    def drop_session(self, digest: str) -> None:
        """End one session (logout)."""
        self._run(f"DELETE FROM {self._table}sessions WHERE digest = ?", digest)

    def drop_sessions(self, person_id: str) -> None:
        """End every session of a person."""
        self._run(f"DELETE FROM {self._table}sessions WHERE person_id = ?", person_id)

    # ------------------------------------------------------------ tokens

    def put_token(self, token_id: str, person_id: str, digest: str) -> None:
        """Keep (or replace) the digest of an API token."""
        self._run(f"DELETE FROM {self._table}tokens WHERE token_id = ?", token_id)
        self._run(
            f"INSERT INTO {self._table}tokens (token_id, person_id, digest) VALUES (?, ?, ?)",
            token_id,
            person_id,
            digest,
        )

    def token(self, token_id: str) -> tuple[str, str] | None:
        """The holder and digest of an API token."""
        found = self._run(
            f"SELECT person_id, digest FROM {self._table}tokens WHERE token_id = ?", token_id
        ).fetchone()
        return None if found is None else (str(found[0]), str(found[1]))

    # ------------------------------------------------------------ failed logins

    def add_failure(self, subject: str, at: str) -> None:
        """Count a failed login against a subject (``person:…`` or ``address:…``)."""
        self._run(f"INSERT INTO {self._table}failures (subject, at) VALUES (?, ?)", subject, at)

    def failures(self, subject: str, since: str) -> int:
        """Failed logins against a subject since an ISO time."""
        found = self._run(
            f"SELECT COUNT(*) FROM {self._table}failures WHERE subject = ? AND at >= ?",
            subject,
            since,
        ).fetchone()
        return int(found[0])

    def clear_failures(self, subject: str) -> None:
        """Forget a subject's failed logins (after a good one)."""
        self._run(f"DELETE FROM {self._table}failures WHERE subject = ?", subject)

    # ------------------------------------------------------------ rate marks

    def add_mark(self, subject: str, at: str) -> None:
        """Count one public post against a subject (``objection:<address digest>``)."""
        self._run(f"INSERT INTO {self._table}marks (subject, at) VALUES (?, ?)", subject, at)

    def marks(self, subject: str, since: str) -> int:
        """Marks against a subject since an ISO time."""
        found = self._run(
            f"SELECT COUNT(*) FROM {self._table}marks WHERE subject = ? AND at >= ?",
            subject,
            since,
        ).fetchone()
        return int(found[0])

    def drop_marks(self, before: str) -> None:
        """Forget every mark older than an ISO time (no longer counted by any window)."""
        self._run(f"DELETE FROM {self._table}marks WHERE at < ?", before)

    # ------------------------------------------------------------ erasure

    def erase_person(self, person_id: str) -> None:
        """Delete every secret of a person."""
        for name in ("invitations", "passwords", "sessions", "tokens", "logins"):
            self._run(f"DELETE FROM {self._table}{name} WHERE person_id = ?", person_id)
        self.clear_failures(f"person:{person_id}")
        self.uploads().erase_person(person_id)


class MemorySecrets:
    """保密表 for the memory store: an in-memory SQLite database behind a lock."""

    def __init__(self) -> None:
        self._connection = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        with self._connection:
            for statement in secret_statements(""):
                self._connection.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[SqlSecrets]:
        """One transaction: committed if the block succeeds, else rolled back."""
        with self._lock, self._connection:
            yield SqlSecrets(self._connection.cursor())
