"""代录 — an entry typed in for its actor by someone else keeps who typed it in the
envelope (``entered_by``); the trail and the inspector's report show it as such, an
entry by the actor themself is stored exactly as before, and nothing else is accepted."""

from __future__ import annotations

import json

import pytest

from adapters.app import Dangjian
from adapters.app.bulk import HistoryItem
from adapters.audit.verify import verify
from adapters.storage.errors import CorruptEvent
from adapters.storage.mapper import decode
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.points.events import PointsAdjusted
from tests.support import BRANCH, LANZHI, SECRETARY, later


def _adjust(adjustment_id: str) -> AdjustPoints:
    return AdjustPoints(adjustment_id, BRANCH, LANZHI, 2, "村民大会表彰", SECRETARY, later(5))


def _row(app: Dangjian, adjustment_id: str) -> dict[str, object]:
    rows = app.queries.trail(f"person:{LANZHI}")
    return next(row for row in rows if f"adjustment_id={adjustment_id}" in str(row["summary"]))


def test_an_entry_made_for_the_actor_names_who_entered_it(app: Dangjian) -> None:
    outcome = app.handle(_adjust("A1"), entered_by="clerk-li")

    [row] = app.store.read_positions([outcome.events[0].position])
    _, envelope = decode(
        row.topic, row.state, position=row.position, stream_id=row.stream_id, version=row.version
    )
    assert ("clerk-li", SECRETARY) == (envelope.entered_by, envelope.actor_id)
    assert "clerk-li" == _row(app, "A1")["entered_by"]


def test_an_entry_by_the_actor_is_stored_as_before_without_the_key(app: Dangjian) -> None:
    outcome = app.handle(_adjust("A1"), entered_by=SECRETARY)

    [row] = app.store.read_positions([outcome.events[0].position])
    assert "entered" not in json.loads(row.state)
    assert "" == _row(app, "A1")["entered_by"]


def test_the_inspectors_report_counts_proxy_entries_per_operator_and_actor(
    app: Dangjian,
) -> None:
    app.handle(_adjust("A1"), entered_by="clerk-li")
    app.handle(_adjust("A2"), entered_by="clerk-li")
    app.handle(_adjust("A3"))

    report = verify(app.store, [], [])

    proxies = next(line for line in report.sections if line.check == "proxies")
    assert ((f"clerk-li→{SECRETARY}", 2),) == report.proxy
    assert "note" == proxies.status
    assert f"clerk-li→{SECRETARY} × 2" in proxies.zh
    assert report.ok  # shown, not a failure


@pytest.mark.parametrize("who", ["clerk li", "录入员", "x" * 65, "-clerk"])
def test_a_malformed_operator_is_refused_and_nothing_written(app: Dangjian, who: str) -> None:
    before = app.store.max_position()

    with pytest.raises(InvalidCommand, match="entered_by"):
        app.handle(_adjust("A1"), entered_by=who)

    assert before == app.store.max_position()


def test_a_bulk_load_keeps_the_operator_too(app: Dangjian) -> None:
    event = PointsAdjusted("A9", BRANCH, LANZHI, "2021-10", "加减分", 1, "导入")
    app.load([HistoryItem("adjustment-A9", 1, event, SECRETARY, later(1), "clerk-li")])

    assert "clerk-li" == _row(app, "A9")["entered_by"]


def test_a_stored_operator_equal_to_the_actor_is_not_how_it_was_written() -> None:
    body = {
        "v": 1,
        "actor": SECRETARY,
        "at": later(1).isoformat(),
        "command": "c1",
        "recorded": later(1).isoformat(),
        "data": {},
        "entered": SECRETARY,
    }

    with pytest.raises(CorruptEvent):
        decode("BranchFounded", json.dumps(body).encode(), position=1, stream_id="s", version=1)
