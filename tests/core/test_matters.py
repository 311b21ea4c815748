"""村务决策 — given/when/then for every rule of 四议两公开 / 五议两公开 (seeds 001, 003)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dangjian_core.kernel.errors import DomainError, InvalidCommand, Unauthorized
from dangjian_core.matters.events import (
    MatterOpened,
    MeetingHeld,
    MeetingOutcome,
    ProcedureAdopted,
)
from dangjian_core.matters.procedures import FIVE_SUGGESTED, FIVE_SUPERVISED, FOUR
from dangjian_core.matters.state import MatterError
from dangjian_core.matters.values import Body, Origin, Threshold
from tests.core import matters_given as m
from tests.core.matters_given import refused


def test_a_matter_opened_records_the_procedure_in_force() -> None:
    world = m.yalv(m.adopt(FIVE_SUPERVISED))

    (event,) = world.handle(m.open_matter(origin=Origin.MASSES))

    assert isinstance(event, MatterOpened)
    assert (event.version, event.procedure) == (1, FIVE_SUPERVISED)


def test_adopting_again_makes_the_next_version_and_the_same_again_nothing() -> None:
    world = m.yalv(m.adopt(FOUR))

    (event,) = world.handle(m.adopt(FIVE_SUGGESTED))

    assert isinstance(event, ProcedureAdopted)
    assert event.version == 2
    assert world.handle(m.adopt(FIVE_SUGGESTED)) == []


def test_a_step_out_of_order_is_refused() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"))

    error = refused(world, m.meeting("review"), "step_order")

    assert "现在应进行「两委会议商议」" in error.zh


def test_a_members_meeting_without_two_thirds_present_is_refused_and_held_again() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"), m.meeting("discuss"))
    seven = m.MEMBERS[:7]  # 7 of 12: under 2/3

    error = refused(world, m.meeting("review", seven), "quorum")
    events = world.handle(m.meeting("review", m.MEMBERS[:8]))  # 8 of 12: 2/3

    assert "党员大会应到 12 人, 实到 7 人, 未达到三分之二以上" in error.zh
    assert isinstance(events[0], MeetingHeld)
    assert (len(events[0].expected), len(events[0].present)) == (12, 8)


def test_the_members_roll_counts_full_members_of_the_branch_only() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"), m.meeting("discuss"))

    refused(world, m.meeting("review", (*m.MEMBERS[:8], m.PROBATIONER)), "present_on_roll")


def test_the_representatives_need_more_than_half_present() -> None:
    world = m.yalv(m.open_matter(), *m.four_meetings()[:3])

    refused(world, m.meeting("resolve", m.REPRESENTATIVES[:7]), "quorum")  # 7 of 15
    (event,) = world.handle(m.meeting("resolve", m.REPRESENTATIVES[:8]))

    assert event.outcome is MeetingOutcome.PASSED


def test_the_plan_must_reach_the_members_three_days_before() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"), m.meeting("discuss"))

    refused(world, m.meeting("review", notice_sent_on=date(2018, 1, 13)), "members_notice")
    refused(world, m.meeting("review", notice_sent_on=None), "members_notice")


def test_a_rejected_proposal_ends_the_matter() -> None:
    world = m.yalv(m.open_matter())

    (event,) = world.handle(m.meeting("propose", against=2))

    assert event.outcome is MeetingOutcome.ENDED
    refused(world, m.meeting("discuss"), "matter_ended")


def test_a_rejected_members_meeting_returns_the_matter_to_the_proposal() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"), m.meeting("discuss"))

    (event,) = world.handle(m.meeting("review", against=7))
    refused(world, m.meeting("resolve"), "step_order")
    again = world.handle(m.meeting("propose", day=date(2018, 1, 20)))

    assert event.outcome is MeetingOutcome.RETURNED
    assert again[0].outcome is MeetingOutcome.PASSED


def test_a_named_vote_needs_one_ballot_from_each_attendee() -> None:
    world = m.yalv(m.open_matter())

    short = m.ballots(m.COMMITTEE[:2])
    refused(world, m.meeting("propose", ballots=short), "named_vote")


def test_a_counted_vote_must_add_up_to_those_present() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"), m.meeting("discuss"))

    refused(world, m.meeting("review", votes=(10, 0, 0)), "counted_vote")


def test_someone_not_on_the_roll_is_not_present() -> None:
    world = m.yalv(m.open_matter(), m.meeting("propose"))

    refused(world, m.meeting("discuss", (*m.TWO_COMMITTEES, "stranger")), "present_on_roll")


def test_one_person_in_both_posts_merges_the_proposal_and_the_discussion() -> None:
    world = m.yalv(m.open_matter())

    (event,) = world.handle(m.meeting("propose", m.TWO_COMMITTEES, merged=True))

    assert event.steps == ("propose", "discuss")
    assert event.body is Body.TWO_COMMITTEES
    assert world.handle(m.meeting("review"))[0].outcome is MeetingOutcome.PASSED


def test_without_one_person_in_both_posts_the_meetings_are_held_apart() -> None:
    world = m.yalv(m.open_matter(), director="cun-wei-1")

    refused(world, m.meeting("propose", m.TWO_COMMITTEES, merged=True), "one_person")


def test_the_five_step_variant_with_suggestions_gathers_them_first() -> None:
    world = m.yalv(m.adopt(FIVE_SUGGESTED), m.open_matter(origin=Origin.MASSES))

    refused(world, m.meeting("propose"), "step_order")
    world.handle(m.gather())
    assert world.handle(m.meeting("propose"))[0].outcome is MeetingOutcome.PASSED


def test_the_supervised_variant_needs_the_supervisors_review_before_the_resolution() -> None:
    world = m.yalv(m.adopt(FIVE_SUPERVISED), m.open_matter(), *m.four_meetings()[:3])

    refused(world, m.meeting("resolve"), "step_order")
    world.handle(m.meeting("supervise"))
    assert world.handle(m.meeting("resolve"))[0].outcome is MeetingOutcome.PASSED


def test_the_party_members_roll_is_not_kept_here() -> None:
    command = m.rolls()[0]
    refused(m.yalv(), attrs.evolve(command, body=Body.MEMBERS), "roll_kept_elsewhere")


def test_a_member_off_the_committee_may_not_record_a_step() -> None:
    world = m.yalv(m.open_matter())

    error = world.attempt(m.meeting("propose", actor="member-05"))

    assert isinstance(error, Unauthorized)


def test_deciding_again_changes_nothing() -> None:
    world = m.yalv(*m.resolved(), m.publish(), m.objection(), m.answer(), m.implement())

    for command in (m.open_matter(), m.publish(), m.objection(), m.answer(), m.implement()):
        assert world.handle(command) == []


def test_a_meeting_dated_in_the_future_is_refused() -> None:
    world = m.yalv(m.open_matter())
    command = attrs.evolve(m.meeting("propose"), at=m.on(date(2018, 1, 7)))

    assert isinstance(world.attempt(command), InvalidCommand)


@pytest.mark.parametrize(
    ("threshold", "part", "whole", "met"),
    [
        (Threshold(2, 3, strict=False), 8, 12, True),
        (Threshold(2, 3, strict=False), 7, 12, False),
        (Threshold(1, 2, strict=True), 8, 15, True),
        (Threshold(1, 2, strict=True), 5, 10, False),
        (Threshold(1, 2, strict=True), 0, 0, False),
    ],
)
def test_thresholds(threshold: Threshold, part: int, whole: int, met: bool) -> None:
    assert threshold.met(part, whole) is met


def test_the_error_base_is_the_concepts() -> None:
    assert issubclass(MatterError, DomainError)


def test_a_matter_id_is_taken_once() -> None:
    world = m.yalv(m.open_matter())

    refused(world, attrs.evolve(m.open_matter(), title="另一件事"), "matter_id")


def test_the_director_must_be_on_the_two_committees_roll() -> None:
    command = attrs.evolve(m.rolls()[0], director_id="stranger")

    assert isinstance(m.yalv().attempt(command), InvalidCommand)


def test_suggestions_are_gathered_only_at_a_suggestions_step() -> None:
    world = m.yalv(m.open_matter())

    refused(world, attrs.evolve(m.gather(), step="propose"), "step_kind")


def test_a_procedure_that_does_not_allow_it_keeps_the_meetings_apart() -> None:
    apart = attrs.evolve(FOUR, merge_when_one_person=False)
    world = m.yalv(m.adopt(apart), m.open_matter())

    refused(world, m.meeting("propose", m.TWO_COMMITTEES, merged=True), "merge")


def test_a_procedure_without_the_two_publications_at_the_end_is_refused() -> None:
    broken = attrs.evolve(FOUR, steps=FOUR.steps[:-1])

    refused(m.yalv(), m.adopt(broken), "procedure_shape")
