"""考评 Yearly evaluation: schemes as versioned events, the quota from above, deductions
(some once a year), one-vote vetoes, activist scores, quarterly snapshots and the close.

Given the seed village (派溪吕村) and the evaluation's past events, when an evaluation
command is decided, then the events or the typed refusal; a refusal writes nothing.
"""

from __future__ import annotations

import pytest

from dangjian_core.evaluation.events import (
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)
from dangjian_core.evaluation.scheme import Category, Scheme
from dangjian_core.evaluation.state import (
    CycleAlreadyClosed,
    EvaluationError,
    OnceAYear,
    ReviewsPending,
)
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import PersonId
from tests import support
from tests.core.evaluation_given import (
    CYCLE,
    PAIXILV,
    TASKS,
    adopt,
    at,
    close,
    deduct,
    line,
    quota,
    score_activist,
    snapshot,
    veto,
    village,
)
from tests.core.given import given, then_state, when

ADOPTED = SchemeAdopted(support.BRANCH, CYCLE, 1, PAIXILV)
LANZHI, XINGCAN = support.LANZHI, support.XINGCAN


def test_the_secretary_adopts_a_scheme_as_version_one() -> None:
    assert [ADOPTED] == when(adopt(), None)


def test_adopting_a_changed_scheme_makes_the_next_version() -> None:
    changed = Scheme("派溪吕村积分细则(修订)", (Category(TASKS, 80, default=True),))

    events = when(adopt(changed), given(ADOPTED))

    assert [SchemeAdopted(support.BRANCH, CYCLE, 2, changed)] == events
    assert changed == then_state(given(ADOPTED), events).scheme


def test_adopting_the_scheme_in_force_again_records_nothing() -> None:
    assert [] == when(adopt(), given(ADOPTED))


def test_a_villager_without_a_role_may_not_adopt_a_scheme() -> None:
    with pytest.raises(Unauthorized):
        when(adopt(actor=support.LANZHI), None)


def test_a_scheme_without_a_default_category_is_refused_by_its_shape() -> None:
    without_default = Scheme("x", (Category(TASKS, 70),))

    with pytest.raises(ValueError, match="默认"):
        adopt(without_default)


def test_the_upper_unit_sets_the_development_quota() -> None:
    assert [QuotaSet(support.BRANCH, CYCLE, 2, "镇党委下达")] == when(quota(2), None)


def test_the_branch_secretary_may_not_set_its_own_quota() -> None:
    with pytest.raises(Unauthorized, match="发展名额"):
        when(quota(actor=support.SECRETARY), None)


def test_setting_the_same_quota_again_records_nothing() -> None:
    assert [] == when(quota(2), given(QuotaSet(support.BRANCH, CYCLE, 2, "")))


def test_a_deduction_applies_the_schemes_fixed_item() -> None:
    expected = DeductionApplied(
        support.BRANCH, CYCLE, "D1", LANZHI, "absent", "无故缺席组织生活", 5, "基础分",
        "10月主题党日未请假缺席",
    )  # fmt: skip
    assert [expected] == when(deduct(), given(ADOPTED))


def test_a_deduction_needs_a_scheme_in_force() -> None:
    with pytest.raises(EvaluationError, match="尚未采用积分细则"):
        when(deduct(), None)


def test_a_deduction_item_the_scheme_lacks_is_refused() -> None:
    with pytest.raises(InvalidCommand, match="没有扣分项 late"):
        when(deduct(code="late"), given(ADOPTED))


def test_an_ordinary_item_may_be_deducted_twice_a_year() -> None:
    state = then_state(given(ADOPTED), when(deduct(did="D1"), given(ADOPTED)))

    assert 1 == len(when(deduct(did="D2"), state))


def test_a_once_a_year_item_is_refused_the_second_time() -> None:
    first = when(deduct(code="false-report", did="D1"), given(ADOPTED))
    state = then_state(given(ADOPTED), first)

    with pytest.raises(OnceAYear, match="每年限一次"):
        when(deduct(code="false-report", did="D2"), state)


def test_the_same_deduction_decided_again_records_nothing() -> None:
    state = then_state(given(ADOPTED), when(deduct(), given(ADOPTED)))

    assert [] == when(deduct(), state)


def test_a_person_off_the_roll_cannot_be_deducted() -> None:
    with pytest.raises(UnknownSubject):
        when(deduct(person="stranger"), given(ADOPTED))


def test_a_veto_names_the_breach() -> None:
    expected = VetoRecorded(
        support.BRANCH, CYCLE, XINGCAN, "discipline", "受到党纪政务处分", "受到警告处分"
    )
    events = when(veto(), given(ADOPTED))

    assert [expected] == events
    assert {XINGCAN: "受到党纪政务处分"} == then_state(given(ADOPTED), events).vetoes


def test_a_second_different_veto_for_the_same_person_is_refused() -> None:
    state = then_state(given(ADOPTED), when(veto(), given(ADOPTED)))

    assert [] == when(veto(), state)
    with pytest.raises(EvaluationError, match="已被一票否决"):
        when(veto(code="illegal"), state)


def test_an_activist_is_scored_on_the_hand_scored_dimensions() -> None:
    expected = ActivistScored(support.BRANCH, CYCLE, LANZHI, (("党课学习", 80), ("群众评议", 90)))

    assert [expected] == when(score_activist(), given(ADOPTED))


