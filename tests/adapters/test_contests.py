"""述职擂台赛 through the application, on every store: the marks of an open round are in
no table and on no board until 现场亮分, the standings read from the stored rows equal the
published results, the board shows names and never ids, and the views replay to the same
rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.boards.contests import contests_board
from adapters.views.contests import ContestQueries
from dangjian_core.calendar.commands import DeclareHolidays
from dangjian_core.contests.events import ContestResultsPublished
from tests.core.contests_given import (
    CONTEST,
    DAZESHEQU,
    HELD,
    LIANTANG,
    LIYUAN,
    NING,
    TONGHE,
    TOWN,
    ZHANG,
    at,
    close,
    correct,
    eligible,
    field,
    full_round,
    inspect,
    open_round,
    publish,
    review,
    score,
    setup_commands,
)

UNITS = (DAZESHEQU, TONGHE, LIANTANG, LIYUAN)


@pytest.fixture
def town(store_url: str) -> Iterator[Dangjian]:
    """大泽镇 with 2022's 元旦 declared by hand, the field set, every round but 李苑村's
    closed (张评委's sheet for 大泽社区 corrected after its close), and 李苑村 on stage with
    one sealed sheet in."""
    app = open_app(store_url)
    story = [
        *setup_commands(),
        DeclareHolidays(
            "default", "元旦", tuple(date(2022, 1, d) for d in (1, 2, 3)), TOWN, NING, at(1)
        ),
        *field(),
    ]
    for hour, unit in enumerate(UNITS[:3], start=9):
        story += full_round(unit, hour=hour)
    story += [
        correct(ZHANG, DAZESHEQU, "80", "80", "80", "80", hour=12),
        open_round(LIYUAN, hour=13),
    ]
    story.append(score(ZHANG, LIYUAN, "97.5", "97.5", "97.5", "97.5", hour=13))
    for command in story:
        app.handle(command)
    yield app
    app.close()


def test_a_sealed_sheet_is_in_no_table_and_on_no_board(town: Dangjian) -> None:
    queries = ContestQueries(town.store)

    assert queries.marks(CONTEST, LIYUAN) == []
    [sheet] = queries.sheets(CONTEST, LIYUAN)
    assert (sheet["judge_id"], sheet["shown"]) == (ZHANG, 0)
    assert "97.5" not in str(queries.sheets(CONTEST))
    found = queries.standings(CONTEST)
    assert LIYUAN not in {r.score.unit_id for r in found.ranking}
    assert found.explained(LIYUAN) is None
    board = contests_board(found, HELD)
    assert "97.5" not in str(board.sections)
    assert "(已亮分 3/4)" in board.title


def test_a_correction_after_the_close_is_shown_with_its_reason(town: Dangjian) -> None:
    queries = ContestQueries(town.store)

    zhang = {
        r["criterion"]: r["mark"]
        for r in queries.marks(CONTEST, DAZESHEQU)
        if r["judge_id"] == ZHANG
    }
    [sheet] = [r for r in queries.sheets(CONTEST, DAZESHEQU) if r["judge_id"] == ZHANG]
    assert set(zhang.values()) == {"80"}
    assert (sheet["corrections"], sheet["reason"]) == (1, "误将语言表达与陈述内容填反")


def test_the_published_results_match_the_standings_of_the_stored_rows(town: Dangjian) -> None:
    for j in eligible(LIYUAN)[1:]:
        town.handle(score(j, LIYUAN, "90", "90", "90", "90", hour=13))
    town.handle(close(LIYUAN, hour=13))
    for unit in UNITS:
        town.handle(inspect(unit, "90"))
    town.handle(review())
    [published] = [r.event for r in town.handle(publish()).events]
    assert isinstance(published, ContestResultsPublished)

    found = ContestQueries(town.store).standings(CONTEST)
    assert [(r.score.unit_id, r.rank, f"{r.score.final:.2f}") for r in found.ranking] == [
        (p.unit_id, p.rank, p.final) for p in published.placings
    ]
    board = contests_board(found, date(2022, 1, 13))
    assert board.notice is not None
    assert board.notice.period == "2022年1月13日至2022年1月19日（5个工作日）"
    printed = str(board.sections)
    assert "同和村党支部" in printed
    assert "judge-" not in printed
    assert "陈溢利" in printed
    assert replay_check(town.store).ok
