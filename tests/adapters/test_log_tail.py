"""The log's tail behind lagging views is projected once per store: a read model asked
again reads only the events appended since, and the answer is always the one the
caught-up views give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.app import Dangjian
from adapters.storage.folding import ViewRows
from adapters.storage.store import EventStore, StoredRow
from dangjian_core.people.projections import PEOPLE
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.projections import CLAIMS, TASKS
from tests.adapters.stores import backend_url, village_app
from tests.support import BRANCH, LANZHI, VOLUNTEER, XINGCAN, issue, later


@pytest.fixture(params=["memory", "sqlite"])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Dangjian]:
    with backend_url(request.param, tmp_path) as url:
        application = village_app(url)
        application.catch_up()
        yield application
        application.close()


def _spy_reads(store: EventStore) -> list[int]:
    """Record the position after which each read of the log starts."""
    starts: list[int] = []
    read_log = store.read_log

    def spied(after: int, limit: int) -> list[StoredRow]:
        starts.append(after)
        return read_log(after, limit)

    store.read_log = spied  # type: ignore[method-assign]
    return starts


def _sorted(rows: list[Any]) -> list[dict[str, Any]]:
    """Rows in one order, whatever order their columns came in."""
    return sorted((dict(row) for row in rows), key=lambda row: repr(sorted(row.items())))


def _caught_up(app: Dangjian, table: Any, where: dict[str, Any]) -> list[dict[str, Any]]:
    app.catch_up()
    with app.store.views() as views:
        return _sorted(views.select(table.name, where))


def test_a_second_question_reads_only_the_events_appended_since(app: Dangjian) -> None:
    # given views that lag behind the log by a task and two claims
    app.handle(issue("T-tail", slots=3))
    app.handle(ClaimTask("T-tail", LANZHI, later(1)))
    app.handle(ClaimTask("T-tail", XINGCAN, later(2)))
    end = app.store.max_position()
    starts = _spy_reads(app.store)

    # when the claims are asked for twice, and once more after another claim
    first = ViewRows(app.store).rows(CLAIMS, {"task_id": "T-tail"})
    after_first = len(starts)
    second = ViewRows(app.store).rows(CLAIMS, {"task_id": "T-tail"})
    reads_before = len(starts)
    app.handle(ClaimTask("T-tail", VOLUNTEER, later(3)))
    third = ViewRows(app.store).rows(CLAIMS, {"task_id": "T-tail"})

    # then the second question read the log only after its end, the third only the new claim
    assert sorted(str(c["person_id"]) for c in first) == sorted([LANZHI, XINGCAN])
    assert first == second
    assert min(starts[:after_first]) < end
    assert [end] == starts[after_first:reads_before]
    assert [end, end + 1] == starts[reads_before:]
    assert sorted(str(c["person_id"]) for c in third) == sorted([LANZHI, XINGCAN, VOLUNTEER])
    # and every answer is the caught-up views' answer
    assert _sorted(third) == _caught_up(app, CLAIMS, {"task_id": "T-tail"})


def test_once_the_views_move_the_tail_starts_again_from_them(app: Dangjian) -> None:
    # given a tail asked about, then the views caught up and more events appended
    app.handle(issue("T-move", slots=2))
    assert ViewRows(app.store).rows(TASKS, {"task_id": "T-move"})[0]["taken"] == 0
    app.handle(ClaimTask("T-move", LANZHI, later(1)))
    app.catch_up()
    app.handle(ClaimTask("T-move", XINGCAN, later(2)))

    # when the task is asked about again
    rows = ViewRows(app.store).rows(TASKS, {"task_id": "T-move"})

    # then the claim before the catch-up is not counted twice
    assert rows[0]["taken"] == 2
    assert _sorted(rows) == _caught_up(app, TASKS, {"task_id": "T-move"})


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(st.sampled_from(["claim", "catch_up", "ask"]), max_size=12))
def test_the_tail_answers_as_the_caught_up_views_do(app: Dangjian, steps: list[str]) -> None:
    # given a village whose views lag or not, claims (a repeated one changes nothing)
    # and questions in any order
    task = f"T-{app.store.max_position()}"
    app.handle(issue(task, slots=30))
    claimants = [LANZHI, XINGCAN, VOLUNTEER]
    for n, step in enumerate(steps):
        if step == "claim":
            app.handle(ClaimTask(task, claimants[n % 3], later(n + 1)))
        elif step == "catch_up":
            app.catch_up()
        else:
            ViewRows(app.store).rows(CLAIMS, {"task_id": task})

    # when the rows are read through the tail
    claims = ViewRows(app.store).rows(CLAIMS, {"task_id": task})
    tasks = ViewRows(app.store).rows(TASKS, {"task_id": task})
    people_rows = ViewRows(app.store).rows(PEOPLE, {"branch_id": BRANCH})

    # then they are what the caught-up views hold
    assert _sorted(claims) == _caught_up(app, CLAIMS, {"task_id": task})
    assert _sorted(tasks) == _caught_up(app, TASKS, {"task_id": task})
    assert _sorted(people_rows) == _caught_up(app, PEOPLE, {"branch_id": BRANCH})
