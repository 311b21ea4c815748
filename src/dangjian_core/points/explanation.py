"""积分说明 — a balance and every ledger line that produced it."""

from __future__ import annotations

from attrs import frozen


@frozen
class LedgerLine:
    """积分明细 — one change to a balance: when, by whom, why, how much."""

    position: int
    at: str
    actor_id: str
    kind: str
    category: str
    delta: int
    ref: str
    reason: str


@frozen
class Explanation:
    """积分说明 — a person's total for a cycle and the lines that sum to it."""

    person_id: str
    name: str
    branch_id: str
    cycle: str
    total: int
    categories: dict[str, int]
    lines: tuple[LedgerLine, ...]
    #: Under the unit's points scheme (积分细则): the counted total, and for each line
    #: (position, counted points, note such as "超出上限…"); empty without a scheme.
    counted_total: int | None = None
    counted_lines: tuple[tuple[int, int, str], ...] = ()

    @property
    def capped(self) -> tuple[tuple[int, int, str], ...]:
        """The lines that count less than their amount under the scheme, with the note."""
        return tuple(c for c in self.counted_lines if c[2])

    @property
    def consistent(self) -> bool:
        """Whether the total equals the sum of its lines (it always should)."""
        return self.total == sum(line.delta for line in self.lines)
