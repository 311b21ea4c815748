"""The mapper: every event type round-trips under its stable name; bad bytes raise CorruptEvent."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.storage.errors import CorruptEvent
from adapters.storage.mapper import Envelope, decode, decode_recorded, encode
from dangjian_core.catalog import EVENT_NAMES, EVENT_TYPES
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import TaskClaimed, TaskIssued
from tests.adapters.strategies import EVENT_STRATEGIES, envelopes, events
from tests.support import T0, issue

#: The stored names as written in every store so far. Renaming one orphans old data,
#: so this list only ever grows.
STABLE_NAMES = [
    "AccountClosed",
    "AccountInvited",
    "ActivistScored",
    "ApiTokenIssued",
    "ApiTokenRevoked",
    "AssessmentConcluded",
    "AssessmentRuleAdopted",
    "BlockLaidOut",
    "BlockPostAssigned",
    "BranchFounded",
    "CampaignFrontOpened",
    "CampaignLaunched",
    "CampaignProblemCompleted",
    "CampaignProblemListed",
    "CampaignProblemStarted",
    "CampaignWorkLinked",
    "ClaimWaitlisted",
    "ClaimWithdrawn",
    "CommitmentAssessed",
    "CommitmentCriterionSet",
    "CommitmentPosted",
    "CommitmentSubmitted",
    "CompletionApproved",
    "CompletionRejected",
    "CompletionSubmitted",
    "ContestInspectionRecorded",
    "ContestJudgeAppointed",
    "ContestOpened",
    "ContestReportFiled",
    "ContestResultsPublished",
    "ContestReviewRecorded",
    "ContestRoundClosed",
    "ContestRoundOpened",
    "ContestSchemeAdopted",
    "ContestScoreCorrected",
    "ContestScoreSubmitted",
    "ContestantEntered",
    "CycleClosed",
    "DeductionApplied",
    "DrawEntered",
    "DrawWindowClosed",
    "DutyAssigned",
    "DutyEnded",
    "DutyHandedOver",
    "EnterpriseDelisted",
    "EnterpriseListed",
    "HolidaysDeclared",
    "HouseholdAdded",
    "HouseholdLinked",
    "HouseholdPaired",
    "ImplementationRecorded",
    "InvitationAccepted",
    "LateEntryPolicySet",
    "LinkExemptionRecorded",
    "ListConfirmed",
    "ListProposed",
    "MatterNoticePublished",
    "MatterObjectionAnswered",
    "MatterObjectionFiled",
    "MatterOpened",
    "MeetingHeld",
    "MembersCommended",
    "MembershipTransferred",
    "MilestoneProgressReported",
    "MilestoneSet",
    "NoticePosted",
    "ObjectionDismissed",
    "ObjectionFiled",
    "ObjectionUpheld",
    "PartyOrganizationFounded",
    "PartyStatusChanged",
    "PatrolLogged",
    "PersonDetailsRecorded",
    "PersonRegistered",
    "PersonRenamed",
    "PledgeApproved",
    "PledgeChanged",
    "PledgeDrafted",
    "PledgeFeedbackHidden",
    "PledgeFeedbackLeft",
    "PledgeFeedbackShown",
    "PledgeProgressReported",
    "PledgeReturned",
    "PledgeRevised",
    "PledgeWithdrawn",
    "PointsAdjusted",
    "PointsRevoked",
    "ProbationExtended",
    "ProblemReported",
    "ProblemRouted",
    "ProcedureAdopted",
    "QuotaSet",
    "RatingCriterionComputed",
    "RatingFixed",
    "RatingLowered",
    "RatingProposed",
    "RatingRemoved",
    "RegionMemberAdded",
    "RegionMemberRemoved",
    "RoleAssigned",
    "RoleEnded",
    "RollSet",
    "SchemeAdopted",
    "SlotsDrawn",
    "SnapshotPublished",
    "StarStandardSet",
    "SuggestionsGathered",
    "TaskCancelled",
    "TaskClaimed",
    "TaskConcluded",
    "TaskForceFormed",
    "TaskForceMemberJoined",
    "TaskForceMemberLeft",
    "TaskIssued",
    "TasksLinked",
    "TrainingFlagged",
    "UnitDissolved",
    "UnitFounded",
    "UnitMerged",
    "UnitMoved",
    "UnitRenamed",
    "VetoRecorded",
    "VisitLogged",
    "WaitlistLeft",
    "WaitlistPromoted",
    "WorkItemCancelled",
    "WorkItemIssued",
    "WorkProgressReported",
    "WorkShareAccepted",
    "WorkShareAssigned",
    "WorkShareRevised",
    "WorkdaysDeclared",
]
ENVELOPE = Envelope("lv-zw", T0, "cmd-1", T0)
WHERE = {"position": 42, "stream_id": "task-T1", "version": 3}


def _issued() -> TaskIssued:
    command = issue("T1")
    return TaskIssued(
        command.task_id,
        command.branch_id,
        command.title,
        command.category,
        command.points,
        command.slots,
        command.deadline,
        command.audiences,
        command.source_kind,
        command.source_reference,
    )


def _body(event: Any = None) -> dict[str, Any]:
    _topic, state = encode(event or _issued(), ENVELOPE)
    body: dict[str, Any] = json.loads(state)
    return body


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_event_type_round_trips_through_encode_and_decode(name: str, data: Any) -> None:
    # given any event of this type, in any envelope
    event = data.draw(EVENT_STRATEGIES[name], label="event")
    envelope = data.draw(envelopes, label="envelope")

    # when it is encoded and decoded
    topic, state = encode(event, envelope)
    recorded, decoded_envelope = decode(topic, state, **WHERE)

    # then the same event and envelope come back, under the stable name, with the same types
    # (a StrEnum member equals its plain-string value, so equality alone would not notice)
    assert _typed(event) == _typed(recorded.event)
    assert (name, event, envelope) == (topic, recorded.event, decoded_envelope)
    assert (42, "task-T1", 3) == (recorded.position, recorded.stream_id, recorded.version)
    assert (envelope.actor_id, envelope.at) == (recorded.actor_id, recorded.at)


def _typed(value: Any) -> Any:
    """The value with the exact type of every part, for comparing more strictly than ``==``."""
    if attrs.has(type(value)):
        return (
            type(value),
            {f.name: _typed(getattr(value, f.name)) for f in attrs.fields(type(value))},
        )
    if isinstance(value, tuple):
        return (tuple, tuple(_typed(item) for item in value))
    return (type(value), value)


@settings(max_examples=200, deadline=None)
@given(event=events, envelope=envelopes)
def test_encoding_is_canonical_so_re_encoding_a_decoded_event_gives_the_same_bytes(
    event: Any, envelope: Envelope
) -> None:
    topic, state = encode(event, envelope)
    recorded, decoded_envelope = decode(topic, state, **WHERE)

    assert (topic, state) == encode(recorded.event, decoded_envelope)


def test_the_stored_names_are_the_stable_class_names() -> None:
    assert STABLE_NAMES == sorted(EVENT_TYPES)
    assert {name: name for name in EVENT_TYPES} == {n: t.__name__ for n, t in EVENT_TYPES.items()}
    assert {t: n for n, t in EVENT_TYPES.items()} == dict(EVENT_NAMES)


def test_a_stored_name_is_not_a_module_path() -> None:
    topic, _state = encode(TaskClaimed("T1", "lv-lanzhi"), ENVELOPE)

    assert "TaskClaimed" == topic


def test_the_envelope_stores_actor_times_command_and_schema_version() -> None:
    body = _body(TaskClaimed("T1", "lv-lanzhi"))

    expected = {
        "v": 1,
        "actor": "lv-zw",
        "at": T0.isoformat(),
        "command": "cmd-1",
        "recorded": T0.isoformat(),
        "data": {"task_id": "T1", "claimant_id": "lv-lanzhi"},
    }
    assert expected == body


def test_chinese_text_is_stored_as_readable_utf8_not_escapes() -> None:
    _topic, state = encode(_issued(), ENVELOPE)

    assert "环境卫生整治".encode() in state


# --- corrupt data ---------------------------------------------------------------------


def _full(topic: str, state: bytes) -> Recorded[Any]:
    return decode(topic, state, **WHERE)[0]


def _fast(topic: str, state: bytes) -> Recorded[Any]:
    return decode_recorded(topic, state, **WHERE)


#: Both ways the adapter reads events: with the envelope (the feed, answers to repeated
#: commands) and without it (folds, projections, replay).
Decoder = Callable[[str, bytes], Recorded[Any]]
DECODERS = [pytest.param(_full, id="decode"), pytest.param(_fast, id="decode_recorded")]


def _corrupt(topic: str, state: bytes, decoder: Decoder = _full) -> CorruptEvent:
    with pytest.raises(CorruptEvent) as raised:
        decoder(topic, state)
    return raised.value


def _assert_names_position(error: CorruptEvent) -> None:
    assert "position 42 (task-T1 v3)" in error.en
    assert "42" in error.zh


def test_an_unknown_stored_name_raises_corrupt_event_naming_the_position() -> None:
    _topic, state = encode(_issued(), ENVELOPE)

    _assert_names_position(_corrupt("TaskExploded", state))


def test_a_module_path_as_stored_name_is_unknown() -> None:
    _topic, state = encode(_issued(), ENVELOPE)

    _assert_names_position(_corrupt("dangjian_core.tasks.events:TaskIssued", state))


@pytest.mark.parametrize(
    "state",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"{", id="truncated"),
        pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
        pytest.param(b"null", id="null"),
        pytest.param(b"[1, 2]", id="array"),
        pytest.param(b'"text"', id="string"),
        pytest.param(b"{}", id="empty-object"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested-too-deep"),
        pytest.param(b'{"data": {}, "actor": "a"}', id="missing-envelope-fields"),
        pytest.param(b'{"actor": "a", "at": "2021-10-08T09:00:00+08:00"}', id="missing-data"),
    ],
)
@pytest.mark.parametrize("decoder", DECODERS)
def test_malformed_json_raises_corrupt_event_naming_the_position(
    state: bytes, decoder: Decoder
) -> None:
    _assert_names_position(_corrupt("TaskIssued", state, decoder))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("data", "points"), "5", id="int-as-string"),
        pytest.param(("data", "points"), 5.5, id="int-as-float"),
        pytest.param(("data", "points"), True, id="int-as-bool"),
        pytest.param(("data", "points"), None, id="int-as-null"),
        pytest.param(("data", "points"), [5], id="int-as-list"),
        pytest.param(("data", "title"), 7, id="str-as-int"),
        pytest.param(("data", "title"), None, id="str-as-null"),
        pytest.param(("data", "title"), ["环境"], id="str-as-list"),
        pytest.param(("data", "task_id"), 1, id="id-as-int"),
        pytest.param(("data", "deadline"), 1633654800, id="datetime-as-number"),
        pytest.param(("data", "deadline"), "next tuesday", id="datetime-unparseable"),
        pytest.param(("data", "deadline"), "2021-10-15T09:00:00", id="datetime-naive"),
        pytest.param(("data", "audiences"), "activists", id="tuple-as-string"),
        pytest.param(("data", "audiences"), ["pirates"], id="enum-unknown-member"),
        pytest.param(("data", "source_kind"), 1, id="enum-as-int"),
        pytest.param(("data",), [], id="data-as-list"),
        pytest.param(("actor",), 5, id="actor-as-int"),
        pytest.param(("at",), "yesterday", id="at-unparseable"),
        pytest.param(("at",), "2021-10-08", id="at-a-date"),
    ],
)
@pytest.mark.parametrize("decoder", DECODERS)
def test_a_field_of_the_wrong_type_raises_corrupt_event_naming_the_position(
    path: tuple[str, ...], value: Any, decoder: Decoder
) -> None:
    _assert_names_position(_corrupt("TaskIssued", _tampered(path, value), decoder))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("command",), None, id="command-as-null"),
        pytest.param(("recorded",), 0, id="recorded-as-number"),
        pytest.param(("recorded",), "2021-10-08T09:00:00", id="recorded-naive"),
    ],
)
def test_a_damaged_envelope_field_raises_corrupt_event_when_the_envelope_is_read(
    path: tuple[str, ...], value: Any
) -> None:
    _assert_names_position(_corrupt("TaskIssued", _tampered(path, value)))


def dumps(value: Any) -> bytes:
    """JSON as a tamperer would write it: anything json can encode, floats included."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _tampered(path: tuple[str, ...], value: Any) -> bytes:
    body = _body()
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return dumps(body)


