"""红色全覆盖查询 — the coverage ratio of a register on a day, and over time, as pure
functions over typed rows (computed for days passed in, never the clock).

On a day, the enterprises *on the register* are those listed on or before it and not yet
delisted; of them, those *covered* had founded their party organization on or before it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from attrs import frozen


@frozen
class EnterpriseRow:
    """在册企业行 — one enterprise: listed, founded (if), delisted (if)."""

    enterprise_id: str
    name: str
    listed_on: date
    founded_on: date | None
    delisted_on: date | None


@frozen
class Coverage:
    """覆盖率 — on a day: enterprises on the register, those with a party organization, and
    those without (by id)."""

    on: date
    listed: int
    covered: int
    uncovered: tuple[str, ...]

    @property
    def percent(self) -> float:
        """Covered over listed, as a percentage (0 when nothing is listed)."""
        return 0.0 if self.listed == 0 else round(100 * self.covered / self.listed, 1)


def on_register(row: EnterpriseRow, day: date) -> bool:
    """Whether the enterprise was on the register on ``day``."""
    return row.listed_on <= day and (row.delisted_on is None or day < row.delisted_on)


def coverage(rows: Iterable[EnterpriseRow], day: date) -> Coverage:
    """The register's coverage on ``day``."""
    present = [r for r in rows if on_register(r, day)]
    covered = [r for r in present if r.founded_on is not None and r.founded_on <= day]
    uncovered = tuple(r.enterprise_id for r in present if r not in covered)
    return Coverage(day, len(present), len(covered), uncovered)


def over_time(rows: Iterable[EnterpriseRow], days: Iterable[date]) -> list[Coverage]:
    """The coverage on each of ``days``, in order."""
    listed = list(rows)
    return [coverage(listed, day) for day in sorted(days)]
