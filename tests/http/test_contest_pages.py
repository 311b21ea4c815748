"""述职擂台赛 pages, served in-process: a judge scores the contestant on stage from their
phone (``/judge``); the sheet stays sealed — on the judge's own page, in the event feed and
on the public page — until the round closes; a second different sheet is refused; the
public page (``/public/{unit}/contests``), which needs no login, then shows the ranking."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dangjian_core.contests.commands import (
    AdoptContestScheme,
    AppointJudge,
    CloseRound,
    EnterContestant,
    FileReport,
    OpenContest,
    OpenRound,
)
from dangjian_core.contests.values import Aggregation, ContestScheme, Criterion
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests.http.conftest import Phone, Server
from tests.support import LANZHI, REVIEWER, SECRETARY, XINGCAN

TOWN, VILLAGE, CONTESTANT, CONTEST = "t-town", "t-v1", "t-sj", "t-2021"
JUDGES = (LANZHI, XINGCAN, REVIEWER)
SCHEME = ContestScheme(
    "测试评分细则",
    (
        Criterion("陈述内容", 40),
        Criterion("语言表达", 30),
        Criterion("临场应变", 20),
        Criterion("举止仪态", 10),
    ),
    Aggregation.MEAN,
)


@pytest.fixture
def on_stage(server: Server) -> Server:
    """测试镇党委 (founded by 王书记, its superior) with 测试村 on stage, three judges."""
    app = server.app
    now = app.now()
    day = now.date()
    story: list[Any] = [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "测试镇党委", None, 1, SECRETARY, now),
        FoundUnit(VILLAGE, UnitKind.BRANCH, "测试村党支部", TOWN, 1, SECRETARY, now),
        RegisterPerson(CONTESTANT, VILLAGE, "梁书记", PartyStatus.FULL, day, SECRETARY, now),
        AppointRole(VILLAGE, CONTESTANT, Role.SECRETARY, SECRETARY, now),
        OpenContest(CONTEST, TOWN, "测试镇书记述职擂台赛", day, SECRETARY, now, live_stream=True),
        AdoptContestScheme.of(CONTEST, SCHEME, SECRETARY, now),
        EnterContestant(CONTEST, VILLAGE, CONTESTANT, 1, SECRETARY, now),
        *(AppointJudge(CONTEST, judge, SECRETARY, now) for judge in JUDGES),
        FileReport(CONTEST, VILLAGE, "亮点", "措施", "成效", "不足", "下一步计划", CONTESTANT, now),
        OpenRound(CONTEST, VILLAGE, SECRETARY, now),
    ]
    for command in story:
        app.handle(command)
    return server


def _score(judge: Phone, *values: str) -> Any:
    page = judge.client.get("/judge").text
    key = re.search(r'name="key" value="(\w+)"', page)
    form = {
        "csrf": judge.csrf,
        "key": key[1] if key else "",
        "contest_id": CONTEST,
        "unit_id": VILLAGE,
    }
    form |= {f"mark-{i}": v for i, v in enumerate(values, start=1)}
    return judge.client.post("/judge/score", data=form, follow_redirects=False)


def test_a_judge_scores_from_the_phone_and_the_sheet_stays_sealed(on_stage: Server) -> None:
    judge = on_stage.logged_in(LANZHI)

    before = judge.client.get("/judge")
    sent = _score(judge, "97.25", "90", "90", "90")
    after = judge.client.get(sent.headers["location"])
    again = _score(judge, "60", "60", "60", "60")
    public = on_stage.phone("nobody").client.get(f"/public/{TOWN}/contests")
    feed = on_stage.logged_in(XINGCAN).client.get("/events?after=0&limit=1000")

    assert 200 == before.status_code
    assert before.text.count('type="number"') == 4
    assert "陈述内容（权重 40%" in before.text
    assert 303 == sent.status_code, sent.text
    assert "已提交评分" in after.text
    assert "97.25" not in after.text
    assert 'type="number"' not in after.text
    assert "测试镇书记述职擂台赛" in public.text
    assert "已亮分 0/1" in public.text
    assert "97.25" not in public.text
    [sheet] = [e for e in feed.json()["events"] if e["type"] == "ContestScoreSubmitted"]
    assert sheet["data"]["marks"] == "(不公开)"
    assert "97.25" not in feed.text
    assert 409 == again.status_code
    assert "提交后不可更改" in again.text


def test_after_the_round_closes_the_public_page_shows_the_ranking(on_stage: Server) -> None:
    for judge_id, value in zip(JUDGES, ("90", "92", "94"), strict=True):
        assert 303 == _score(on_stage.logged_in(judge_id), value, value, value, value).status_code
    on_stage.app.handle(CloseRound(CONTEST, VILLAGE, SECRETARY, on_stage.app.now()))

    public = on_stage.phone("nobody").client.get(f"/public/{TOWN}/contests")

    assert 200 == public.status_code
    assert "已亮分 1/1" in public.text
    assert "92.00" in public.text
    assert "梁书记" in public.text
    assert CONTESTANT not in public.text


def test_a_reader_who_judges_nothing_is_told_so(on_stage: Server) -> None:
    page = on_stage.logged_in(SECRETARY).client.get("/judge")

    assert 200 == page.status_code
    assert "现在没有你要评分的述职" in page.text
