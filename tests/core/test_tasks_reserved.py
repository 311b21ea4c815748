"""指定领办 A task reserved for named people: only they may claim it; stored tasks issued
before reservations existed decode as reserved for nobody."""

from __future__ import annotations

import json

import attrs
import pytest

from adapters.storage.mapper import Envelope, decode, encode
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject, build
from dangjian_core.tasks.commands import ClaimTask, IssueTask
from dangjian_core.tasks.events import Audience, TaskClaimed
from dangjian_core.tasks.state import NotEligible
from tests import support
from tests.core.given import given, issued, when
from tests.support import LANZHI, MEMBER, T0, XINGCAN


def reserved_issue(*people: str) -> IssueTask:
    return attrs.evolve(support.issue(audiences=(Audience.ACTIVISTS,)), reserved_for=tuple(people))


def test_a_reserved_task_records_whom_it_is_for() -> None:
    [event] = when(reserved_issue(LANZHI), None)

    assert (LANZHI,) == event.reserved_for


def test_only_the_people_it_is_reserved_for_may_claim_it() -> None:
    [event] = when(reserved_issue(LANZHI), None)
    state = given(event)

    assert [TaskClaimed(event.task_id, LANZHI)] == when(ClaimTask(event.task_id, LANZHI, T0), state)
    with pytest.raises(NotEligible, match="reserved"):
        when(ClaimTask(event.task_id, XINGCAN, T0), state)


def test_reserving_for_an_unknown_person_is_refused() -> None:
    with pytest.raises(UnknownSubject):
        when(reserved_issue("nobody"), None)


def test_a_reservation_naming_someone_twice_is_malformed() -> None:
    fields = attrs.asdict(support.issue(), recurse=False) | {"reserved_for": (MEMBER, MEMBER)}

    with pytest.raises(InvalidCommand):
        build(IssueTask, **fields)


def test_a_task_stored_before_reservations_decodes_reserved_for_nobody() -> None:
    envelope = Envelope(support.ORGANIZER, T0, "c1", T0)
    topic, state = encode(issued(), envelope)
    body = json.loads(state)

    recorded, _ = decode(topic, state, position=1, stream_id="task-T1", version=1)

    assert "reserved_for" not in body["data"]
    assert () == recorded.event.reserved_for
