"""照片库 — the photos people attach to a completion, kept by content: the SHA-256 of
the bytes is the photo's name, and what a ``CompletionSubmitted`` event holds. The bytes
never enter the log (the chain stays small and an inspector's bundle carries no faces);
they sit beside it in the same database, like the secrets (:mod:`adapters.storage.
secrets`, whose transaction they share), so every worker process and PostgreSQL see the
same photos, and erasing a person deletes what only they had uploaded.

Two tables: the photos by hash, and who holds each (the person and their branch when
they uploaded it) — the same bytes uploaded twice are kept once, and a photo may be shown
to the holders' branches only.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

#: ``BYTEA`` is PostgreSQL's binary type; SQLite gives the unknown name NUMERIC affinity,
#: which keeps a ``bytes`` value as a BLOB untouched — one declaration serves both.
_TABLES = {
    "photos": "sha256 TEXT PRIMARY KEY, media_type TEXT NOT NULL, size INTEGER NOT NULL, "
    "data BYTEA NOT NULL, stored_at TEXT NOT NULL",
    "holders": "sha256 TEXT NOT NULL, person_id TEXT NOT NULL, branch_id TEXT NOT NULL, "
    "held_at TEXT NOT NULL, PRIMARY KEY (sha256, person_id)",
}


def upload_statements(prefix: str) -> list[str]:
    """DDL for the photo tables (``prefix``: the schema qualifier, or ``""``)."""
    return [
        *(
            f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_upload_{name} ({columns})"
            for name, columns in _TABLES.items()
        ),
        f"CREATE INDEX IF NOT EXISTS dangjian_upload_holders_person "
        f"ON {prefix}dangjian_upload_holders (person_id)",
    ]


@frozen
class StoredPhoto:
    """一张照片 — its hash, its type as read from its first bytes, its size and bytes."""

    sha256: str
    media_type: str
    size: int
    data: bytes


class SqlUploads:
    """照片库 in SQL — one transaction's reads and writes (the caller's cursor)."""

    def __init__(self, cursor: Any, mark: str = "?", prefix: str = "") -> None:
        self._cursor = cursor
        self._mark = mark
        self._table = f"{prefix}dangjian_upload_"

    def _run(self, sql: str, *params: Any) -> Any:
        self._cursor.execute(sql.replace("?", self._mark), params)
        return self._cursor

    def put(self, photo: StoredPhoto, person_id: str, branch_id: str, at: str) -> bool:
        """Keep the photo (once per content) and that the person, of the branch, holds it;
        whether the holding is new (so a refused submission can give back only its own)."""
        if self.photo(photo.sha256) is None:
            self._run(
                f"INSERT INTO {self._table}photos (sha256, media_type, size, data, stored_at) "
                "VALUES (?, ?, ?, ?, ?)",
                photo.sha256,
                photo.media_type,
                photo.size,
                photo.data,
                at,
            )
        held = self._run(
            f"SELECT 1 FROM {self._table}holders WHERE sha256 = ? AND person_id = ?",
            photo.sha256,
            person_id,
        ).fetchone()
        if held is not None:
            return False
        self._run(
            f"INSERT INTO {self._table}holders (sha256, person_id, branch_id, held_at) "
            "VALUES (?, ?, ?, ?)",
            photo.sha256,
            person_id,
            branch_id,
            at,
        )
        return True

    def photo(self, sha256: str) -> StoredPhoto | None:
        """A photo by its hash."""
        found = self._run(
            f"SELECT sha256, media_type, size, data FROM {self._table}photos WHERE sha256 = ?",
            sha256,
        ).fetchone()
        if found is None:
            return None
        return StoredPhoto(str(found[0]), str(found[1]), int(found[2]), bytes(found[3]))

    def branches(self, sha256: str) -> set[str]:
        """The branches whose people may see a photo: its holders'."""
        rows = self._run(
            f"SELECT branch_id FROM {self._table}holders WHERE sha256 = ?", sha256
        ).fetchall()
        return {str(row[0]) for row in rows}

    def release(self, sha256: str, person_id: str) -> None:
        """Drop a person's holding; the photo goes when nobody holds it any more."""
        self._run(
            f"DELETE FROM {self._table}holders WHERE sha256 = ? AND person_id = ?",
            sha256,
            person_id,
        )
        if not self.branches(sha256):
            self._run(f"DELETE FROM {self._table}photos WHERE sha256 = ?", sha256)

    def erase_person(self, person_id: str) -> None:
        """Drop every holding of a person, and the photos only they held."""
        rows = self._run(
            f"SELECT sha256 FROM {self._table}holders WHERE person_id = ?", person_id
        ).fetchall()
        for row in rows:
            self.release(str(row[0]), person_id)
