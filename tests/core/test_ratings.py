"""评星 Star ratings: standards from above, proposed, posted 5 working days, fixed, lowered,
removed.

Given the town (象珠镇党委 under 永康市委), when a rating command is handled, then the
events or the typed refusal; a refusal writes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dangjian_core.calendar.commands import DeclareHolidays
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId
from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RemoveRating,
    SetStarStandard,
)
from dangjian_core.ratings.events import (
    RatedKind,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.ratings.state import RatingError
from tests.core.given import Village
from tests.core.org import (
    CHEN,
    COUNTY,
    DING,
    GUANCHUAN,
    HU,
    LV,
    QINGWEIJIE,
    TOWN,
    WANG,
    later,
    town,
)

YEAR = 2017
MEMBER, BRANCH = RatedKind.MEMBER, RatedKind.BRANCH
MEMBER_SCALE = (60, 70, 80, 90, 96)
BRANCH_SCALE = (60, 70, 80, 85, 90)


def standard(kind: RatedKind = MEMBER, actor: str = COUNTY, **options: Any) -> SetStarStandard:
    """The upper unit sets a standard for the town (members out of 100, branches of 110)."""
    scale, top = (MEMBER_SCALE, 100) if kind is MEMBER else (BRANCH_SCALE, 110)
    options.setdefault("innovation_for_five", kind is BRANCH)
    return SetStarStandard(TOWN, YEAR, kind, top, scale, actor, later(1), **options)


def propose(subject: str, score: int, kind: RatedKind = MEMBER, **options: Any) -> ProposeRating:
    """The town's secretary proposes a rating on day 2."""
    options.setdefault("actor_id", WANG)
    options.setdefault("at", later(2))
    return ProposeRating(TOWN, YEAR, kind, subject, score, **options)


def fix(subject: str, days: float = 10, kind: RatedKind = MEMBER) -> FixRating:
    """The town's organizing member fixes a rating ``days`` after setup."""
    return FixRating(TOWN, YEAR, kind, subject, DING, later(days))


def lower(subject: str, stars: int) -> LowerRating:
    """The town's secretary lowers a fixed rating."""
    return LowerRating(TOWN, YEAR, MEMBER, subject, stars, "受到党内警告处分", WANG, later(30))


def remove(subject: str) -> RemoveRating:
    """The town's secretary removes a fixed rating."""
    return RemoveRating(TOWN, YEAR, MEMBER, subject, "评星材料不实", WANG, later(31))


def rated_town(*commands: Any) -> Village:
    """The town with both standards set, then ``commands``."""
    village = town()
    for command in (standard(MEMBER), standard(BRANCH), *commands):
        village.handle(command)
    return village


def refused(village: Village, command: Any, error: type[Exception]) -> Any:
    """The refusal ``command`` gets; asserts it is typed, bilingual and wrote nothing."""
    before = len(village.log)
    refusal = village.attempt(command)
    assert isinstance(refusal, error), refusal
    assert refusal.zh
    assert refusal.en
    assert len(village.log) == before
    return refusal


# --- standards ---------------------------------------------------------------------


def test_the_upper_unit_sets_the_standard_for_a_unit_and_year() -> None:
    village = town()

    events = village.handle(standard())

    assert events == [StarStandardSet(TOWN, YEAR, MEMBER, MEMBER_SCALE, 100, False)]


def test_the_units_own_secretary_may_not_set_its_standard() -> None:
    refusal = refused(town(), standard(actor=WANG), Unauthorized)

    assert "设定评星标准" in refusal.zh


def test_setting_the_same_standard_again_changes_nothing() -> None:
    assert rated_town().handle(standard()) == []


def test_a_standard_may_be_replaced_before_ratings_begin_but_not_after() -> None:
    village = rated_town()
    village.handle(standard(innovation_for_five=True))

    village.handle(propose(LV, 97))

    refused(village, standard(innovation_for_five=False), RatingError)


def test_thresholds_must_rise_and_fit_the_maximum() -> None:
    with pytest.raises(ValueError, match="thresholds"):
        SetStarStandard(TOWN, YEAR, MEMBER, 100, (60, 70, 70, 90, 96), COUNTY, later(1))
    with pytest.raises(ValueError, match="thresholds"):
        SetStarStandard(TOWN, YEAR, MEMBER, 90, (60, 70, 80, 90, 96), COUNTY, later(1))


# --- proposing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "stars"), [(59, 0), (60, 1), (69, 1), (70, 2), (89, 3), (95, 4), (96, 5)]
)
def test_a_members_stars_follow_the_standard(score: int, stars: int) -> None:
    [event] = rated_town().handle(propose(LV, score))

    assert isinstance(event, RatingProposed)
    assert (event.stars, event.posted_until) == (stars, later(9))


