"""述职擂台赛 rounds (seed 002, 大泽镇): each round opened, scored under seal, corrected
with a reason and closed (现场亮分); a judge never scores their own unit.

Given 大泽镇 with the field set (:mod:`tests.core.contests_given`), when a round's command
is decided, then the events or the typed refusal; a refusal writes nothing.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from dangjian_core.contests.events import (
    ContestRoundClosed,
    ContestRoundOpened,
    ContestScoreCorrected,
    ContestScoreSubmitted,
)
from dangjian_core.contests.state import ContestError, RoundStatus
from dangjian_core.contests.values import Mark
from dangjian_core.kernel.errors import Unauthorized
from dangjian_core.kernel.trail import describe
from tests.core.contests_given import (
    CONTEST,
    DAZESHEQU,
    HUANG,
    LIANTANG,
    LIYUAN,
    NING,
    TONGHE,
    WANG,
    ZHANG,
    ZHAO,
    ZHOU,
    close,
    correct,
    daze,
    eligible,
    enter,
    field,
    full_round,
    judge,
    marks,
    open_contest,
    open_round,
    refused,
    report,
    scheme,
    score,
)
from tests.core.world import World


@pytest.fixture
def ready() -> World:
    """The field set: scheme, four contestants with reports, five judges."""
    return daze(*field())


# --- rounds ------------------------------------------------------------------------------


def test_a_round_opens_under_a_scheme_for_a_contestant_with_a_report() -> None:
    world = daze(open_contest(), enter(TONGHE, 1), *(judge(j) for j in (ZHANG, WANG, ZHAO)))

    refused(world, open_round(TONGHE), ContestError, "评分细则")
    world.handle(scheme())
    refused(world, open_round(TONGHE), ContestError, "述职报告")
    world.handle(report(TONGHE))
    assert world.handle(open_round(TONGHE)) == [ContestRoundOpened(CONTEST, TONGHE)]
    assert world.handle(open_round(TONGHE)) == []


def test_one_round_at_a_time_and_one_round_per_contestant(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))

    refused(ready, open_round(TONGHE), ContestError, "dazeshequ 正在述职")
    for command in full_round(DAZESHEQU)[1:]:
        ready.handle(command)
    refused(ready, open_round(DAZESHEQU), ContestError, "每位参赛者述职一轮")


def test_the_trimmed_mean_needs_three_judges_who_may_score() -> None:
    world = daze(open_contest(), scheme(), enter(TONGHE, 1), report(TONGHE))
    world.handle(judge(ZHANG))
    world.handle(judge(HUANG, TONGHE))
    world.handle(judge(WANG))

    refused(world, open_round(TONGHE), ContestError, "只有 2 名", "至少 3 名")


def test_a_judge_scores_every_criterion_while_the_round_is_open(ready: World) -> None:
    refused(
        ready, score(ZHANG, DAZESHEQU, "90", "90", "90", "90"), ContestError, "只在述职轮次中评分"
    )
    ready.handle(open_round(DAZESHEQU))

    [submitted] = ready.handle(score(ZHANG, DAZESHEQU, "95", "88.5", "90", "92"))
    assert submitted == ContestScoreSubmitted(
        CONTEST, DAZESHEQU, ZHANG, tuple(Mark(n, v) for n, v in marks("95", "88.5", "90", "92"))
    )
    partial = attrs.evolve(
        score(WANG, DAZESHEQU, "90", "90", "90", "90"), marks=(("陈述内容", "90"),)
    )
    refused(ready, partial, ContestError, "逐项评定")


def test_a_submitted_score_is_final_and_the_same_again_changes_nothing(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))
    ready.handle(score(ZHANG, DAZESHEQU, "95", "88", "90", "92"))

    assert ready.handle(score(ZHANG, DAZESHEQU, "95", "88", "90", "92")) == []
    refused(
        ready,
        score(ZHANG, DAZESHEQU, "96", "88", "90", "92"),
        ContestError,
        "提交后不可更改",
        "更正",
    )


@pytest.mark.parametrize(("judge_id", "unit"), [(HUANG, TONGHE), (ZHOU, LIANTANG)])
def test_a_judge_never_scores_their_own_unit(ready: World, judge_id: str, unit: str) -> None:
    ready.handle(open_round(unit))

    refusal = refused(
        ready, score(judge_id, unit, "99", "99", "99", "99"), Unauthorized, "评委回避"
    )
    assert unit in refusal.zh


def test_only_an_appointed_judge_scores(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))

    refused(
        ready, score(NING, DAZESHEQU, "90", "90", "90", "90"), Unauthorized, "不是 daze-2021 的评委"
    )


def test_a_round_closes_once_every_judge_who_may_score_it_has(ready: World) -> None:
    ready.handle(open_round(TONGHE))
    for j in eligible(TONGHE)[:-1]:
        ready.handle(score(j, TONGHE, "90", "90", "90", "90"))

    refused(ready, close(TONGHE), ContestError, "尚有评委未对 tonghe 评分", ZHOU)
    ready.handle(score(ZHOU, TONGHE, "90", "90", "90", "90"))
    [closed] = ready.handle(close(TONGHE))
    assert isinstance(closed, ContestRoundClosed)
    assert [s.judge_id for s in closed.sheets] == sorted(eligible(TONGHE))
    assert HUANG not in [s.judge_id for s in closed.sheets]
    assert ready.handle(close(TONGHE)) == []


def test_a_round_not_opened_cannot_close(ready: World) -> None:
    refused(ready, close(LIYUAN), ContestError, "尚未开始述职")


# --- sealed until shown (现场亮分) -----------------------------------------------------


def _marks_shown(world: World, unit: str) -> list[dict[str, Any]]:
    return world.views.select("contest_marks", {"contest_id": CONTEST, "unit_id": unit})


def test_scores_are_sealed_until_the_round_closes_then_shown(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))
    for j in eligible(DAZESHEQU):
        ready.handle(score(j, DAZESHEQU, "91.5", "88", "90", "87"))

    assert _marks_shown(ready, DAZESHEQU) == []
    sheets = ready.views.select("contest_sheets", {"contest_id": CONTEST, "unit_id": DAZESHEQU})
    assert {r["judge_id"] for r in sheets} == set(eligible(DAZESHEQU))
    assert all("91.5" not in str(v) for r in sheets for v in r.values())
    submitted = [r.event for r in ready.log if isinstance(r.event, ContestScoreSubmitted)]
    assert all("91.5" not in describe(e) and "(不公开)" in describe(e) for e in submitted)

    ready.handle(close(DAZESHEQU))
    shown = _marks_shown(ready, DAZESHEQU)
    assert len(shown) == 4 * len(eligible(DAZESHEQU))
    assert {r["mark"] for r in shown if r["criterion"] == "陈述内容"} == {"91.5"}


def test_a_correction_needs_a_sheet_and_a_reason() -> None:
    with pytest.raises(ValueError, match="reason"):
        correct(ZHANG, DAZESHEQU, "90", "90", "90", "90", reason="")
    world = daze(*field(), open_round(DAZESHEQU))
    refused(world, correct(ZHANG, DAZESHEQU, "90", "90", "90", "90"), ContestError, "无可更正")


def test_a_correction_before_the_close_stays_sealed_and_is_what_is_shown(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))
    ready.handle(score(ZHANG, DAZESHEQU, "88", "95", "90", "90"))

    [corrected] = ready.handle(correct(ZHANG, DAZESHEQU, "95", "88", "90", "90"))
    assert isinstance(corrected, ContestScoreCorrected)
    assert (corrected.reason, corrected.revealed) == ("误将语言表达与陈述内容填反", False)
    assert ready.handle(correct(ZHANG, DAZESHEQU, "95", "88", "90", "90")) == []
    assert _marks_shown(ready, DAZESHEQU) == []
    for j in eligible(DAZESHEQU)[1:]:
        ready.handle(score(j, DAZESHEQU, "90", "90", "90", "90"))
    ready.handle(close(DAZESHEQU))
    zhang = {
        r["criterion"]: r["mark"] for r in _marks_shown(ready, DAZESHEQU) if r["judge_id"] == ZHANG
    }
    assert zhang == {"陈述内容": "95", "语言表达": "88", "临场应变": "90", "举止仪态": "90"}


def test_a_correction_after_the_close_is_shown_at_once_with_its_reason(ready: World) -> None:
    for command in full_round(DAZESHEQU):
        ready.handle(command)

    [corrected] = ready.handle(correct(ZHANG, DAZESHEQU, "80", "90", "90", "90"))
    assert corrected.revealed
    row = ready.views.select(
        "contest_sheets", {"contest_id": CONTEST, "unit_id": DAZESHEQU, "judge_id": ZHANG}
    )
    assert (row[0]["corrections"], row[0]["reason"]) == (1, "误将语言表达与陈述内容填反")
    shown = {
        r["criterion"]: r["mark"] for r in _marks_shown(ready, DAZESHEQU) if r["judge_id"] == ZHANG
    }
    assert shown["陈述内容"] == "80"


def test_the_contest_state_keeps_the_round_and_the_sheets(ready: World) -> None:
    for command in full_round(DAZESHEQU):
        ready.handle(command)

    entry = ready.states[f"contest-{CONTEST}"].entries[DAZESHEQU]
    assert entry.round is RoundStatus.CLOSED
    assert set(entry.sheets) == set(eligible(DAZESHEQU))
