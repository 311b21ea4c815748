"""述职擂台赛 Secretaries' contest, before the rounds (seed 002, 大泽镇): the contest, its
scheme, the contestants and their reports, the panel.

Given 大泽镇 (:mod:`tests.core.contests_given`), when a contest command is decided, then
the events or the typed refusal; a refusal writes nothing.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from dangjian_core.contests.commands import AdoptContestScheme
from dangjian_core.contests.events import (
    ContestantEntered,
    ContestJudgeAppointed,
    ContestReportFiled,
    ContestSchemeAdopted,
)
from dangjian_core.contests.state import ContestError
from dangjian_core.contests.values import Criterion
from dangjian_core.kernel.errors import Unauthorized, UnknownSubject
from tests.core.contests_given import (
    CONTEST,
    DAZESHEQU,
    HUANG,
    LI,
    LIANTANG,
    LIYUAN,
    NING,
    SCHEME,
    SECRETARY,
    TONGHE,
    TOWN,
    ZHANG,
    at,
    daze,
    enter,
    field,
    judge,
    open_contest,
    open_round,
    refused,
    report,
    scheme,
)
from tests.core.world import World


@pytest.fixture
def ready() -> World:
    """The field set: scheme, four contestants with reports, five judges."""
    return daze(*field())


# --- the contest and its scheme -----------------------------------------------------


def test_a_contest_opens_once_and_the_same_again_changes_nothing() -> None:
    world = daze(open_contest())

    assert world.handle(open_contest(day=2)) == []
    refused(world, open_contest(title="另一场擂台赛"), ContestError, "已举办")


@pytest.mark.parametrize("actor", [SECRETARY[TONGHE], ZHANG, "outsider"])
def test_only_the_hosts_leaders_or_a_level_above_organise(actor: str) -> None:
    refused(daze(), open_contest(actor=actor), Unauthorized, actor)
    refused(daze(open_contest()), scheme(actor=actor), Unauthorized, actor)


def test_a_command_on_a_contest_never_opened_names_it() -> None:
    refused(daze(), scheme(), UnknownSubject, CONTEST)


def test_the_scheme_is_versioned_and_the_one_in_force_again_changes_nothing() -> None:
    world = daze(open_contest(), scheme())

    assert world.handle(scheme(day=3)) == []
    [adopted] = world.handle(scheme(day=3, inspection_weight=0))
    assert isinstance(adopted, ContestSchemeAdopted)
    assert adopted.version == 2


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"criteria": (Criterion("陈述内容", 60), Criterion("语言表达", 30))}, "100"),
        ({"criteria": (Criterion("陈述内容", 50), Criterion("陈述内容", 50))}, "重复"),
        ({"inspection_weight": 95}, "0–90"),
        ({"name": ""}, "1–60"),
    ],
)
def test_a_malformed_scheme_is_refused_by_its_shape(changes: dict[str, Any], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        AdoptContestScheme.of(CONTEST, attrs.evolve(SCHEME, **changes), LI, at(2))


def test_the_scheme_is_fixed_once_a_round_opens(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))

    refused(ready, scheme(day=40, inspection_weight=0), ContestError, "首轮开始前")


# --- contestants, reports and judges ---------------------------------------------------


def test_a_villages_secretary_enters_once_in_an_order_of_their_own() -> None:
    world = daze(open_contest(), scheme())

    [entered] = world.handle(enter(TONGHE, 1))
    assert entered == ContestantEntered(CONTEST, TONGHE, SECRETARY[TONGHE], 1)
    assert world.handle(enter(TONGHE, 1)) == []
    refused(world, enter(TONGHE, 2), ContestError, "已报名")
    refused(world, enter(LIYUAN, 1), ContestError, "出场顺序 1")


def test_a_contestant_is_the_secretary_of_a_unit_under_the_host() -> None:
    world = daze(open_contest())

    refused(
        world, enter(LIYUAN, 1, person=SECRETARY[TONGHE]), ContestError, "不是 liyuan 的党组织书记"
    )
    refused(world, enter(TOWN, 1, person=NING), ContestError, "所属单位")


def test_the_field_and_the_panel_are_fixed_once_a_round_opens(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))

    refused(ready, enter("liyuan-2", 9, person=ZHANG), ContestError, "首轮开始前")
    refused(ready, judge("li-min"), ContestError, "首轮开始前")


def test_a_report_is_filed_by_its_contestant_or_the_organisers_in_revisions() -> None:
    world = daze(open_contest(), enter(TONGHE, 1))

    [first] = world.handle(report(TONGHE))
    assert isinstance(first, ContestReportFiled)
    assert (first.revision, first.shortcomings) == (1, "亮点特色挖掘不够")
    assert world.handle(report(TONGHE, day=11)) == []
    [second] = world.handle(report(TONGHE, actor=LI, results="打造红色文化教育基地"))
    assert second.revision == 2
    refused(world, report(TONGHE, actor=SECRETARY[LIANTANG]), Unauthorized, SECRETARY[LIANTANG])


def test_the_report_is_filed_before_the_round(ready: World) -> None:
    ready.handle(open_round(DAZESHEQU))

    refused(ready, report(DAZESHEQU, results="补充"), ContestError, "上台前")


def test_a_judge_is_a_registered_person_who_does_not_compete() -> None:
    world = daze(open_contest(), enter(TONGHE, 1))

    [appointed] = world.handle(judge(HUANG, TONGHE))
    assert appointed == ContestJudgeAppointed(CONTEST, HUANG, TONGHE)
    assert world.handle(judge(HUANG, TONGHE)) == []
    refused(world, judge("nobody"), UnknownSubject, "nobody")
    refused(world, judge(SECRETARY[TONGHE]), ContestError, "参赛者")
    refused(world, judge(ZHANG, home="nowhere"), UnknownSubject, "nowhere")
