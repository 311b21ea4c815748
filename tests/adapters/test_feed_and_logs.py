"""事件流与日志 — :func:`adapters.app.to_json` gives other services a recorded event
without personal data unless asked, and the library logs what it records and refuses
through the standard :mod:`logging` (never personal data)."""

from __future__ import annotations

import logging

import pytest

from adapters.app import Dangjian, open_app, to_json
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import TaskId
from dangjian_core.people.commands import RecordPersonDetails
from dangjian_core.people.events import Gender
from dangjian_core.tasks.commands import ClaimTask
from tests import support

ID_NUMBER = "11010519491231002X"


def village() -> Dangjian:
    app = open_app("memory://")
    for command in support.setup_commands():
        app.handle(command)
    return app


def test_to_json_names_the_event_by_its_stored_name_and_hides_personal_data() -> None:
    app = village()
    details = RecordPersonDetails(
        support.LANZHI, Gender.FEMALE, 1990, "13800000000", ID_NUMBER,
        support.SECRETARY, support.T0,
    )  # fmt: skip

    [recorded] = app.handle(details).events

    public, personal = to_json(recorded), to_json(recorded, personal=True)
    assert "PersonDetailsRecorded" == public["type"]
    assert ID_NUMBER not in str(public)
    assert ID_NUMBER == personal["data"]["id_number"]
    assert recorded.position == public["position"]


def test_recorded_and_refused_commands_are_logged_by_type_and_command_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = village()
    app.handle(support.issue("T1", slots=1))
    caplog.set_level(logging.INFO, logger="dangjian")

    app.handle(ClaimTask(TaskId("T1"), support.LANZHI, support.later(1)), command_id="c1")
    with pytest.raises(DomainError):
        app.handle(ClaimTask(TaskId("T1"), support.XINGCAN, support.later(2)))

    lines = [r.getMessage() for r in caplog.records if r.name == "dangjian.app"]
    assert any(line.startswith("ClaimTask recorded at [") and "c1" in line for line in lines)
    assert any(line.startswith("ClaimTask refused (") for line in lines)
