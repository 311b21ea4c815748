"""Results and notices reach the group — the year closed, the development list posted for
公示, an objection upheld or dismissed, the list confirmed — with names and figures only:
no ID number, phone, objector, objection text or finding ever leaves for a group."""

from __future__ import annotations

from datetime import date

from adapters.app import Dangjian
from dangjian_core.development.commands import DismissObjection
from dangjian_core.evaluation.commands import PublishSnapshot
from dangjian_core.people.commands import RecordPersonDetails
from dangjian_core.people.events import Gender
from dangjian_core.tasks.events import Audience
from tests.adapters.development_story import (
    CYCLE,
    closed,
    confirm,
    earn,
    objection,
    on,
    post,
    propose,
    uphold,
)
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import notifier, run_once, wecom
from tests.support import BRANCH, LANZHI, ORGANIZER, SECRETARY, XINGCAN

ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
PRIVATE = (ID_NUMBER, PHONE, "吕大伯", "13800000000", "曾参与赌博", "经调查属实", "经调查不属实")


def _told(fake: FakeRobots) -> list[str]:
    return [received.content for received in fake.delivered()]


def test_the_years_results_the_notice_an_upheld_objection_and_the_confirmed_list_are_told(
    app: Dangjian, fake: FakeRobots
) -> None:
    app.handle(
        RecordPersonDetails(
            LANZHI, Gender.FEMALE, 1990, PHONE, ID_NUMBER, ORGANIZER, on(date(2022, 1, 5))
        )
    )
    with notifier(app, wecom(fake)) as started:
        closed(app)
        for command in (
            propose(),
            post(),
            objection(),
            uphold(),
            post(date(2022, 10, 17)),
            confirm(),
        ):
            app.handle(command)
        run_once(started)
    told = [
        text for text in _told(fake) if not text.startswith("### 新任务") and "名额已满" not in text
    ]
    assert [
        "### 2021年10月—2022年9月 考评结束, 成绩已冻结\n派溪吕村党支部\n前 4 名:\n"
        "1. 吕兰枝 5 分\n2. 王书记 5 分\n3. 吕星灿 3 分\n4. 吕宝有 2 分\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分",
        "### 发展对象名单公示\n派溪吕村党支部\n- 周期: 2021年10月—2022年9月\n"
        "- 公示期: 2022年10月10日 起 5 个工作日, 至 2022年10月14日\n- 名单: 吕兰枝\n"
        "对名单有异议的, 请在公示期内通过公示页面实名反映, 反映人信息严格保密。\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分",
        "### 异议处理结果: 成立\n派溪吕村党支部\n- 吕兰枝 不再列入发展对象名单\n- 吕星灿 依次递补\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分",
        "### 发展对象名单公示\n派溪吕村党支部\n- 周期: 2021年10月—2022年9月\n"
        "- 公示期: 2022年10月17日 起 5 个工作日, 至 2022年10月21日\n- 名单: 吕星灿\n"
        "对名单有异议的, 请在公示期内通过公示页面实名反映, 反映人信息严格保密。\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分",
        "### 发展对象名单已确定\n派溪吕村党支部\n- 周期: 2021年10月—2022年9月\n"
        "- 吕星灿 自 2022年10月24日 起列为发展对象\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分",
    ] == told
    assert [] == [(secret, text) for text in _told(fake) for secret in PRIVATE if secret in text]


def test_a_dismissed_objection_is_told_without_its_reason_or_its_objector(
    app: Dangjian, fake: FakeRobots
) -> None:
    closed(app)
    for command in (propose(), post(), objection()):
        app.handle(command)
    dismiss = DismissObjection(
        BRANCH, CYCLE, "O1", "经调查不属实", SECRETARY, on(date(2022, 10, 12))
    )
    with notifier(app, wecom(fake)) as started:
        app.handle(dismiss)
        run_once(started)
    assert [
        "### 异议处理结果: 不成立\n派溪吕村党支部\n- 关于 吕兰枝 的异议经核实不成立, 名单不变\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分"
    ] == _told(fake)


def test_a_quarters_standings_are_told_best_first(app: Dangjian, fake: FakeRobots) -> None:
    earn(app, "T1", (Audience.ACTIVISTS,), {LANZHI: 5, XINGCAN: 3})
    with notifier(app, wecom(fake)) as started:
        app.handle(PublishSnapshot(BRANCH, CYCLE, "2022Q2", SECRETARY, on(date(2022, 6, 30))))
        run_once(started)
    assert [
        "### 2022Q2 季度积分已公布\n派溪吕村党支部\n前 2 名:\n1. 吕兰枝 5 分\n2. 吕星灿 3 分\n"
        "[打开党建积分页面查看](https://dangjian.example.cn/)\n—— 党建积分"
    ] == _told(fake)
