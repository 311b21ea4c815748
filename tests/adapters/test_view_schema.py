"""Read models whose declaration changed are rebuilt from the log, not left in an old shape."""

from __future__ import annotations

import attrs
import pytest

from adapters.app import open_app
from adapters.app.replay import replay_check
from adapters.storage import sql_views
from adapters.storage.sql_ledger import SqlLedger
from adapters.storage.urls import open_store
from dangjian_core.tasks.commands import ClaimTask
from tests.adapters.stores import village_app
from tests.support import LANZHI, issue, later


def test_views_made_by_an_older_declaration_are_rebuilt_on_open(store_url: str) -> None:
    # given a store whose views were declared differently (an older release)
    app = village_app(store_url)
    app.handle(issue("T1", slots=2))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.catch_up()
    if store_url == "memory://":
        app.close()
        return  # memory stores do not outlive their process
    with app.store.views(write=True) as views:
        cursor = views._cursor  # type: ignore[attr-defined]
        mark = "%s" if store_url.startswith("postgresql") else "?"
        prefix = getattr(app.store, "prefix", "")
        SqlLedger(cursor, mark, prefix).set_meta("views_schema", "an older declaration")
        cursor.execute(f"UPDATE {prefix}view_tasks SET taken = 99")
    app.close()

    # when the store is opened again
    reopened = open_app(store_url)

    # then the views are rebuilt from the log and match it
    assert 1 == reopened.queries.task("T1").task["taken"]
    assert replay_check(reopened.store).ok
    reopened.close()


def test_opening_an_unchanged_store_keeps_its_views(sqlite_url: str) -> None:
    app = village_app(sqlite_url)
    app.catch_up()
    with app.store.views() as views:
        position = views.position()
    app.close()

    store = open_store(sqlite_url)
    with store.views() as views:
        assert position == views.position()
    store.close()


def test_raising_a_projections_version_rebuilds_its_views_on_open(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a store whose task view was written wrongly by an older projection
    app = village_app(store_url)
    app.handle(issue("T1", slots=2))
    app.handle(ClaimTask("T1", LANZHI, later(1)))
    app.catch_up()
    if store_url == "memory://":
        app.close()
        return  # memory stores do not outlive their process
    with app.store.views(write=True) as views:
        prefix = getattr(app.store, "prefix", "")
        views._cursor.execute(f"UPDATE {prefix}view_tasks SET taken = 99")  # type: ignore[attr-defined]
    app.close()

    # when the tasks projection's version is raised (its tables unchanged) and the store
    # is opened again
    raised = tuple(
        attrs.evolve(p, version=p.version + 1) if p.name == "tasks" else p
        for p in sql_views.PROJECTIONS
    )
    monkeypatch.setattr(sql_views, "PROJECTIONS", raised)
    reopened = open_app(store_url)
    reopened.catch_up()

    # then the views are rebuilt from the log
    with reopened.store.views() as views:
        assert [1] == [row["taken"] for row in views.select("tasks", {"task_id": "T1"})]
    assert replay_check(reopened.store).ok
    reopened.close()
