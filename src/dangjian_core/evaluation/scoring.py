"""计分 — the scheme decides what counts: a pure fold of one person's ledger lines.

Approval events keep what the reviewer awarded; this fold, over the lines in log order,
says how much of each line counts under the scheme. A sum category counts its running
raw sum clipped to ``[0, cap]``: each line counts the change of that clipped sum, so a
line that would cross the cap counts only the rest (超出上限), and a revocation that drops
the raw sum below the cap gives the room back. A deduction category is its base minus the
deductions applied, floored at 0. A veto zeroes the total and names the breach. Because
the lines are folded in log order, two approvals committed at once can never exceed a
cap, and a replay of the same log gives the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from attrs import frozen

from dangjian_core.evaluation.scheme import CategoryKind, Scheme
from dangjian_core.evaluation.state import Deduction, Standing
from dangjian_core.kernel.ids import PersonId
from dangjian_core.points.queries import LedgerLine

#: The prefix of the category rows that carry an activist's weighted dimension scores.
DIMENSION_PREFIX = "综合·"


@frozen
class CountedLine:
    """计入明细 — a ledger line, the scheme category it counts in, how much counts and why."""

    line: LedgerLine
    category: str
    counted: int
    note: str = ""


@frozen
class Scored:
    """计分结果 — a person's standing and every line behind it."""

    standing: Standing
    lines: tuple[CountedLine, ...]
    deductions: tuple[Deduction, ...] = ()


def _note(delta: int, counted: int, cap: int) -> str:
    if counted == delta:
        return ""
    if delta > 0:
        return f"超出上限 {cap} 分，计入 {counted} 分 / capped at {cap}, {counted} counted"
    return f"计入 {counted} 分(不低于 0 分)/ {counted} counted (floored at 0)"


def count_lines(
    lines: Sequence[LedgerLine], scheme: Scheme | None
) -> tuple[dict[str, int], tuple[CountedLine, ...]]:
    """Counted points per category and per line, folding ``lines`` in log order."""
    running: dict[str, int] = {}
    counted: dict[str, int] = {}
    out = []
    for line in sorted(lines, key=lambda x: x.position):
        if scheme is None:
            name, cap = line.category, None
        else:
            category = scheme.category_of(line.category)
            name, cap = category.name, category.cap
        before = counted.get(name, 0)
        running[name] = running.get(name, 0) + line.delta
        after = running[name] if cap is None else min(max(running[name], 0), cap)
        counted[name] = after
        note = "" if cap is None else _note(line.delta, after - before, cap)
        out.append(CountedLine(line, name, after - before, note))
    return counted, tuple(out)


def _categories(
    scheme: Scheme | None, counted: dict[str, int], deductions: Sequence[Deduction]
) -> tuple[tuple[str, int], ...]:
    if scheme is None:
        return tuple(sorted(counted.items()))
    rows = []
    for category in scheme.categories:
        if category.kind is CategoryKind.DEDUCTION:
            lost = sum(d.points for d in deductions if d.category == category.name)
            rows.append((category.name, max(category.cap - lost, 0)))
        else:
            rows.append((category.name, counted.get(category.name, 0)))
    return tuple(rows)


def _round(value: Fraction) -> int:
    return int((2 * value.numerator + value.denominator) // (2 * value.denominator))


def dimension_rows(
    scheme: Scheme, points: int, scores: Mapping[str, int]
) -> tuple[tuple[str, int], ...]:
    """An activist's weighted dimension rows: weight × score ÷ maximum, rounded half up;
    the points dimension scores the counted points out of the scheme's total cap."""
    rows = []
    for dim in scheme.dimensions:
        raw = points if dim.from_points else min(scores.get(dim.name, 0), dim.max_score)
        top = scheme.total_cap if dim.from_points else dim.max_score
        rows.append((f"{DIMENSION_PREFIX}{dim.name}", _round(Fraction(dim.weight * raw, top))))
    return tuple(rows)


def _reached(lines: tuple[CountedLine, ...], scheme: Scheme | None) -> int:
    if scheme is None:
        return lines[-1].line.position if lines else 0
    changed = [c.line.position for c in lines if c.counted]
    return changed[-1] if changed else 0


def score(
    person_id: PersonId,
    lines: Sequence[LedgerLine],
    scheme: Scheme | None,
    deductions: Sequence[Deduction] = (),
    veto: str | None = None,
    scores: Mapping[str, int] | None = None,
) -> Scored:
    """The person's standing under ``scheme`` (raw totals when None) from their ledger
    lines, deductions, veto and activist dimension scores."""
    counted, counted_lines = count_lines(lines, scheme)
    categories = _categories(scheme, counted, deductions)
    total = sum(v for _, v in categories)
    if scheme is not None and scheme.dimensions and scores:
        dims = dimension_rows(scheme, total, scores)
        categories, total = categories + dims, sum(v for _, v in dims)
    credits = sum(
        1 if c.line.kind == "credit" else -1 for c in counted_lines if c.line.kind != "adjust"
    )
    standing = Standing(
        person_id,
        0 if veto is not None else total,
        credits,
        _reached(counted_lines, scheme),
        categories,
        vetoed=veto is not None,
        veto=veto,
    )
    return Scored(standing, counted_lines, tuple(deductions))
