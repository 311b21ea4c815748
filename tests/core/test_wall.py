"""The points wall 积分墙: ranking with a documented tie-break that names its rule."""

from __future__ import annotations

from dangjian_core.points.queries import TIE_RULES, Standing, WallEntry, rank

HIGHER_TOTAL = TIE_RULES[0][1]
MORE_TASKS = TIE_RULES[1][1]
EARLIER = TIE_RULES[2][1]
SMALLER_ID = TIE_RULES[3][1]


def standing(
    person_id: str, total: int, credits: int = 1, last_position: int = 1, name: str = ""
) -> Standing:
    return Standing(person_id, name or person_id, "activist", total, credits, last_position)


def order(entries: list[WallEntry]) -> list[tuple[int, str, str | None]]:
    return [(e.rank, e.standing.person_id, e.separated_by) for e in entries]


def test_the_higher_total_ranks_first_and_needs_no_tie_break() -> None:
    wall = rank([standing("b", 10), standing("a", 12)])

    assert [(1, "a", None), (2, "b", None)] == order(wall)


def test_equal_totals_are_separated_by_more_approved_tasks() -> None:
    wall = rank([standing("a", 10, credits=1), standing("b", 10, credits=2)])

    assert [(1, "b", None), (2, "a", MORE_TASKS)] == order(wall)


def test_equal_totals_and_tasks_are_separated_by_who_reached_the_total_first() -> None:
    wall = rank(
        [standing("a", 10, credits=2, last_position=9), standing("b", 10, 2, last_position=4)]
    )

    assert [(1, "b", None), (2, "a", EARLIER)] == order(wall)


def test_identical_figures_are_separated_by_the_smaller_person_id() -> None:
    wall = rank([standing("lv-b", 10, 2, 4), standing("lv-a", 10, 2, 4)])

    assert [(1, "lv-a", None), (2, "lv-b", SMALLER_ID)] == order(wall)


def test_the_total_rule_outranks_every_tie_break() -> None:
    wall = rank([standing("a", 9, credits=5, last_position=1), standing("z", 10, 1, 99)])

    assert ["z", "a"] == [e.standing.person_id for e in wall]


def test_ranks_run_from_one_without_gaps_even_through_ties() -> None:
    wall = rank([standing(p, 5) for p in ("d", "c", "b", "a")] + [standing("e", 1)])

    assert [1, 2, 3, 4, 5] == [e.rank for e in wall]
    assert [None, SMALLER_ID, SMALLER_ID, SMALLER_ID, None] == [e.separated_by for e in wall]


def test_in_paixilv_with_close_scores_lv_lanzhi_ranks_first() -> None:
    wall = rank(
        [
            standing("lv-xingcan", 86, credits=15, last_position=120, name="吕星灿"),
            standing("lv-lanzhi", 88, credits=15, last_position=130, name="吕兰枝"),
            standing("lv-other", 86, credits=14, last_position=100, name="吕其他"),
        ]
    )

    assert [(1, "lv-lanzhi", None), (2, "lv-xingcan", None), (3, "lv-other", MORE_TASKS)] == (
        order(wall)
    )
    assert "吕兰枝" == wall[0].standing.name


def test_an_empty_branch_has_an_empty_wall() -> None:
    assert [] == rank([])


def test_the_rules_are_documented_in_their_order_of_application() -> None:
    assert ["total", "credits", "last_position", "person_id"] == [name for name, _ in TIE_RULES]
    assert HIGHER_TOTAL.startswith("总分高者在前")