def test_a_missing_event_field_raises_corrupt_event_naming_the_position() -> None:
    body = _body()
    del body["data"]["slots"]

    _assert_names_position(_corrupt("TaskIssued", dumps(body)))


def test_an_event_decoded_under_another_types_name_raises_corrupt_event() -> None:
    _topic, state = encode(_issued(), ENVELOPE)

    _assert_names_position(_corrupt("CompletionApproved", state))


@settings(max_examples=500, deadline=None)
@given(topic=st.sampled_from([*EVENT_TYPES, "Nope", ""]), state=st.binary(max_size=200))
def test_random_bytes_only_ever_raise_corrupt_event(topic: str, state: bytes) -> None:
    for decoder in (_full, _fast):
        try:
            decoder(topic, state)
        except CorruptEvent as error:
            _assert_names_position(error)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(event=events, data=st.data())
def test_decoding_a_tampered_field_either_refuses_or_keeps_the_value_exactly(
    event: Any, data: Any
) -> None:
    # given a stored event with one field replaced by an arbitrary JSON value
    body = _body(event)
    fields = sorted(body["data"]) or ["data"]
    field = data.draw(st.sampled_from(fields), label="field")
    body["data"][field] = data.draw(json_values, label="value")
    state = dumps(body)

    # when it is decoded, then it is refused as corrupt, or nothing was silently coerced
    topic = EVENT_NAMES[type(event)]
    try:
        recorded, envelope = decode(topic, state, **WHERE)
    except CorruptEvent as error:
        _assert_names_position(error)
        _assert_names_position(_corrupt(topic, state, _fast))
    else:
        assert state == encode(recorded.event, envelope)[1]
        assert recorded == _fast(topic, state)


