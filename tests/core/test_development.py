"""发展对象 Development candidates: rank, propose, post, object, resolve, confirm; commend
and flag full members (seed 000: 派溪吕村, 吕兰枝 first, the scores close).

Given the village at the close of 2021-10, when a development command is decided, then
the events or the typed refusal.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.development.decisions import evolve as evolve_state
from dangjian_core.development.events import (
    ListConfirmed,
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionDismissed,
    ObjectionFiled,
    ObjectionUpheld,
    TrainingFlagged,
)
from dangjian_core.development.policies import follow_ups
from dangjian_core.development.state import DevelopmentError, DevelopmentState, Outcome
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.commands import ChangePartyStatus
from dangjian_core.people.events import PartyStatus
from dangjian_core.points.queries import TIE_RULES
from dangjian_core.tasks.commands import IssueTask
from tests.core.development_given import (
    CLOSE,
    HUANG,
    LOW,
    NEWCOMER,
    PERIOD_END,
    POSTED_ON,
    VETOED,
    commend,
    confirm,
    dismiss,
    evaluation,
    flag,
    objection,
    post,
    propose,
    uphold,
    village,
)
from tests.core.given import when
from tests.support import BRANCH, LANZHI, MEMBER, ORGANIZER, SECRETARY, VOLUNTEER, XINGCAN


def fold(*events: object) -> DevelopmentState:
    state = DevelopmentState()
    for event in events:
        state = evolve_state(state, event)  # type: ignore[arg-type]
    return state


def proposed() -> DevelopmentState:
    """The list proposed: 吕兰枝 and 吕星灿."""
    return fold(*when(propose(), None, village()))


def posted() -> DevelopmentState:
    """The list posted on Monday 10 October for five working days."""
    state = proposed()
    return evolve_state(state, when(post(), state, village())[0])


def decide(command: object, state: DevelopmentState) -> DevelopmentState:
    for event in when(command, state, village()):
        state = evolve_state(state, event)
    return state


# --- ranking and eligibility --------------------------------------------------------


def test_activists_are_ranked_high_to_low_with_lanzhi_first() -> None:
    [event] = when(propose(), None, village())

    assert isinstance(event, ListProposed)
    assert [LANZHI, NEWCOMER, XINGCAN, HUANG, VETOED] == [e.person_id for e in event.ranking]
    assert [1, 2, 3, 4, 5] == [e.rank for e in event.ranking]


def test_only_activists_at_the_close_are_ranked() -> None:
    [event] = when(propose(), None, village())

    ranked = {e.person_id for e in event.ranking}
    assert not ranked & {SECRETARY, ORGANIZER, MEMBER, LOW, VOLUNTEER}


def test_a_tie_says_which_rule_separated_the_pair() -> None:
    [event] = when(propose(), None, village())

    xingcan, huang = event.ranking[2], event.ranking[3]
    assert (46, 46) == (xingcan.total, huang.total)
    assert TIE_RULES[2][1] == huang.separated_by
    assert xingcan.separated_by is None  # its total differs from the one above


def test_the_top_quota_eligible_activists_are_selected() -> None:
    [event] = when(propose(), None, village())

    assert (LANZHI, XINGCAN) == event.selected
    assert 2 == event.quota


def test_an_activist_of_less_than_a_year_at_the_close_is_listed_with_the_reason() -> None:
    [event] = when(propose(), None, village())

    newcomer = event.ranking[1]
    assert not newcomer.eligible
    assert "不满一年" in newcomer.reason
    assert "2023-03-01" in newcomer.reason


def test_a_vetoed_activist_is_listed_with_the_veto() -> None:
    [event] = when(propose(), None, village())

    vetoed = event.ranking[4]
    assert not vetoed.eligible
    assert "一票否决: 参与赌博" in vetoed.reason


def test_an_activist_who_left_the_road_since_the_close_is_ineligible() -> None:
    people = dict(village().people)
    lanzhi = people[LANZHI]
    people[LANZHI] = attrs.evolve(
        lanzhi,
        history=(
            *lanzhi.history,
            attrs.evolve(lanzhi.history[-1], status=PartyStatus.VILLAGER, since=date(2022, 10, 9)),
        ),
    )

    [event] = when(propose(), None, village(people=people))

    assert not event.ranking[0].eligible
    assert "已不是入党积极分子" in event.ranking[0].reason
    assert (XINGCAN, HUANG) == event.selected


def test_a_quota_larger_than_the_eligible_selects_all_eligible() -> None:
    [event] = when(propose(), None, village(evaluation(10)))

    assert (LANZHI, XINGCAN, HUANG) == event.selected


def test_proposing_before_the_close_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="cycle_closed"):
        when(propose(), None, village(evaluation(closed=False)))


def test_proposing_without_an_evaluation_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="cycle_closed"):
        when(propose(), None, village(False))  # type: ignore[arg-type]


def test_proposing_without_a_quota_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="quota_set"):
        when(propose(), None, village(evaluation(None)))


def test_a_volunteer_may_not_propose_the_list() -> None:
    with pytest.raises(Unauthorized):
        when(propose(actor=VOLUNTEER), None, village())


def test_proposing_again_is_answered_with_nothing() -> None:
    assert [] == when(propose(), proposed(), village())


def test_the_list_cannot_be_proposed_again_once_posted() -> None:
    with pytest.raises(DevelopmentError, match="posted"):
        when(propose(), posted(), village(evaluation(3)))


# --- the public notice ----------------------------------------------------------------


def test_the_notice_runs_five_working_days_by_default() -> None:
    [event] = when(post(), proposed(), village())

    assert (
        NoticePosted(BRANCH, "2021-10", POSTED_ON, 5, PERIOD_END, "default", (LANZHI, XINGCAN))
        == event
    )


def test_the_notice_period_skips_holidays_of_the_calendar() -> None:
    directory = attrs.evolve(
        village(), calendars={"default": Calendar(holidays={date(2022, 10, 12)})}
    )

    [event] = when(post(), proposed(), directory)

    assert date(2022, 10, 17) == event.period_end


def test_a_notice_before_a_proposal_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="proposed"):
        when(post(), DevelopmentState(), village())


def test_a_notice_before_the_close_is_refused() -> None:
    with pytest.raises(InvalidCommand):
        when(post(on=date(2022, 10, 1)), proposed(), village())


def test_posting_the_unchanged_list_again_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="posted_once"):
        when(post(on=date(2022, 10, 11)), posted(), village())


def test_posting_the_same_notice_again_is_answered_with_nothing() -> None:
    assert [] == when(post(), posted(), village())


def test_only_the_branch_leaders_post_the_notice() -> None:
    with pytest.raises(Unauthorized):
        when(post(actor=LANZHI), proposed(), village())


# --- objections -------------------------------------------------------------------------


def test_a_member_of_the_public_objects_with_name_and_contact() -> None:
    [event] = when(objection(), posted(), village())

    assert (
        ObjectionFiled(
            BRANCH, "2021-10", "O1", LANZHI, "曾参与赌博", "public", "吕大伯", "13800000000"
        )
        == event
    )


def test_a_registered_person_may_object() -> None:
    [event] = when(objection(actor=VOLUNTEER), posted(), village())

    assert VOLUNTEER == event.filer_id


def test_an_unregistered_filer_who_is_not_public_is_refused() -> None:
    with pytest.raises(Unauthorized, match="public"):
        when(objection(actor="stranger"), posted(), village())


def test_an_objection_before_the_notice_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="posted"):
        when(objection(), proposed(), village())


@pytest.mark.parametrize("day", [date(2022, 10, 9), date(2022, 10, 15)])
def test_an_objection_outside_the_notice_period_is_refused(day: date) -> None:
    with pytest.raises(DevelopmentError, match="notice_period"):
        when(objection(day=day), posted(), village())


def test_an_objection_about_someone_not_on_the_list_is_refused() -> None:
    with pytest.raises(UnknownSubject):
        when(objection(about=HUANG), posted(), village())


def test_a_taken_objection_id_is_refused_and_a_repeat_answered_with_nothing() -> None:
    state = decide(objection(), posted())

    assert [] == when(objection(), state, village())
    with pytest.raises(DevelopmentError, match="objection_id"):
        when(objection(about=XINGCAN), state, village())


def test_an_upheld_objection_promotes_the_next_eligible() -> None:
    state = decide(objection(), posted())

    [event] = when(uphold(), state, village())

    assert ObjectionUpheld(BRANCH, "2021-10", "O1", LANZHI, HUANG, "经调查属实") == event
    after = evolve_state(state, event)
    assert (XINGCAN, HUANG) == after.selected
    assert Outcome.UPHELD == after.objections["O1"].outcome


def test_an_upheld_objection_with_nobody_left_shrinks_the_list() -> None:
    state = decide(objection(), posted())
    state = attrs.evolve(state, selected=(LANZHI, XINGCAN), removed=(HUANG,))

    [event] = when(uphold(), state, village())

    assert event.promoted is None
    assert (XINGCAN,) == evolve_state(state, event).selected


def test_a_dismissed_objection_records_the_reason_and_keeps_the_list() -> None:
    state = decide(objection(), posted())

    [event] = when(dismiss(), state, village())

    assert ObjectionDismissed(BRANCH, "2021-10", "O1", "经调查不属实") == event
    after = evolve_state(state, event)
    assert (LANZHI, XINGCAN) == after.selected
    assert "经调查不属实" == after.objections["O1"].note


def test_an_objection_is_resolved_once() -> None:
    state = decide(dismiss(), decide(objection(), posted()))

    assert [] == when(dismiss(), state, village())
    with pytest.raises(DevelopmentError, match="resolved_once"):
        when(uphold(), state, village())


def test_resolving_an_unknown_objection_is_refused() -> None:
    with pytest.raises(UnknownSubject):
        when(uphold("O9"), posted(), village())


def test_only_the_branch_leaders_resolve_objections() -> None:
    state = decide(objection(), posted())
    command = attrs.evolve(uphold(), actor_id=VOLUNTEER)

    with pytest.raises(Unauthorized):
        when(command, state, village())


# --- confirmation ---------------------------------------------------------------------


def test_the_list_is_confirmed_after_the_period() -> None:
    [event] = when(confirm(), posted(), village())

    assert ListConfirmed(BRANCH, "2021-10", (LANZHI, XINGCAN), date(2022, 10, 17)) == event


def test_confirming_during_the_period_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="after_notice"):
        when(confirm(PERIOD_END), posted(), village())


def test_confirming_with_an_open_objection_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="objections_resolved"):
        when(confirm(), decide(objection(), posted()), village())


def test_confirming_an_unposted_list_is_refused() -> None:
    with pytest.raises(DevelopmentError, match="posted"):
        when(confirm(), proposed(), village())


def test_someone_moved_up_must_be_posted_again_before_confirmation() -> None:
    state = decide(uphold(), decide(objection(), posted()))

    with pytest.raises(DevelopmentError, match="repost"):
        when(confirm(), state, village())
    state = decide(post(on=date(2022, 10, 17)), state)
    [event] = when(confirm(date(2022, 10, 24)), state, village())
    assert (XINGCAN, HUANG) == event.confirmed


def test_confirming_again_is_answered_with_nothing() -> None:
    assert [] == when(confirm(), decide(confirm(), posted()), village())


def test_a_confirmed_list_cannot_be_posted_again() -> None:
    with pytest.raises(DevelopmentError, match="confirmed"):
        when(post(on=date(2022, 10, 18)), decide(confirm(), posted()), village())


def test_confirmation_moves_each_person_to_candidate_through_the_pipeline() -> None:
    [event] = when(confirm(), posted(), village())
    recorded = Recorded(9, "development-paixilv@2021-10", 3, SECRETARY, confirm().at, event)

    commands = follow_ups(recorded)

    assert [
        "follow:development-paixilv@2021-10:3:lv-lanzhi",
        "follow:development-paixilv@2021-10:3:lv-xingcan",
    ] == [f.command_id for f in commands]
    first = commands[0].command
    assert isinstance(first, ChangePartyStatus)
    assert (LANZHI, PartyStatus.CANDIDATE, date(2022, 10, 17), SECRETARY) == (
        first.person_id,
        first.status,
        first.since,
        first.actor_id,
    )


# --- full members -----------------------------------------------------------------------


def test_the_top_full_members_are_commended() -> None:
    [event] = when(commend(2), DevelopmentState(), village())

    assert isinstance(event, MembersCommended)
    assert [SECRETARY, ORGANIZER] == [m.person_id for m in event.commended]


def test_commending_twice_differently_is_refused() -> None:
    state = decide(commend(2), DevelopmentState())

    assert [] == when(commend(2), state, village())
    with pytest.raises(DevelopmentError, match="commended_once"):
        when(commend(3), state, village())


def test_members_under_the_threshold_are_flagged_with_a_reserved_training_task() -> None:
    [event] = when(flag(20), DevelopmentState(), village())

    assert isinstance(event, TrainingFlagged)
    assert [MEMBER, LOW] == [m.person_id for m in event.flagged]
    [follow] = follow_ups(
        Recorded(5, "development-paixilv@2021-10", 1, ORGANIZER, flag().at, event)
    )
    task = follow.command
    assert isinstance(task, IssueTask)
    assert ((MEMBER, LOW), 2, "train-2021") == (task.reserved_for, task.slots, task.task_id)


def test_flagging_needs_someone_who_issues_tasks() -> None:
    with pytest.raises(Unauthorized):
        when(flag(actor=LANZHI), DevelopmentState(), village())


def test_flagging_with_a_taken_task_id_is_refused() -> None:
    directory = attrs.evolve(village(), tasks={"train-2021": object()})

    with pytest.raises(DevelopmentError, match="task_id"):
        when(flag(), DevelopmentState(), directory)


def test_flagging_with_a_past_deadline_is_refused() -> None:
    command = attrs.evolve(flag(), deadline=CLOSE)

    with pytest.raises(InvalidCommand):
        when(command, DevelopmentState(), village())


def test_nobody_under_the_threshold_issues_no_task() -> None:
    [event] = when(flag(1), DevelopmentState(), village())

    assert () == event.flagged
    assert [] == follow_ups(
        Recorded(5, "development-paixilv@2021-10", 1, ORGANIZER, flag().at, event)
    )
