"""职责与红色全覆盖 through the application, on every store: a road chief's patrols with a
gap flagged as of a day (a later patrol not counted), a problem turned into a task by the
follow-up, the coverage ratio by date, and views that replay to the same rows."""

from __future__ import annotations

from datetime import date, timedelta

from adapters.app import open_app
from adapters.app.replay import replay_check
from adapters.boards.duties import duties_board
from adapters.boards.html import render_html
from adapters.views.coverage import CoverageQueries
from adapters.views.duties import DutyQueries
from tests.core.coverage_given import JULY_9, founding, listing
from tests.core.duties_given import APRIL, ROAD, patrol, problem, road, task_follow
from tests.core.org import TOWN, setup


def test_a_road_chiefs_gap_is_flagged_as_of_a_day_and_a_problem_becomes_a_task(
    store_url: str,
) -> None:
    with open_app(store_url) as app:
        for command in setup():
            app.handle(command)
        # Given 西周路 from 1 April, patrols on 3 April and 12 April
        app.handle(road())
        app.handle(patrol(APRIL + timedelta(days=2)))
        # When a problem is turned into a task at once (on 5 April)
        outcome = app.handle(problem(follow=task_follow()))
        app.handle(patrol(APRIL + timedelta(days=11)))

        # Then the task is issued by the follow-up
        assert [True] == [f.ok and f.changed for f in outcome.follow_ups]
        # And on 10 April the gap from 6 April is open, the 12 April patrol not counted
        [duty] = DutyQueries(app.store).duties(TOWN, date(2018, 4, 10))
        assert 1 == duty.record.patrols
        assert [(date(2018, 4, 6), date(2018, 4, 10), True)] == [
            (g.first, g.last, g.open) for g in duty.record.gaps
        ]
        found, patrols = DutyQueries(app.store).duty(ROAD, date(2018, 4, 30))
        assert (2, 1) == (len(patrols), found.problems)
        assert replay_check(app.store).ok


def test_the_coverage_ratio_moves_on_the_day_of_the_founding(store_url: str) -> None:
    with open_app(store_url) as app:
        for command in setup():
            app.handle(command)
        app.handle(listing())
        app.handle(listing("wujin", "永康五金"))
        app.handle(founding())

        before, on = CoverageQueries(app.store).over_time(TOWN, [JULY_9, JULY_9 - timedelta(1)])

        assert (2, 0, 2, 1) == (before.listed, before.covered, on.listed, on.covered)
        assert 50.0 == on.percent


def test_the_duties_board_shows_names_gaps_and_coverage_never_ids() -> None:
    with open_app("memory://") as app:
        for command in setup():
            app.handle(command)
        app.handle(road())
        app.handle(patrol(APRIL + timedelta(days=2)))
        app.handle(listing())
        on = date(2018, 4, 10)
        queries = DutyQueries(app.store)
        found = queries.duties(TOWN, on)
        coverage = CoverageQueries(app.store).over_time(TOWN, [on])

        board = duties_board(
            found, queries.names([d.holder_id for d in found]), "象珠镇党委", on, coverage
        )
        page = render_html(board)

    assert ["路长履职", "红色全覆盖"] == [s.title for s in board.sections]
    assert "陈天云" in page
    assert "chen-tianyun" not in page
    assert "2018-04-06—2018-04-10（仍未巡查）" in page
