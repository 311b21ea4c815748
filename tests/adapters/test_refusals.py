"""Bad input through the application: a clear, typed refusal, and nothing written."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import attrs
import pytest

from adapters.app import Dangjian
from adapters.storage.errors import DuplicateCommandId
from dangjian_core.kernel.errors import (
    DomainError,
    FutureTime,
    InvalidCommand,
    Unauthorized,
    UnknownSubject,
    build,
)
from dangjian_core.kernel.time import CLOCK_SKEW
from dangjian_core.people.commands import ChangePartyStatus, RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.tasks.state import NotEligible
from dangjian_core.units.commands import AppointRole, EndRole
from dangjian_core.units.roles import Role
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    TOWN,
    VOLUNTEER,
    XINGCAN,
    issue,
    later,
)

AT = later(1)
SINCE = date(2021, 1, 1)


def _refused(app: Dangjian, command: Any, **kwargs: Any) -> DomainError:
    """Handle a command that must be refused; check that nothing was written."""
    before = app.store.max_position()
    with pytest.raises(DomainError) as raised:
        app.handle(command, **kwargs)
    assert before == app.store.max_position()
    return raised.value


@pytest.fixture
def village(app: Dangjian) -> Dangjian:
    """T1 issued; 吕兰枝's completion approved; the volunteer's completion awaits review."""
    app.handle(issue("T1", points=5))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.handle(SubmitCompletion("T1", "打扫村口", (), LANZHI, later(2)))
    app.handle(ApproveCompletion("T1", LANZHI, None, "", REVIEWER, later(3)))
    app.handle(ClaimTask("T1", VOLUNTEER, later(3)))
    app.handle(SubmitCompletion("T1", "清理水沟", (), VOLUNTEER, later(3)))
    return app


UNKNOWN_SUBJECTS = [
    pytest.param(ClaimTask("NOPE", LANZHI, AT), id="claim-unknown-task"),
    pytest.param(WithdrawClaim("NOPE", LANZHI, AT), id="withdraw-unknown-task"),
    pytest.param(SubmitCompletion("NOPE", "完成", (), LANZHI, AT), id="submit-unknown-task"),
    pytest.param(ApproveCompletion("NOPE", LANZHI, None, "", REVIEWER, AT), id="approve-unknown"),
    pytest.param(RejectCompletion("NOPE", LANZHI, "不行", REVIEWER, AT), id="reject-unknown"),
    pytest.param(CancelTask("NOPE", "取消", ORGANIZER, AT), id="cancel-unknown-task"),
    pytest.param(RevokePoints("NOPE", LANZHI, "核查", SECRETARY, AT), id="revoke-unknown-task"),
    pytest.param(attrs.evolve(issue("T9"), branch_id="nowhere"), id="issue-unknown-branch"),
    pytest.param(
        RegisterPerson("p-new", "nowhere", "新人", PartyStatus.VILLAGER, SINCE, TOWN, AT),
        id="register-in-unknown-branch",
    ),
    pytest.param(
        ChangePartyStatus("ghost", PartyStatus.ACTIVIST, SINCE, "培养", SECRETARY, AT),
        id="status-of-unknown-person",
    ),
    pytest.param(AppointRole(BRANCH, "ghost", Role.REVIEWER, SECRETARY, AT), id="appoint-ghost"),
    pytest.param(AppointRole("nowhere", LANZHI, Role.REVIEWER, TOWN, AT), id="appoint-no-branch"),
    pytest.param(EndRole("nowhere", REVIEWER, Role.REVIEWER, "", TOWN, AT), id="end-no-branch"),
    pytest.param(AdjustPoints("A1", BRANCH, "ghost", 3, "加分", SECRETARY, AT), id="adjust-ghost"),
    pytest.param(AdjustPoints("A1", "nowhere", LANZHI, 3, "加分", SECRETARY, AT), id="adjust-nb"),
]


@pytest.mark.parametrize("command", UNKNOWN_SUBJECTS)
def test_a_command_naming_an_unknown_subject_is_refused_as_unknown_and_writes_nothing(
    village: Dangjian, command: Any
) -> None:
    refusal = _refused(village, command)

    assert type(refusal) is UnknownSubject
    assert refusal.zh
    assert refusal.en


def test_a_claim_by_someone_not_on_the_roll_is_refused_as_not_eligible(village: Dangjian) -> None:
    refusal = _refused(village, ClaimTask("T1", "stranger", AT))

    assert (NotEligible, True) == (type(refusal), "stranger" in refusal.en)


UNAUTHORIZED = [
    pytest.param(issue("T9", actor=LANZHI), id="activist-issues-a-task"),
    pytest.param(issue("T9", actor=REVIEWER), id="reviewer-issues-a-task"),
    pytest.param(ApproveCompletion("T1", VOLUNTEER, None, "", MEMBER, AT), id="member-reviews"),
    pytest.param(RejectCompletion("T1", VOLUNTEER, "不行", XINGCAN, AT), id="activist-rejects"),
    pytest.param(CancelTask("T1", "取消", REVIEWER, AT), id="reviewer-cancels"),
    pytest.param(RevokePoints("T1", LANZHI, "核查", ORGANIZER, AT), id="organizer-revokes"),
    pytest.param(AdjustPoints("A1", BRANCH, LANZHI, 3, "加分", ORGANIZER, AT), id="non-secretary"),
    pytest.param(
        RegisterPerson("p-new", BRANCH, "新人", PartyStatus.VILLAGER, SINCE, LANZHI, AT),
        id="activist-registers",
    ),
    pytest.param(
        ChangePartyStatus(LANZHI, PartyStatus.CANDIDATE, SINCE, "发展", REVIEWER, AT),
        id="reviewer-changes-status",
    ),
    pytest.param(
        AppointRole(BRANCH, LANZHI, Role.REVIEWER, ORGANIZER, AT), id="organizer-appoints"
    ),
    pytest.param(AppointRole(BRANCH, LANZHI, Role.SECRETARY, SECRETARY, AT), id="secretary-heir"),
    pytest.param(AppointRole(BRANCH, SECRETARY, Role.REVIEWER, SECRETARY, AT), id="self-appoint"),
    pytest.param(EndRole(BRANCH, REVIEWER, Role.REVIEWER, "换届", MEMBER, AT), id="member-ends"),
]


@pytest.mark.parametrize("command", UNAUTHORIZED)
def test_a_command_without_the_authority_for_it_is_refused_as_unauthorized_and_writes_nothing(
    village: Dangjian, command: Any
) -> None:
    refusal = _refused(village, command)

    assert type(refusal) is Unauthorized
    assert command.actor_id in refusal.en


def _issue_fields(**changes: Any) -> dict[str, Any]:
    return {**attrs.asdict(issue("T9"), recurse=False), **changes}


SHAPE_ERRORS = [
    pytest.param(IssueTask, _issue_fields(points=0), id="zero-points"),
    pytest.param(IssueTask, _issue_fields(points=101), id="too-many-points"),
    pytest.param(IssueTask, _issue_fields(points=-5), id="negative-points"),
    pytest.param(IssueTask, _issue_fields(slots=0), id="zero-slots"),
    pytest.param(IssueTask, _issue_fields(slots=1001), id="too-many-slots"),
    pytest.param(IssueTask, _issue_fields(points="5"), id="points-as-text"),
    pytest.param(IssueTask, _issue_fields(points=5.0), id="points-as-float"),
    pytest.param(IssueTask, _issue_fields(title=""), id="empty-title"),
    pytest.param(IssueTask, _issue_fields(title="长" * 101), id="title-too-long"),
    pytest.param(IssueTask, _issue_fields(task_id="有 空格"), id="malformed-id"),
    pytest.param(IssueTask, _issue_fields(task_id=7), id="id-as-int"),
    pytest.param(IssueTask, _issue_fields(audiences=()), id="no-audience"),
    pytest.param(IssueTask, _issue_fields(audiences=("activists",)), id="audience-as-text"),
    pytest.param(IssueTask, _issue_fields(source_kind="village"), id="source-as-text"),
    pytest.param(IssueTask, _issue_fields(deadline=datetime(2021, 10, 15)), id="naive-deadline"),
    pytest.param(IssueTask, _issue_fields(at="2021-10-08T09:00:00+08:00"), id="time-as-text"),
    pytest.param(ClaimTask, {"task_id": "T1", "actor_id": LANZHI}, id="missing-field"),
    pytest.param(ClaimTask, {"task_id": "T1", "actor_id": None, "at": AT}, id="actor-none"),
    pytest.param(SubmitCompletion, {"task_id": "T1", "note": "好", "photos": ["a.jpg"],
                                    "actor_id": LANZHI, "at": AT}, id="photos-as-list"),
    pytest.param(AdjustPoints, {"adjustment_id": "A1", "branch_id": BRANCH, "person_id": LANZHI,
                                "delta": 0, "reason": "零", "actor_id": SECRETARY, "at": AT},
                 id="zero-adjustment"),
    pytest.param(AdjustPoints, {"adjustment_id": "A1", "branch_id": BRANCH, "person_id": LANZHI,
                                "delta": True, "reason": "真", "actor_id": SECRETARY, "at": AT},
                 id="adjustment-as-bool"),
]  # fmt: skip


@pytest.mark.parametrize(("command_type", "fields"), SHAPE_ERRORS)
def test_a_malformed_command_is_refused_as_invalid_before_it_reaches_the_store(
    app: Dangjian, command_type: type[Any], fields: dict[str, Any]
) -> None:
    before = app.store.max_position()

    with pytest.raises(InvalidCommand) as raised:
        build(command_type, **fields)

    assert command_type.__name__ in raised.value.en
    assert before == app.store.max_position()


INVALID_DECISIONS = [
    pytest.param(attrs.evolve(issue("T9"), deadline=later(-1)), id="deadline-before-issue"),
    pytest.param(
        attrs.evolve(issue("T9"), source_kind=SourceKind.UPPER, source_reference=" "),
        id="upper-task-without-reference",
    ),
    pytest.param(ApproveCompletion("T1", VOLUNTEER, 9, "", SECRETARY, AT), id="award-above-points"),
    pytest.param(
        RegisterPerson("p-new", BRANCH, "新人", PartyStatus.VILLAGER, date(2030, 1, 1), TOWN, AT),
        id="status-since-in-the-future",
    ),
]


@pytest.mark.parametrize("command", INVALID_DECISIONS)
def test_a_well_formed_but_impossible_command_is_refused_as_invalid_and_writes_nothing(
    village: Dangjian, command: Any
) -> None:
    assert type(_refused(village, command)) is InvalidCommand


def test_a_reduced_award_without_a_reason_is_refused_as_invalid_and_writes_nothing(
    app: Dangjian,
) -> None:
    app.handle(issue("T1", points=5))
    app.handle(ClaimTask("T1", XINGCAN, later(1)))
    app.handle(SubmitCompletion("T1", "完成", (), XINGCAN, later(2)))

    refusal = _refused(app, ApproveCompletion("T1", XINGCAN, 3, " ", REVIEWER, later(3)))

    assert type(refusal) is InvalidCommand


def test_text_that_cannot_be_stored_is_refused_as_invalid_and_writes_nothing(
    app: Dangjian,
) -> None:
    # a lone surrogate passes the command's length check but has no UTF-8 encoding
    command = attrs.evolve(issue("T9"), title="环境\ud800整治")

    assert type(_refused(app, command)) is InvalidCommand


def test_a_command_id_reused_for_a_different_command_is_refused_and_writes_nothing(
    village: Dangjian,
) -> None:
    # given a command handled under an id
    village.handle(ClaimTask("T1", XINGCAN, later(4)), command_id="wx-msg-1")

    # when another command comes with the same id
    refusal = _refused(village, WithdrawClaim("T1", XINGCAN, later(5)), command_id="wx-msg-1")

    # then it is refused, and the original is still answered from the record
    again = village.handle(ClaimTask("T1", XINGCAN, later(4)), command_id="wx-msg-1")
    assert (DuplicateCommandId, True) == (type(refusal), again.replayed)
    assert "wx-msg-1" in refusal.en


def test_a_command_id_reused_for_another_stream_is_refused_too(village: Dangjian) -> None:
    village.handle(ClaimTask("T1", XINGCAN, later(4)), command_id="wx-msg-2")
    village.handle(issue("T2"))

    refusal = _refused(village, ClaimTask("T2", XINGCAN, later(4)), command_id="wx-msg-2")

    assert type(refusal) is DuplicateCommandId


def test_a_command_id_of_a_refused_command_can_be_used_again(village: Dangjian) -> None:
    # given a refused command: nothing was recorded under its id
    _refused(village, ClaimTask("NOPE", XINGCAN, AT), command_id="wx-msg-3")

    # when a valid command uses the id, then it is applied
    outcome = village.handle(ClaimTask("T1", XINGCAN, later(4)), command_id="wx-msg-3")

    assert (False, 1) == (outcome.replayed, len(outcome.events))


def test_a_repeated_command_that_changes_nothing_is_answered_with_no_events(
    village: Dangjian,
) -> None:
    village.handle(ClaimTask("T1", XINGCAN, later(4)))
    before = village.store.max_position()

    outcome = village.handle(ClaimTask("T1", XINGCAN, later(5)))

    assert ((), before) == (outcome.events, village.store.max_position())


def test_every_refusal_has_a_chinese_and_an_english_message_and_a_code(village: Dangjian) -> None:
    refusals = [
        _refused(village, ClaimTask("NOPE", LANZHI, AT)),
        _refused(village, issue("T9", actor=LANZHI)),
        _refused(village, attrs.evolve(issue("T9"), deadline=later(-1))),
    ]

    assert ["unknown", "unauthorized", "invalid"] == [r.code for r in refusals]
    assert all(r.zh != r.en and f"{r.zh} / {r.en}" == str(r) for r in refusals)


def test_a_claim_outside_the_audience_is_refused_and_writes_nothing(village: Dangjian) -> None:
    village.handle(issue("T5", audiences=(Audience.MEMBERS,)))

    assert type(_refused(village, ClaimTask("T5", VOLUNTEER, AT))) is NotEligible


def test_a_command_dated_ahead_of_the_servers_clock_is_a_future_time(app: Dangjian) -> None:
    ahead = datetime.now(UTC) + CLOCK_SKEW + timedelta(minutes=1)
    refused = _refused(app, ClaimTask("T1", LANZHI, ahead))

    assert isinstance(refused, FutureTime)
    assert "future_time" == app.attempts()[-1].code


def test_a_time_far_in_the_future_is_refused_and_every_read_still_works(village: Dangjian) -> None:
    far = datetime(2999, 12, 31, 8, 0, tzinfo=UTC)
    _refused(village, AdjustPoints("A9", BRANCH, LANZHI, 50, "加分", SECRETARY, far))

    assert village.queries.task("T1") is not None
    assert village.queries.trail(f"person:{LANZHI}")
