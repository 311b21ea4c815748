"""村务公开 — given/when/then for the two publications of a village matter (决议公开,
实施结果公开): the period, objections within it and their answers, the implementation
between them."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dangjian_core.calendar.workdays import HolidaysUndeclared
from dangjian_core.matters.events import MatterNoticePublished, MeetingOutcome
from tests.core import matters_given as m
from tests.core.matters_given import refused


def test_a_matter_follows_the_default_four_steps_and_two_publications() -> None:
    world = m.yalv(*m.resolved())

    events = world.handle(m.publish())

    assert isinstance(events[0], MatterNoticePublished)
    assert events[0].period_end == date(2018, 1, 25)  # five working days
    matter = world.state_of(m.publish()).matters[m.MATTER]
    assert matter.waiting.key == "publish_result"


def test_a_publication_before_the_resolution_is_refused() -> None:
    refused(m.yalv(m.open_matter(), m.meeting("propose")), m.publish(), "step_order")


def test_a_publication_must_name_its_period() -> None:
    world = m.yalv(*m.resolved())

    refused(world, m.publish(days=0), "notice_period_required")
    refused(world, m.publish(days=3), "notice_period_minimum")


def test_a_publication_in_a_year_without_declared_holidays_is_refused() -> None:
    world = m.yalv(*m.resolved())

    with pytest.raises(HolidaysUndeclared):
        world.handle(m.publish(day=date(2026, 12, 21), days=20))


def test_the_result_is_published_only_after_the_implementation() -> None:
    world = m.yalv(*m.resolved(), m.publish())

    error = refused(world, m.publish("publish_result", date(2018, 2, 1)), "implemented_first")

    assert "实施完成并记录之后" in error.zh


def test_the_implementation_waits_for_the_resolutions_period() -> None:
    world = m.yalv(*m.resolved(), m.publish())

    refused(world, m.implement(date(2018, 1, 24)), "after_notice")


def test_objections_are_filed_in_the_period_and_answered_before_implementing() -> None:
    world = m.yalv(*m.resolved(), m.publish(), m.objection())

    refused(world, m.objection(date(2018, 1, 29), oid="O2"), "notice_period")
    refused(world, m.implement(), "objections_answered")
    world.handle(m.answer())
    world.handle(m.implement())
    events = world.handle(m.publish("publish_result", date(2018, 12, 3)))

    assert events[0].period_end == date(2018, 12, 7)
    assert world.state_of(m.implement()).matters[m.MATTER].done


def test_the_result_is_never_dated_before_the_implementation() -> None:
    world = m.yalv(*m.resolved(), m.publish(), m.implement(date(2018, 11, 30)))

    refused(world, m.publish("publish_result", date(2018, 11, 29)), "implemented_first")


def test_no_objection_before_the_publication() -> None:
    refused(m.yalv(*m.resolved()), m.objection(), "published")


def test_an_objection_id_is_taken_once_and_answered_once() -> None:
    world = m.yalv(*m.resolved(), m.publish(), m.objection(), m.answer())

    refused(world, attrs.evolve(m.objection(), text="另一条异议"), "objection_id")
    refused(world, attrs.evolve(m.answer(), answer="另一个答复"), "answered_once")


def test_the_implementation_is_recorded_once() -> None:
    world = m.yalv(*m.resolved(), m.publish(), m.implement())

    refused(world, m.implement(date(2018, 12, 1)), "implemented_once")


def test_nothing_follows_the_published_result() -> None:
    world = m.yalv(
        *m.resolved(), m.publish(), m.implement(), m.publish("publish_result", date(2018, 12, 3))
    )

    refused(world, m.publish("publish_result", date(2018, 12, 10)), "matter_done")


def test_a_rejected_resolution_ends_the_matter_with_nothing_to_publish() -> None:
    world = m.yalv(m.open_matter(), *m.four_meetings()[:3])

    (event,) = world.handle(m.meeting("resolve", m.REPRESENTATIVES[:9], against=5))

    assert event.outcome is MeetingOutcome.ENDED
    refused(world, m.publish(), "matter_ended")