def test_the_points_dimension_cannot_be_scored_by_hand() -> None:
    with pytest.raises(InvalidCommand, match="任务积分"):
        when(score_activist(任务积分=100), given(ADOPTED))


def test_a_dimension_score_above_its_maximum_is_refused() -> None:
    with pytest.raises(InvalidCommand, match="超过满分 100"):
        when(score_activist(群众评议=101), given(ADOPTED))


def test_a_snapshot_freezes_the_standings_of_the_quarter_best_first() -> None:
    lines = {LANZHI: (line(10, 5), line(12, 5)), XINGCAN: (line(11, 5),)}

    [event] = when(snapshot(), given(ADOPTED), village(lines=lines))

    assert isinstance(event, SnapshotPublished)
    assert "2022Q2" == event.quarter
    assert [LANZHI, XINGCAN] == [row.person_id for row in event.standings.rows]
    assert [30, 25] == [row.total for row in event.standings.rows]
    assert 12 == event.standings.through_position


def test_a_quarter_outside_the_cycle_is_refused() -> None:
    with pytest.raises(InvalidCommand, match="2023Q1"):
        when(snapshot("2023Q1"), given(ADOPTED))


def test_publishing_a_quarter_again_records_nothing() -> None:
    state = then_state(given(ADOPTED), when(snapshot(), given(ADOPTED)))

    assert [] == when(snapshot(), state)


def test_the_latest_snapshot_on_or_before_a_date_answers_what_the_wall_said() -> None:
    from datetime import datetime

    june = snapshot("2022Q2")
    march = snapshot("2022Q1", datetime(2022, 3, 31, 18, tzinfo=support.CST))
    state = given(ADOPTED)
    for command in (march, june):
        state = then_state(state, when(command, state))

    july = datetime(2022, 7, 15, tzinfo=support.CST)
    april = datetime(2022, 4, 1, tzinfo=support.CST)
    assert "2022Q2" == state.snapshot_as_of(july).quarter
    assert "2022Q1" == state.snapshot_as_of(april).quarter
    assert state.snapshot_as_of(datetime(2022, 1, 1, tzinfo=support.CST)) is None


def test_closing_is_refused_while_completions_await_review_and_lists_them() -> None:
    pending = (("T7", LANZHI), ("T9", XINGCAN))

    with pytest.raises(ReviewsPending, match=r"T7\(lv-lanzhi\)、T9\(lv-xingcan\)"):
        when(close(), given(ADOPTED), village(pending=pending))


def test_closing_before_the_cycle_is_over_is_refused() -> None:
    with pytest.raises(EvaluationError, match="尚未结束"):
        when(close(when=at(30)), given(ADOPTED))


def test_the_close_carries_the_frozen_standings() -> None:
    lines = {LANZHI: (line(10, 5),), XINGCAN: (line(11, 5), line(12, 5))}

    [event] = when(close(), given(ADOPTED), village(lines=lines))

    assert isinstance(event, CycleClosed)
    assert [XINGCAN, LANZHI] == [row.person_id for row in event.standings.rows]
    assert 1 == event.standings.scheme_version


def test_after_the_close_every_change_is_refused_and_a_repeated_close_records_nothing() -> None:
    closed = then_state(given(ADOPTED), when(close(), given(ADOPTED)))

    assert [] == when(close(), closed)
    for command in (deduct(), veto(), quota(3), score_activist(), snapshot("2022Q3")):
        with pytest.raises(CycleAlreadyClosed, match="已结束"):
            when(command, closed)


def test_a_vetoed_person_is_frozen_at_zero_with_the_breach_named() -> None:
    state = then_state(given(ADOPTED), when(veto(), given(ADOPTED)))

    [event] = when(close(), state, village(lines={XINGCAN: (line(3, 50),)}))

    row = event.standings.of(XINGCAN)
    assert (0, True, "受到党纪政务处分") == (row.total, row.vetoed, row.veto)


def test_ranking_reuses_the_walls_tie_break_reached_earlier_wins() -> None:
    lines = {LANZHI: (line(20, 10),), XINGCAN: (line(15, 10),)}

    [event] = when(close(), given(ADOPTED), village(lines=lines))

    assert [XINGCAN, LANZHI] == [r.person_id for r in event.standings.rows]
    assert [15, 20] == [r.reached_position for r in event.standings.rows]


def test_people_with_only_a_deduction_still_have_a_standing() -> None:
    state = then_state(given(ADOPTED), when(deduct(), given(ADOPTED)))

    [event] = when(close(), state, village())

    assert [(LANZHI, 15)] == [(r.person_id, r.total) for r in event.standings.rows]


def test_an_unknown_unit_is_refused() -> None:
    from dangjian_core.evaluation.commands import SetQuota

    with pytest.raises(UnknownSubject):
        when(SetQuota("nowhere", CYCLE, 1, support.TOWN, at(1)), None)  # type: ignore[arg-type]


def test_the_stream_is_one_per_unit_and_cycle() -> None:
    from dangjian_core.catalog import stream_of

    assert "evaluation-paixilv@2021-10" == stream_of(quota())
    assert PersonId("lv-lanzhi") == LANZHI
