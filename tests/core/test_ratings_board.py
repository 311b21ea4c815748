"""创星榜 The star board: the read model and the board built from it; properties.

The star level never falls as the score rises; the board's counts always equal the
fixed ratings, however the ratings were proposed, fixed, lowered and removed.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core.kernel.ids import BranchId
from dangjian_core.ratings.events import RatedKind, StarStandardSet
from dangjian_core.ratings.projections import FIXED, POSTED, REMOVED
from dangjian_core.ratings.queries import LEVELS, StarBoard, star_board
from dangjian_core.ratings.rules import stars_for
from tests.core.given import Village
from tests.core.org import DING, GUANCHUAN, LV, QINGWEIJIE, TOWN, later, register
from tests.core.test_ratings import fix, lower, propose, rated_town, remove

YEAR = 2017


def board_of(village: Village) -> StarBoard:
    """The town's board, as a query builds it from the read model."""
    views = village.views()
    rows = views.select("star_ratings", {"unit_id": TOWN, "year": YEAR})
    names = {str(r["person_id"]): str(r["name"]) for r in views.select("people", {})}
    names |= {str(r["unit_id"]): str(r["name"]) for r in views.select("units", {})}
    return star_board(TOWN, YEAR, rows, names)


def test_the_read_model_follows_a_rating_through_posting_fixing_and_removal() -> None:
    village = rated_town(propose(LV, 97))
    key = {"unit_id": TOWN, "year": YEAR, "kind": "member", "subject_id": LV}

    [posted] = village.views().select("star_ratings", key)
    village.handle(fix(LV))
    village.handle(lower(LV, 3))
    [lowered] = village.views().select("star_ratings", key)
    village.handle(remove(LV))
    [removed] = village.views().select("star_ratings", key)

    assert (posted["status"], posted["stars"], posted["score"]) == (POSTED, 5, 97)
    assert (lowered["status"], lowered["stars"], lowered["reason"]) == (
        FIXED,
        3,
        "受到党内警告处分",
    )
    assert removed["status"] == REMOVED
    [standard] = village.views().select("star_standards", {"unit_id": TOWN, "kind": "member"})
    assert standard["thresholds"] == "60,70,80,90,96"


def test_the_board_lists_only_fixed_ratings_most_stars_first_with_names() -> None:
    village = rated_town(
        propose(LV, 97),
        propose(GUANCHUAN, 100, RatedKind.BRANCH, innovation=True),
        propose(QINGWEIJIE, 86, RatedKind.BRANCH),
        fix(LV),
        fix(GUANCHUAN, kind=RatedKind.BRANCH),
        fix(QINGWEIJIE, kind=RatedKind.BRANCH),
        propose(DING, 80, at=later(20)),
    )

    board = board_of(village)

    assert [(e.name, e.stars) for e in board.branches] == [
        ("官川村党支部", 5),
        ("清渭街村党支部", 4),
    ]
    assert [(e.name, e.stars, e.score) for e in board.members] == [("吕革新", 5, 97)]
    assert board.counts(RatedKind.MEMBER) == {5: 1, 4: 0, 3: 0, 2: 0, 1: 0, 0: 0}


scales = st.lists(st.integers(1, 110), min_size=5, max_size=5, unique=True).map(
    lambda xs: tuple(sorted(xs))
)


@settings(max_examples=200, deadline=None)
@given(scales, st.booleans(), st.integers(0, 110), st.integers(0, 110), st.booleans())
def test_the_star_level_never_falls_as_the_score_rises(
    scale: tuple[int, ...], needs_project: bool, a: int, b: int, innovation: bool
) -> None:
    standard = StarStandardSet(BranchId("t"), YEAR, RatedKind.BRANCH, scale, 110, needs_project)
    low, high = sorted((a, b))

    assert stars_for(standard, low, innovation) <= stars_for(standard, high, innovation)
    assert 0 <= stars_for(standard, high, innovation) <= 5


#: Per member: a score, then whether it is fixed, then a later change (None, lower, remove).
plans = st.lists(
    st.tuples(st.integers(0, 100), st.booleans(), st.sampled_from([None, 1, 2, "remove"])),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(plans)
def test_the_boards_counts_equal_the_fixed_ratings(plan: list[tuple[int, bool, object]]) -> None:
    village = rated_town()
    expected: dict[int, int] = dict.fromkeys(LEVELS, 0)
    for i, (score, fixed, change) in enumerate(plan):
        person = f"m{i}"
        village.handle(register(person, QINGWEIJIE, f"党员{i}"))
        [proposed] = village.handle(propose(person, score))
        if not fixed:
            continue
        village.handle(fix(person))
        stars = proposed.stars
        if change == "remove":
            village.handle(remove(person))
            continue
        if isinstance(change, int) and change < stars:
            village.handle(lower(person, change))
            stars = change
        expected[stars] += 1

    board = board_of(village)

    assert board.counts(RatedKind.MEMBER) == expected
    assert sum(expected.values()) == len(board.members)
