"""评星查询 — 创星榜, the star board: fixed ratings listed by stars, and the count at each level."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from attrs import frozen

from dangjian_core.kernel.readmodel import Value
from dangjian_core.ratings.events import RatedKind
from dangjian_core.ratings.projections import FIXED

#: The star levels a board counts, most stars first (0: fails, 不合格).
LEVELS = (5, 4, 3, 2, 1, 0)


@frozen
class BoardEntry:
    """榜上条目 — one fixed rating on the board: who, their score and stars."""

    kind: RatedKind
    subject_id: str
    name: str
    stars: int
    score: int


@frozen
class StarBoard:
    """创星榜 — a unit's fixed ratings for a year, most stars first, with counts."""

    unit_id: str
    year: int
    branches: tuple[BoardEntry, ...]
    members: tuple[BoardEntry, ...]

    def counts(self, kind: RatedKind) -> dict[int, int]:
        """How many branches or members stand at each star level (every level listed)."""
        entries = self.branches if kind is RatedKind.BRANCH else self.members
        found = Counter(entry.stars for entry in entries)
        return {level: found[level] for level in LEVELS}


def star_board(
    unit_id: str,
    year: int,
    rows: Iterable[Mapping[str, Value]],
    names: Mapping[str, str],
) -> StarBoard:
    """The board from ``star_ratings`` rows (only fixed ratings count) and subjects'
    names; entries by stars, then score, both high to low, then by id."""
    entries = [
        BoardEntry(
            RatedKind(str(row["kind"])),
            str(row["subject_id"]),
            names.get(str(row["subject_id"]), str(row["subject_id"])),
            int(row["stars"] or 0),
            int(row["score"] or 0),
        )
        for row in rows
        if row["status"] == FIXED
    ]
    entries.sort(key=lambda e: (-e.stars, -e.score, e.subject_id))
    return StarBoard(
        unit_id,
        year,
        tuple(e for e in entries if e.kind is RatedKind.BRANCH),
        tuple(e for e in entries if e.kind is RatedKind.MEMBER),
    )
