"""计分 The scheme decides what counts: caps, deductions, vetoes, activist dimensions.

Given a person's ledger lines in log order and the scheme in force, then the counted
figures; and, for any lines, no category exceeds its cap and the counted lines add up.
"""

from __future__ import annotations

from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.evaluation.scheme import CategoryKind
from dangjian_core.evaluation.scoring import count_lines, score
from dangjian_core.evaluation.state import Deduction
from dangjian_core.kernel.ids import PersonId
from tests.core.evaluation_given import BASE, PAIXILV, REWARDS, TASKS, line

LANZHI = PersonId("lv-lanzhi")


def absent(n: int = 1) -> tuple[Deduction, ...]:
    return tuple(
        Deduction(f"D{i}", LANZHI, "absent", "无故缺席组织生活", 5, BASE, "") for i in range(n)
    )


def test_without_a_scheme_the_raw_totals_count() -> None:
    scored = score(LANZHI, [line(1, 50), line(2, 40)], None)

    assert 90 == scored.standing.total
    assert (("环境卫生整治", 90),) == scored.standing.categories
    assert [50, 40] == [c.counted for c in scored.lines]


def test_a_line_crossing_the_cap_counts_only_the_rest_and_says_so() -> None:
    scored = score(LANZHI, [line(1, 50), line(2, 30)], PAIXILV)

    assert [50, 20] == [c.counted for c in scored.lines]
    assert "超出上限 70 分，计入 20 分 / capped at 70, 20 counted" == scored.lines[1].note
    assert ((BASE, 20), (TASKS, 70), (REWARDS, 0)) == scored.standing.categories
    assert 90 == scored.standing.total


def test_lines_after_the_cap_count_nothing_and_do_not_move_reached_position() -> None:
    scored = score(LANZHI, [line(1, 70), line(5, 5)], PAIXILV)

    assert [70, 0] == [c.counted for c in scored.lines]
    assert 1 == scored.standing.reached_position


def test_a_revocation_under_the_cap_gives_the_room_back() -> None:
    lines = [line(1, 50), line(2, 30), line(3, -50, kind="revoke")]

    scored = score(LANZHI, lines, PAIXILV)

    assert [50, 20, -40] == [c.counted for c in scored.lines]
    assert dict(scored.standing.categories)[TASKS] == 30
    assert 1 == scored.standing.credits


def test_adjustments_count_in_the_rewards_category_up_to_its_cap() -> None:
    scored = score(
        LANZHI, [line(1, 8, "加减分", "adjust"), line(2, 5, "加减分", "adjust")], PAIXILV
    )

    assert 10 == dict(scored.standing.categories)[REWARDS]
    assert 0 == scored.standing.credits


def test_the_base_loses_deductions_and_never_goes_below_zero() -> None:
    assert 15 == dict(score(LANZHI, [], PAIXILV, absent(1)).standing.categories)[BASE]
    assert 0 == dict(score(LANZHI, [], PAIXILV, absent(5)).standing.categories)[BASE]


def test_a_veto_zeroes_the_total_and_names_the_breach() -> None:
    scored = score(LANZHI, [line(1, 60)], PAIXILV, veto="受到党纪政务处分")

    assert (0, True, "受到党纪政务处分") == (
        scored.standing.total,
        scored.standing.vetoed,
        scored.standing.veto,
    )


def test_an_activist_with_dimension_scores_is_ranked_by_the_weighted_composite() -> None:
    # points 20 + 60 = 80 of 100 → 48; 群众评议 90 → 18; 党课学习 80 → 16
    scored = score(LANZHI, [line(1, 60)], PAIXILV, scores={"群众评议": 90, "党课学习": 80})

    dims = {k: v for k, v in scored.standing.categories if k.startswith("综合·")}
    assert {"综合·任务积分": 48, "综合·群众评议": 18, "综合·党课学习": 16} == dims
    assert 82 == scored.standing.total


def test_lines_are_counted_in_log_order_whatever_order_they_arrive_in() -> None:
    lines = [line(3, 30), line(1, 50)]

    scored = score(LANZHI, lines, PAIXILV)

    assert [(1, 50), (3, 20)] == [(c.line.position, c.counted) for c in scored.lines]


amounts = st.integers(min_value=-40, max_value=40).filter(bool)
categories = st.sampled_from(["环境卫生整治", "加减分", "奖励", "核酸检测点秩序维护"])
ledgers = st.lists(st.tuples(amounts, categories), max_size=30)


@for_all(ledgers)
def test_for_any_lines_no_category_exceeds_its_cap_and_counted_lines_add_up(
    entries: list[tuple[int, str]],
) -> None:
    lines = [line(i + 1, delta, cat) for i, (delta, cat) in enumerate(entries)]

    counted, counted_lines = count_lines(lines, PAIXILV)
    standing = score(LANZHI, lines, PAIXILV).standing

    caps = {c.name: c.cap for c in PAIXILV.categories}
    assert all(0 <= value <= caps[name] for name, value in counted.items())
    sums = {c.name for c in PAIXILV.categories if c.kind is CategoryKind.SUM}
    lined = sum(v for k, v in standing.categories if k in sums)
    assert lined == sum(c.counted for c in counted_lines)
    assert standing.total == lined + 20


@for_all(ledgers)
def test_replaying_the_same_lines_gives_the_same_figures(entries: list[tuple[int, str]]) -> None:
    lines = [line(i + 1, delta, cat) for i, (delta, cat) in enumerate(entries)]

    assert score(LANZHI, lines, PAIXILV) == score(LANZHI, list(reversed(lines)), PAIXILV)