def test_a_branch_needs_an_innovation_project_for_five_stars() -> None:
    village = rated_town()
    criteria = (("组织建设", 40), ("党员管理", 30), ("服务群众", 25))

    [plain] = village.handle(propose(GUANCHUAN, 95, BRANCH, criteria=criteria))
    [innovative] = village.handle(propose(QINGWEIJIE, 92, BRANCH, innovation=True))

    assert (plain.stars, innovative.stars) == (4, 5)
    assert plain.criteria == criteria


def test_a_rating_needs_a_standard() -> None:
    refused(town(), propose(LV, 90), RatingError)


def test_only_the_units_leaders_or_those_above_propose() -> None:
    refusal = refused(rated_town(), propose(CHEN, 90, actor_id=HU), Unauthorized)

    assert "评星" in refusal.zh


def test_a_score_above_the_maximum_is_refused() -> None:
    refused(rated_town(), propose(LV, 101), InvalidCommand)


def test_criteria_scores_must_add_up_to_the_score() -> None:
    refused(rated_town(), propose(LV, 90, criteria=(("学习", 50), ("服务", 30))), InvalidCommand)


def test_only_branches_and_members_under_the_unit_are_rated() -> None:
    village = rated_town()

    refused(village, propose(TOWN, 90, BRANCH), UnknownSubject)
    refused(village, propose("nobody", 90), UnknownSubject)
    refused(village, propose(BranchId("elsewhere"), 90, BRANCH), UnknownSubject)


def test_proposing_the_same_rating_again_changes_nothing_but_a_different_one_is_refused() -> None:
    village = rated_town(propose(LV, 90))

    assert village.handle(propose(LV, 90)) == []
    refused(village, propose(LV, 80), RatingError)


# --- fixing ------------------------------------------------------------------------


def test_the_posting_period_is_five_working_days_skipping_the_weekend() -> None:
    # Proposed Thursday 2018-01-04: Fri, Mon, Tue, Wed, Thu — fixable from Thursday 01-11.
    village = rated_town()

    event = village.handle(propose(LV, 97))[0]

    assert later(9) == event.posted_until


def test_the_posting_period_skips_declared_holidays() -> None:
    village = rated_town()
    village.handle(DeclareHolidays("default", "调休", (date(2018, 1, 8),), TOWN, WANG, later(1)))

    event = village.handle(propose(LV, 97))[0]

    assert later(10) == event.posted_until


def test_a_rating_is_fixed_after_its_five_working_days_of_posting() -> None:
    village = rated_town(propose(LV, 97))

    assert village.handle(fix(LV, days=9)) == [RatingFixed(TOWN, YEAR, MEMBER, LV, 5)]
    assert village.handle(fix(LV, days=11)) == []


def test_fixing_during_the_posting_period_is_refused_naming_the_date() -> None:
    refusal = refused(rated_town(propose(LV, 97)), fix(LV, days=8.9), RatingError)

    assert later(9).date().isoformat() in refusal.zh
    assert later(9).date().isoformat() in refusal.en


def test_fixing_an_unproposed_rating_is_refused() -> None:
    refused(rated_town(), fix(LV), UnknownSubject)


def test_a_fixed_rating_is_not_proposed_again() -> None:
    refused(rated_town(propose(LV, 97), fix(LV)), propose(LV, 97), RatingError)


# --- lowering and removing ---------------------------------------------------------


def test_a_fixed_rating_is_lowered_with_a_reason() -> None:
    village = rated_town(propose(LV, 97), fix(LV))

    assert village.handle(lower(LV, 3)) == [
        RatingLowered(TOWN, YEAR, MEMBER, LV, 3, "受到党内警告处分")
    ]
    assert village.handle(lower(LV, 3)) == []


def test_a_rating_cannot_be_raised_by_lowering() -> None:
    refused(rated_town(propose(LV, 75), fix(LV)), lower(LV, 3), RatingError)


def test_a_rating_still_posted_is_neither_lowered_nor_removed() -> None:
    village = rated_town(propose(LV, 97))

    refused(village, lower(LV, 3), RatingError)
    refused(village, remove(LV), RatingError)


def test_a_fixed_rating_is_removed_with_a_reason_and_may_be_proposed_anew() -> None:
    village = rated_town(propose(LV, 97), fix(LV))

    assert village.handle(remove(LV)) == [RatingRemoved(TOWN, YEAR, MEMBER, LV, "评星材料不实")]
    assert village.handle(remove(LV)) == []
    refused(village, lower(LV, 2), UnknownSubject)
    assert len(village.handle(propose(LV, 85, at=later(40)))) == 1


def test_lowering_needs_a_reason_and_a_level_from_one_to_four() -> None:
    with pytest.raises(ValueError, match="reason"):
        LowerRating(TOWN, YEAR, MEMBER, LV, 3, "", WANG, later(30))
    with pytest.raises(ValueError, match=r"1\.\.4"):
        LowerRating(TOWN, YEAR, MEMBER, LV, 0, "理由", WANG, later(30))


def test_criteria_are_named_scores() -> None:
    with pytest.raises(ValueError, match="criteria"):
        ProposeRating(TOWN, YEAR, MEMBER, LV, 90, WANG, later(2), criteria=(("", 90),))