def test_decoded_times_keep_their_utc_offset() -> None:
    recorded, envelope = decode(*encode(_issued(), ENVELOPE), **WHERE)

    assert T0.utcoffset() == recorded.event.deadline.utcoffset()
    assert isinstance(envelope.recorded_at, datetime)


def test_a_task_issued_stored_before_grid_blocks_decodes_with_no_block() -> None:
    # given a TaskIssued stored in the shape it had before tasks could target a grid block
    old = {
        "v": 1,
        "actor": "lv-zw",
        "at": T0.isoformat(),
        "command": "cmd-1",
        "recorded": T0.isoformat(),
        "data": {
            "task_id": "T1",
            "branch_id": "paixilv",
            "title": "环境卫生整治任务",
            "category": "环境卫生整治",
            "points": 5,
            "slots": 3,
            "deadline": T0.isoformat(),
            "audiences": ["members"],
            "source_kind": "village",
            "source_reference": "",
        },
    }
    state = json.dumps(old, ensure_ascii=False).encode()

    # when it is read, then it has no block, and re-encoding writes the same shape
    recorded, envelope = decode("TaskIssued", state, **WHERE)
    assert recorded.event.grid_block is None
    assert old == json.loads(encode(recorded.event, envelope)[1])


def test_a_grid_task_stores_its_block() -> None:
    event = attrs.evolve(_issued(), grid_block="qwj-x1")

    assert "qwj-x1" == _body(event)["data"]["grid_block"]
    assert event == decode(*encode(event, ENVELOPE), **WHERE)[0].event


@pytest.mark.parametrize(("field", "stored"), [("grid_block", None), ("reserved_for", [])])
def test_a_later_field_stored_at_its_default_is_refused_as_not_how_it_was_written(
    field: str, stored: Any
) -> None:
    # given a task stored before the field existed, then given the field at its default
    body = _body()
    assert field not in body["data"]
    body["data"][field] = stored
    state = json.dumps(body, ensure_ascii=False).encode()

    # then reading it is refused (re-encoding would leave the field out: other bytes)
    for decoder in (_full, _fast):
        with pytest.raises(CorruptEvent) as refusal:
            decoder("TaskIssued", state)
        _assert_names_position(refusal.value)
