"""述职擂台赛 properties: the ranking is invariant under the order in which the judges'
sheets arrive; the trimmed mean drops exactly one highest and one lowest sheet, as a
plain model of it does; a sheet's total is its weighted marks; a rank is one more than
the number of contestants placed strictly ahead."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangjian_core.contests import scoring
from dangjian_core.contests.values import Aggregation, TieRule
from tests.core.contests_given import (
    CRITERIA,
    DAZESHEQU,
    LIANTANG,
    LIYUAN,
    SCHEME,
    TONGHE,
    close,
    daze,
    eligible,
    field,
    inspect,
    open_round,
    publish,
    score,
)
from tests.core.world import World

UNITS = (DAZESHEQU, TONGHE, LIANTANG, LIYUAN)
WHOLE = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MATHS = settings(max_examples=300, deadline=None)

_FIELD: list[World] = []

#: A mark out of 100 with up to two decimals.
marks_st = st.integers(0, 10000).map(lambda n: str(Decimal(n) / 100))
sheet_st = st.tuples(*(marks_st for _ in CRITERIA))


def field_world() -> World:
    if not _FIELD:
        _FIELD.append(daze(*field()))
    return _FIELD[0]


@st.composite
def contests(
    draw: Any,
) -> tuple[dict[str, dict[str, tuple[str, ...]]], list[list[str]], list[list[str]]]:
    """Every eligible judge's sheet for every village, and two orders of arrival per round."""
    sheets = {u: {j: draw(sheet_st) for j in eligible(u)} for u in UNITS}
    first = [draw(st.permutations(eligible(u))) for u in UNITS]
    second = [draw(st.permutations(eligible(u))) for u in UNITS]
    return sheets, first, second


def play(sheets: dict[str, dict[str, tuple[str, ...]]], orders: list[list[str]]) -> Any:
    world = field_world().copy()
    for hour, (unit, order) in enumerate(zip(UNITS, orders, strict=True), start=9):
        world.handle(open_round(unit, hour=hour))
        for judge_id in order:
            world.handle(score(judge_id, unit, *sheets[unit][judge_id], hour=hour))
        world.handle(close(unit, hour=hour))
    for unit in UNITS:
        world.handle(inspect(unit, "85"))
    [published] = world.handle(publish())
    return published


@WHOLE
@given(contests())
def test_the_ranking_is_invariant_under_the_order_the_sheets_arrive(case: Any) -> None:
    sheets, first, second = case

    assert play(sheets, first) == play(sheets, second)


def _model_trimmed(totals: list[Decimal]) -> Decimal:
    """去掉一个最高分和一个最低分: sort, drop both ends, average, round half up."""
    kept = sorted(totals)[1:-1] if len(totals) >= 3 else totals
    return (sum(kept, Decimal(0)) / len(kept)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@MATHS
@given(st.lists(sheet_st, min_size=1, max_size=9))
def test_dropping_the_highest_and_lowest_matches_a_plain_model(
    sheets: list[tuple[str, ...]],
) -> None:
    given_sheets = {
        f"j{i}": {name: Decimal(v) for (name, _), v in zip(CRITERIA, sheet, strict=True)}
        for i, sheet in enumerate(sheets)
    }
    totals = [scoring.sheet_total(SCHEME, s) for s in given_sheets.values()]

    counted = scoring.totals(SCHEME, given_sheets)
    assert scoring.on_site(counted) == _model_trimmed(totals)
    dropped = [s for s in counted if s.dropped]
    assert len(dropped) == (2 if len(sheets) >= 3 else 0)
    if dropped:
        assert {s.total for s in counted if s.dropped == "highest"} == {max(totals)}
        assert {s.total for s in counted if s.dropped == "lowest"} == {min(totals)}


@MATHS
@given(st.lists(sheet_st, min_size=1, max_size=9))
def test_the_mean_counts_every_sheet(sheets: list[tuple[str, ...]]) -> None:
    mean = attrs.evolve(SCHEME, aggregation=Aggregation.MEAN)
    given_sheets = {
        f"j{i}": {name: Decimal(v) for (name, _), v in zip(CRITERIA, sheet, strict=True)}
        for i, sheet in enumerate(sheets)
    }
    counted = scoring.totals(mean, given_sheets)

    assert not any(s.dropped for s in counted)
    expected = sum((s.total for s in counted), Decimal(0)) / len(counted)
    assert scoring.on_site(counted) == expected.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@MATHS
@given(sheet_st)
def test_a_sheets_total_is_its_weighted_marks_and_stays_within_100(sheet: tuple[str, ...]) -> None:
    marks = {name: Decimal(v) for (name, _), v in zip(CRITERIA, sheet, strict=True)}
    total = scoring.sheet_total(SCHEME, marks)

    assert total == sum(Decimal(v) * w / 100 for (_, w), v in zip(CRITERIA, sheet, strict=True))
    assert Decimal(0) <= total <= Decimal(100)


finals_st = st.lists(
    st.tuples(st.integers(6000, 10000), st.integers(6000, 10000)), min_size=1, max_size=15
)


@MATHS
@given(finals_st, st.sampled_from(list(TieRule)))
def test_a_rank_is_one_more_than_those_strictly_ahead(
    pairs: list[tuple[int, int]], tie: TieRule
) -> None:
    rule = attrs.evolve(SCHEME, tie_rule=tie)
    scores = [
        scoring.Score(f"u{i}", i, (), Decimal(on) / 100, None, Decimal(final) / 100)
        for i, (final, on) in enumerate(pairs, start=1)
    ]
    ranked = scoring.rank_contestants(rule, scores)

    def key(s: scoring.Score) -> tuple[Decimal, ...]:
        return (s.final, s.on_site) if tie is TieRule.ON_SITE else (s.final,)

    for r in ranked:
        ahead = sum(1 for s in scores if key(s) > key(r.score))
        assert r.rank == ahead + 1
    assert sorted(r.score.unit_id for r in ranked) == sorted(s.unit_id for s in scores)
