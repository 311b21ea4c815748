"""计分 — a contest's figures from its sheets, pure and exact (:class:`~decimal.Decimal`):

- a sheet's total is Σ mark × weight / 100 over the criteria (百分制, exact);
- the on-site score (现场得分) aggregates the totals of the contestant's sheets: their
  mean, or under ``trimmed`` the mean after dropping one highest and one lowest (ties
  among them broken by judge id, so the same sheets always drop the same judges);
- the final score is the on-site score, or with a field inspection of weight *w*
  on-site × (100 − w)/100 + inspection × w/100;
- on-site and final scores are rounded half up to 0.01;
- the ranking orders by final score (then by the tie rule), sharing a rank (1, 1, 3)
  where the tie rule leaves contestants level; within a shared rank the drawn order.

The deciders use these for the published results and the views for the standings, so a
board and the log always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from attrs import frozen

from dangjian_core.contests.values import CENT, FULL_MARK, Aggregation, ContestScheme, TieRule

#: Marks of one sheet: criterion → mark.
Marks = Mapping[str, Decimal]


def rounded(value: Decimal) -> Decimal:
    """``value`` rounded half up to 0.01."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@frozen
class SheetTotal:
    """评分表总分 — a judge's marks, its weighted total and whether the trimmed mean
    dropped it (``highest``/``lowest``, "" when counted)."""

    judge_id: str
    marks: tuple[tuple[str, Decimal], ...]
    total: Decimal
    dropped: str = ""


@frozen
class Score:
    """得分 — a contestant's sheets, on-site score, inspection score (None when the scheme
    counts none) and final score."""

    unit_id: str
    order: int
    sheets: tuple[SheetTotal, ...]
    on_site: Decimal
    inspection: Decimal | None
    final: Decimal


@frozen
class Ranked:
    """排名 — a score with its rank and, when it is level with the one before, how the
    tie rule placed it (``tie``: "" when not level)."""

    score: Score
    rank: int
    tie: str = ""


def sheet_total(scheme: ContestScheme, marks: Marks) -> Decimal:
    """A sheet's weighted total: Σ mark × weight / 100 (exact)."""
    return sum((marks[c.name] * c.weight / FULL_MARK for c in scheme.criteria), Decimal(0))


def totals(scheme: ContestScheme, sheets: Mapping[str, Marks]) -> tuple[SheetTotal, ...]:
    """Every sheet with its total, by judge id, the dropped ones marked under ``trimmed``."""
    found = [
        SheetTotal(
            j,
            tuple((c.name, sheets[j][c.name]) for c in scheme.criteria),
            sheet_total(scheme, sheets[j]),
        )
        for j in sorted(sheets)
    ]
    if scheme.aggregation is Aggregation.TRIMMED and len(found) >= 3:
        by_total = sorted(found, key=lambda s: (s.total, s.judge_id))
        low, high = by_total[0].judge_id, by_total[-1].judge_id
        found = [
            SheetTotal(
                s.judge_id, s.marks, s.total, {low: "lowest", high: "highest"}.get(s.judge_id, "")
            )
            for s in found
        ]
    return tuple(found)


def on_site(sheets: Iterable[SheetTotal]) -> Decimal:
    """The mean of the counted sheets' totals, rounded (0 without sheets)."""
    kept = [s.total for s in sheets if not s.dropped]
    return rounded(sum(kept, Decimal(0)) / len(kept)) if kept else Decimal("0.00")


def contestant_score(
    scheme: ContestScheme,
    unit_id: str,
    order: int,
    sheets: Mapping[str, Marks],
    inspection: Decimal | None,
) -> Score:
    """One contestant's score from their sheets and inspection."""
    counted = totals(scheme, sheets)
    here = on_site(counted)
    weight = scheme.inspection_weight
    if not weight:
        return Score(unit_id, order, counted, here, None, here)
    seen = inspection if inspection is not None else Decimal(0)
    final = rounded(here * (FULL_MARK - weight) / FULL_MARK + seen * weight / FULL_MARK)
    return Score(unit_id, order, counted, here, seen, final)


def rank_contestants(scheme: ContestScheme, scores: Iterable[Score]) -> tuple[Ranked, ...]:
    """The ranking: final score, then the tie rule, then the drawn order (shown, not
    ranked: level contestants share a rank)."""
    on_site_first = scheme.tie_rule is TieRule.ON_SITE

    def level(s: Score) -> tuple[Decimal, ...]:
        return (s.final, s.on_site) if on_site_first else (s.final,)

    ordered = sorted(scores, key=lambda s: (tuple(-v for v in level(s)), s.order))
    ranked: list[Ranked] = []
    for position, current in enumerate(ordered, start=1):
        before = ranked[-1] if ranked else None
        if before is None or before.score.final != current.final:
            ranked.append(Ranked(current, position))
        elif level(before.score) == level(current):
            ranked.append(Ranked(current, before.rank, TieRule.SHARED.zh))
        else:
            ranked.append(Ranked(current, position, scheme.tie_rule.zh))
    return tuple(ranked)
