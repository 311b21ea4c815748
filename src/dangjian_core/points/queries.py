"""积分查询 — the points wall (积分墙), ranked with a deterministic, explained tie-break, and
the explanation of a balance: every ledger line that produced it.

The wall's order, applied rule by rule until two people differ:

1. 总分高者在前 — higher total points first;
2. 通过任务多者在前 — more approved completions first;
3. 先达到者在前 — whoever's balance last changed earlier (reached the total first);
4. 编号小者在前 — smaller person id (a fixed, arbitrary last resort).

Rules 2–4 only ever separate people with equal totals; the wall says which rule did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import field, frozen

from dangjian_core.kernel.readmodel import Value

TIE_RULES = (
    ("total", "总分高者在前 / higher total"),
    ("credits", "通过任务多者在前 / more approved tasks"),
    ("last_position", "先达到该分数者在前 / reached the total earlier"),
    ("person_id", "编号小者在前 / smaller person id"),
)


@frozen
class Standing:
    """一人成绩 — one person's figures for a cycle, before ranking."""

    person_id: str
    name: str
    status: str
    total: int = 0
    credits: int = 0
    last_position: int = 0
    categories: Mapping[str, int] = field(factory=dict)


@frozen
class WallEntry:
    """积分墙一行 — a ranked standing and the rule that placed it below its neighbour."""

    rank: int
    standing: Standing
    separated_by: str | None


def tie_key(total: int, credits: int, reached: int, person_id: str) -> tuple[int, int, int, str]:
    """The sort key of :data:`TIE_RULES`, for any kind of standing (best first)."""
    return (-total, -credits, reached, person_id)


def separating_rule(above: tuple[object, ...], below: tuple[object, ...]) -> str | None:
    """The rule of :data:`TIE_RULES` that puts ``below`` after ``above`` (their
    :func:`tie_key`), or None when their totals differ."""
    if above[0] != below[0]:
        return None
    for (_name, label), a, b in zip(TIE_RULES[1:], above[1:], below[1:], strict=True):
        if a != b:
            return label
    return TIE_RULES[-1][1]


def _sort_key(s: Standing) -> tuple[int, int, int, str]:
    return tie_key(s.total, s.credits, s.last_position, s.person_id)


def _separating_rule(above: Standing, below: Standing) -> str | None:
    return separating_rule(_sort_key(above), _sort_key(below))


def rank(standings: Iterable[Standing]) -> list[WallEntry]:
    """The wall: everyone ranked 1..n in a total order, ties explained."""
    ordered = sorted(standings, key=_sort_key)
    return [
        WallEntry(i + 1, s, _separating_rule(ordered[i - 1], s) if i else None)
        for i, s in enumerate(ordered)
    ]


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


def line_of(row: Mapping[str, Value]) -> LedgerLine:
    """A ``ledger`` read-model row as a ledger line."""
    return LedgerLine(
        int(row["position"] or 0), str(row["at"]), str(row["actor_id"]), str(row["kind"]),
        str(row["category"]), int(row["delta"] or 0), str(row["ref"]), str(row["reason"] or ""),
    )  # fmt: skip


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
