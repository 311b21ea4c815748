"""述职擂台赛 results (seed 002, 大泽镇): the field inspection, the reviewer's 三个好、两个
期望, the ranking under its tie rule, every score explained down to the judges and the
criteria, and the results published as a notice of working days.

Given 大泽镇 with every round closed (:func:`tests.core.contests_given.scored_world`), when
a results command is decided, then the events or the typed refusal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from dangjian_core.calendar.workdays import HolidaysUndeclared
from dangjian_core.catalog import decide
from dangjian_core.contests import scoring
from dangjian_core.contests.events import (
    ContestInspectionRecorded,
    ContestResultsPublished,
    ContestReviewRecorded,
    Placing,
)
from dangjian_core.contests.queries import contest_standings, explain, scheme_of
from dangjian_core.contests.rules.results import ranking_of
from dangjian_core.contests.state import ContestError
from dangjian_core.contests.values import TieRule
from dangjian_core.kernel.errors import Unauthorized
from dangjian_core.kernel.facts import MemoryFacts
from tests.core.contests_given import (
    CONTEST,
    DAZESHEQU,
    HELD,
    LIANTANG,
    LIYUAN,
    SCHEME,
    SECRETARY,
    TONGHE,
    WANG,
    ZHANG,
    ZHAO,
    correct,
    daze,
    eligible,
    field,
    full_round,
    inspect,
    publish,
    refused,
    review,
    scheme,
    scored_world,
)
from tests.core.world import World

UNITS = (DAZESHEQU, TONGHE, LIANTANG, LIYUAN)


@pytest.fixture
def scored() -> World:
    return scored_world().copy()


def inspected(world: World, values: dict[str, str] | None = None) -> World:
    for unit in UNITS:
        world.handle(inspect(unit, (values or {}).get(unit, "90")))
    return world


def test_the_inspection_is_recorded_once_under_a_scheme_that_counts_it(scored: World) -> None:
    [seen] = scored.handle(inspect(TONGHE, "92.5"))
    assert seen == ContestInspectionRecorded(CONTEST, TONGHE, "92.5", "2021年12月实地考察")
    assert scored.handle(inspect(TONGHE, "92.5")) == []
    refused(scored, inspect(TONGHE, "80"), ContestError, "已记录为 92.5")


def test_no_inspection_under_a_scheme_without_one() -> None:
    world = daze(*field()[:1], scheme(inspection_weight=0), *field()[2:])

    refused(world, inspect(TONGHE), ContestError, "不计实地考察")


def test_the_reviewers_comments_are_recorded_once(scored: World) -> None:
    [comments] = scored.handle(review())
    assert isinstance(comments, ContestReviewRecorded)
    assert comments.strengths == ("主题好", "工作好", "组织好")
    assert len(comments.expectations) == 2
    assert scored.handle(review()) == []
    other = attrs.evolve(review(), strengths=("主题鲜明",))
    refused(scored, other, ContestError, "陈溢利 的点评已记录")


def test_results_wait_for_every_round_and_every_inspection() -> None:
    world = daze(*field(), *full_round(DAZESHEQU))

    refused(world, publish(), ContestError, "尚未亮分", "liantang", "liyuan", "tonghe")
    for unit in (TONGHE, LIANTANG, LIYUAN):
        for command in full_round(unit):
            world.handle(command)
    refused(world, publish(), ContestError, "尚缺实地考察得分")


def test_the_notice_starts_no_earlier_than_the_contest(scored: World) -> None:
    inspected(scored)

    refused(scored, publish(start=date(2022, 1, 11)), ContestError, "不能早于")


def test_results_are_published_for_working_days_on_the_calendar(scored: World) -> None:
    inspected(scored)

    [published] = scored.handle(publish(start=date(2022, 1, 28), days=3))
    assert isinstance(published, ContestResultsPublished)
    # 2022-01-28 (Fri), the make-up Saturday 01-29 and Sunday 01-30 work before 春节.
    assert published.end == date(2022, 1, 30)
    assert scored.handle(publish(start=date(2022, 1, 28), days=3)) == []


def test_a_year_without_declared_holidays_has_no_notice_period(scored: World) -> None:
    inspected(scored)
    command = publish()
    bare = MemoryFacts(dict(scored.states), scored.views, len(scored.log))

    with pytest.raises(HolidaysUndeclared, match="2022"):
        decide(command, scored.state_of(command), bare)


def test_nothing_changes_once_the_results_are_published(scored: World) -> None:
    inspected(scored).handle(publish())

    refused(scored, correct(ZHANG, TONGHE, "80", "80", "80", "80"), ContestError, "已公示")
    refused(scored, inspect(TONGHE, "70"), ContestError, "已公示")
    refused(scored, publish(start=date(2022, 1, 14)), ContestError, "已公示")


def test_only_the_organisers_publish(scored: World) -> None:
    inspected(scored)

    refused(scored, publish(actor=SECRETARY[TONGHE]), Unauthorized, SECRETARY[TONGHE])


# --- the ranking and its explanation ---------------------------------------------------


def _world(sheets: dict[str, dict[str, tuple[str, ...]]], inspections: dict[str, str]) -> World:
    commands: list[Any] = list(field())
    for hour, unit in enumerate(UNITS, start=9):
        commands += full_round(unit, sheets.get(unit), hour=hour)
    world = daze(*commands)
    return inspected(world, inspections)


def _placings(world: World) -> dict[str, Placing]:
    [published] = world.handle(publish())
    return {p.unit_id: p for p in published.placings}


def test_the_ranking_orders_by_final_score_with_the_inspection_half() -> None:
    world = _world(
        {TONGHE: {ZHANG: ("100", "100", "100", "100")}}, {LIYUAN: "100", DAZESHEQU: "80"}
    )

    placings = _placings(world)
    # 李苑村: 现场 90, 实地 100 → 95; 同和村: 张评委's 100 is dropped as the highest → 90.
    assert (placings[LIYUAN].rank, placings[LIYUAN].final) == (1, "95.00")
    assert placings[TONGHE].on_site == "90.00"
    assert placings[DAZESHEQU] == Placing(DAZESHEQU, 4, "90.00", "80.00", "85.00")


def test_level_finals_are_split_by_the_on_site_score_then_shared() -> None:
    # 大泽社区: on site 92, inspection 88 → 90; 同和村: on site 90, inspection 90 → 90.
    sheets = {DAZESHEQU: dict.fromkeys(eligible(DAZESHEQU), ("92", "92", "92", "92"))}
    world = _world(sheets, {DAZESHEQU: "88"})

    placings = _placings(world)
    assert (placings[DAZESHEQU].rank, placings[DAZESHEQU].final) == (1, "90.00")
    assert [placings[u].rank for u in (TONGHE, LIANTANG, LIYUAN)] == [2, 2, 2]


def test_under_the_shared_rule_level_finals_share_a_rank() -> None:
    ranked = scoring.rank_contestants(
        scoring_scheme(TieRule.SHARED),
        [
            scoring.Score("a", 1, (), Decimal("92.00"), Decimal("88.00"), Decimal("90.00")),
            scoring.Score("b", 2, (), Decimal("90.00"), Decimal("90.00"), Decimal("90.00")),
            scoring.Score("c", 3, (), Decimal("80.00"), Decimal("80.00"), Decimal("80.00")),
        ],
    )
    assert [(r.score.unit_id, r.rank) for r in ranked] == [("a", 1), ("b", 1), ("c", 3)]
    assert ranked[1].tie == TieRule.SHARED.zh


def scoring_scheme(tie: TieRule) -> Any:
    return attrs.evolve(SCHEME, tie_rule=tie)


def test_a_score_is_explained_down_to_the_judges_and_criteria() -> None:
    world = _world(
        {LIANTANG: {ZHANG: ("100", "95", "80", "70"), ZHAO: ("60", "60", "60", "60")}}, {}
    )
    contest = world.views.select("contests", {"contest_id": CONTEST})[0]
    criteria = world.views.select("contest_criteria", {"contest_id": CONTEST, "version": 1})
    entries = world.views.select("contest_entries", {"contest_id": CONTEST})
    marks = world.views.select("contest_marks", {"contest_id": CONTEST})

    from_rows = contest_standings(scheme_of(contest, criteria), entries, marks)
    assert from_rows == ranking_of(world.states[f"contest-{CONTEST}"], SCHEME)
    explained = explain(SCHEME, from_rows, LIANTANG)
    assert explained is not None
    lines = explained.lines({ZHANG: "张评委", ZHAO: "赵评委"})
    assert (
        "  评委 张评委: 陈述内容 100, 语言表达 95, 临场应变 80, 举止仪态 70 → 91.50 (最高分, 去掉)"
        in lines
    )
    assert (
        "  评委 赵评委: 陈述内容 60, 语言表达 60, 临场应变 60, 举止仪态 60 → 60.00 (最低分, 去掉)"
        in lines
    )
    assert "现场得分 90.00" in lines
    assert "实地考察 90.00; 总分 = 现场 90.00 × 50% + 实地考察 90.00 × 50% = 90.00" in lines
    assert lines[-1] == "总分 90.00, 第 1 名 (同分并列, 下一名次顺延)"
    assert WANG in {s.judge_id for s in explained.placed.score.sheets}


def test_the_published_ranking_matches_the_standings_of_the_rows(scored: World) -> None:
    inspected(scored)
    [published] = scored.handle(publish())
    rows = scored.views.select("contest_entries", {"contest_id": CONTEST})

    assert {(r["unit_id"], r["rank"], r["final"]) for r in rows} == {
        (p.unit_id, p.rank, p.final) for p in published.placings
    }
    assert scored.views.select("contests", {"contest_id": CONTEST})[0]["notice_end"] == "2022-01-19"
    assert HELD.isoformat() == "2022-01-12"


def test_a_late_correction_changes_the_published_figures_only_before_publication(
    scored: World,
) -> None:
    scored.handle(correct(ZHANG, LIYUAN, "60", "60", "60", "60"))
    placings = _placings(inspected(scored))

    # Liyuan's sheets: 60 (张, dropped as lowest), four 90s → on site 90.
    assert placings[LIYUAN].on_site == "90.00"
