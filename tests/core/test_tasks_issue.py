"""Issuing a task 发布任务: who may, what a task needs, and what a repeated issue does."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject, build
from dangjian_core.kernel.ids import BranchId, TaskId
from dangjian_core.tasks.commands import CancelTask, ClaimTask, IssueTask, RevokePoints
from dangjian_core.tasks.events import Audience, SourceKind, TaskIssued
from dangjian_core.tasks.state import TaskError
from dangjian_core.units.roles import Role
from tests.core.given import DEADLINE, T1, given, issued, seed_branch, term, village_with, when
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
    issue,
    later,
)


def test_the_organizing_member_issues_a_task_with_its_points_slots_and_audience() -> None:
    events = when(issue("T1", slots=3, points=5), None)

    expected = [
        TaskIssued(
            T1,
            BRANCH,
            "环境卫生整治任务",
            "环境卫生整治",
            5,
            3,
            DEADLINE,
            (Audience.ACTIVISTS, Audience.VOLUNTEERS),
            SourceKind.VILLAGE,
            "",
        )
    ]
    assert expected == events


def test_the_secretary_may_issue_a_task_too() -> None:
    events = when(issue("T1", actor=SECRETARY), None)

    assert [issued("T1")] == events


@pytest.mark.parametrize("actor", [REVIEWER, LANZHI, MEMBER, "town-xiangzhu"])
def test_only_the_organizing_member_or_secretary_may_issue(actor: str) -> None:
    with pytest.raises(Unauthorized) as refusal:
        when(issue("T1", actor=actor), None)

    assert "unauthorized" == refusal.value.code
    assert actor in str(refusal.value)
    assert "发布任务" in refusal.value.zh
    assert "组织委员" in refusal.value.zh


def test_an_organizing_member_whose_term_ended_before_issuing_may_not_issue() -> None:
    ended = term(ORGANIZER, Role.ORGANIZING, T0 - timedelta(days=30), T0 - timedelta(hours=1))
    village = village_with(terms=(ended,))

    with pytest.raises(Unauthorized):
        when(issue("T1"), None, village)


def test_a_term_that_ends_at_the_moment_of_issuing_no_longer_counts() -> None:
    ended = term(ORGANIZER, Role.ORGANIZING, T0 - timedelta(days=30), T0)
    village = village_with(terms=(ended,))

    with pytest.raises(Unauthorized):
        when(issue("T1"), None, village)


def test_a_term_that_ends_after_issuing_still_counts_at_the_time_of_issuing() -> None:
    ending = term(ORGANIZER, Role.ORGANIZING, T0 - timedelta(days=30), T0 + timedelta(hours=1))
    village = village_with(terms=(ending,))

    assert [issued("T1")] == when(issue("T1"), None, village)


def test_an_organizing_member_appointed_after_the_issue_time_may_not_issue_yet() -> None:
    future = term(ORGANIZER, Role.ORGANIZING, T0 + timedelta(hours=1))
    village = village_with(terms=(future,))

    with pytest.raises(Unauthorized):
        when(issue("T1"), None, village)


def test_an_upper_level_task_needs_the_reference_of_its_deployment() -> None:
    command = attrs.evolve(issue("T1"), source_kind=SourceKind.UPPER, source_reference="  ")

    with pytest.raises(InvalidCommand) as refusal:
        when(command, None)

    assert "invalid" == refusal.value.code
    assert "上级部署" in refusal.value.zh
    assert "reference" in refusal.value.en


def test_an_upper_level_task_with_its_reference_is_issued() -> None:
    reference = "象珠镇党委〔2021〕12号"
    command = attrs.evolve(issue("T1"), source_kind=SourceKind.UPPER, source_reference=reference)

    [event] = when(command, None)

    assert (SourceKind.UPPER, reference) == (event.source_kind, event.source_reference)


@pytest.mark.parametrize("deadline", [T0, T0 - timedelta(minutes=1)])
def test_the_deadline_must_fall_after_the_issue_time(deadline: object) -> None:
    command = attrs.evolve(issue("T1"), deadline=deadline)

    with pytest.raises(InvalidCommand) as refusal:
        when(command, None)

    assert "截止时间" in refusal.value.zh


def test_issuing_the_same_task_again_changes_nothing() -> None:
    state = given(issued("T1"))

    assert [] == when(issue("T1"), state)


def test_issuing_the_same_task_again_later_by_the_secretary_changes_nothing() -> None:
    state = given(issued("T1"))
    again = attrs.evolve(issue("T1"), actor_id=SECRETARY, at=later(2))

    assert [] == when(again, state)


def test_reusing_a_task_id_for_different_content_is_refused_naming_the_id() -> None:
    state = given(issued("T1", points=5))

    with pytest.raises(TaskError) as refusal:
        when(issue("T1", points=8), state)

    assert "task_id_taken" == refusal.value.code  # a TaskError, named precisely
    assert "T1" in refusal.value.zh
    assert "T1" in refusal.value.en


def test_an_audience_named_twice_is_recorded_once_in_a_fixed_order() -> None:
    audiences = (Audience.MEMBERS, Audience.ACTIVISTS, Audience.MEMBERS)

    [event] = when(issue("T1", audiences=audiences), None)

    assert (Audience.ACTIVISTS, Audience.MEMBERS) == event.audiences


def test_issuing_again_with_the_audiences_in_another_order_changes_nothing() -> None:
    first = issue("T1", audiences=(Audience.ACTIVISTS, Audience.VOLUNTEERS))
    state = given(*when(first, None))

    again = issue("T1", audiences=(Audience.VOLUNTEERS, Audience.ACTIVISTS))

    assert [] == when(again, state)


def test_a_task_in_an_unknown_branch_is_refused_naming_the_branch() -> None:
    command = attrs.evolve(issue("T1"), branch_id=BranchId("nowhere"))

    with pytest.raises(UnknownSubject) as refusal:
        when(command, None)

    assert "unknown" == refusal.value.code
    assert "nowhere" in refusal.value.zh


@pytest.mark.parametrize(
    "command",
    [
        ClaimTask(TaskId("T9"), LANZHI, later(1)),
        CancelTask(TaskId("T9"), "不需要了", ORGANIZER, later(1)),
        RevokePoints(TaskId("T9"), LANZHI, "核查", SECRETARY, later(1)),
    ],
)
def test_commands_on_a_task_never_issued_are_refused_naming_the_task(command: object) -> None:
    with pytest.raises(UnknownSubject) as refusal:
        when(command, None)

    assert "T9" in refusal.value.zh


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("points", 0),
        ("points", 101),
        ("slots", 0),
        ("slots", 1001),
        ("title", ""),
        ("audiences", ()),
        ("task_id", "任务一"),
        ("deadline", T0.replace(tzinfo=None)),
    ],
)
def test_a_malformed_issue_is_refused_as_invalid_naming_the_command(
    name: str, value: object
) -> None:
    fields = {**attrs.asdict(issue("T1"), recurse=False), name: value}

    with pytest.raises(InvalidCommand) as refusal:
        build(IssueTask, **fields)

    assert "IssueTask" in str(refusal.value)


def test_the_seed_branch_names_its_issuers() -> None:
    branch = seed_branch()

    assert [ORGANIZER] == branch.holders(Role.ORGANIZING, T0)
    assert [SECRETARY] == branch.holders(Role.SECRETARY, T0)
