"""The attempts log keeps every refused command that reached the application — refused by
a rule or for its shape — and never the personal data it carried."""

from __future__ import annotations

import json

import pytest

from adapters.app import Dangjian
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized
from dangjian_core.people.commands import RecordPersonDetails
from dangjian_core.people.events import Gender
from dangjian_core.tasks.commands import ClaimTask
from tests.support import LANZHI, XINGCAN, later

ID_NUMBER = "11010519491231002X"
PHONE = "13800000000"


def test_a_refused_command_is_kept_without_the_personal_data_it_carried(app: Dangjian) -> None:
    details = RecordPersonDetails(XINGCAN, Gender.FEMALE, 1990, PHONE, ID_NUMBER, LANZHI, later(1))

    with pytest.raises(Unauthorized):
        app.handle(details, command_id="c-details")

    (attempt,) = app.attempts()
    assert ("RecordPersonDetails", "unauthorized", "c-details") == (
        attempt.command_type,
        attempt.code,
        attempt.command_id,
    )
    kept = json.loads(attempt.command)
    assert "***" == kept["id_number"] == kept["contact"] == kept["birth_year"]
    assert ID_NUMBER not in attempt.command
    assert PHONE not in attempt.command


def test_a_command_refused_for_its_shape_is_kept_too(app: Dangjian) -> None:
    before = app.store.max_position()
    with pytest.raises(InvalidCommand, match="task_id"):
        app.build(ClaimTask, command_id="c-bad", task_id="T 1", actor_id=LANZHI, at=later(1))
    with pytest.raises(InvalidCommand):
        app.build(
            RecordPersonDetails,
            command_id="c-bad-details",
            person_id=XINGCAN,
            gender=Gender.FEMALE,
            birth_year=1990,
            contact=PHONE,
            id_number="12345",  # not an ID number: refused, and still not kept
            actor_id=LANZHI,
            at=later(1),
        )

    claim, details = app.attempts()
    assert ("ClaimTask", "invalid", "c-bad", LANZHI, "") == (
        claim.command_type,
        claim.code,
        claim.command_id,
        claim.actor_id,
        claim.stream_id,
    )
    assert "T 1" == json.loads(claim.command)["task_id"]
    assert "12345" not in details.command
    assert PHONE not in details.command
    assert before == app.store.max_position()


def test_a_control_character_in_a_refused_command_is_kept_escaped_on_every_store(
    app: Dangjian,
) -> None:
    # PostgreSQL stores no NUL in text: before, this refusal became a storage error.
    with pytest.raises(InvalidCommand):
        app.build(
            ClaimTask, command_id="c-\x00", task_id="T1", actor_id="吕\x00兰枝", at="\x1b[31m"
        )

    [attempt] = app.attempts()
    assert ("吕\\x00兰枝", "c-\\x00", "\\x1b[31m") == (
        attempt.actor_id,
        attempt.command_id,
        attempt.at,
    )
