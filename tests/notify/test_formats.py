"""Messages arrive in each platform's documented format: WeChat Work's markdown and text,
DingTalk's markdown with a title, signed as DingTalk checks (the fake server verifies the
HMAC-SHA256 signature and refuses a wrong one, as the platform does)."""

from __future__ import annotations

from adapters.app import Dangjian
from adapters.notify.payloads import cut
from adapters.notify.tracking import DeliveryStatus
from dangjian_core.kernel.ids import BranchId, TaskId
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.units.commands import FoundBranch
from tests import support
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import deliveries, dingtalk, notifier, run_once, wecom

ISSUED = "\n".join(
    [
        "### 新任务: 环境卫生整治任务",
        "派溪吕村党支部",
        "- 类别: 环境卫生整治",
        "- 积分: 5 分, 名额 2 个",
        "- 领办对象: 积极分子、志愿者",
        "- 截止时间: 2021年10月15日 09:00",
        "- 来源: 村工作需要",
        "[去任务大厅领办](https://dangjian.example.cn/hall#task-T1)",
        "—— 党建积分",
    ]
)


def test_a_new_task_reaches_a_wecom_group_as_markdown_with_a_link_to_claim_it(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    with notifier(app, robot) as started:
        app.handle(support.issue("T1", slots=2))
        run_once(started)
    [received] = fake.received("paixilv-wecom")
    assert {"msgtype": "markdown", "markdown": {"content": ISSUED}} == received.body
    assert received.accepted


def test_a_new_task_reaches_a_signed_dingtalk_robot_with_title_and_text(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = dingtalk(fake)
    with notifier(app, robot) as started:
        app.handle(support.issue("T1", slots=2))
        run_once(started)
    [received] = fake.received("paixilv-dingtalk")
    expected = {
        "msgtype": "markdown",
        "markdown": {"title": "新任务: 环境卫生整治任务", "text": ISSUED},
    }
    assert expected == received.body
    assert {"access_token", "timestamp", "sign"} == set(received.query)
    assert "ok" == received.answer  # the server checked the signature


def test_a_dingtalk_robot_signed_with_the_wrong_secret_is_refused_once_and_not_retried(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = dingtalk(fake)
    fake.secrets[robot.name] = "SEC-another-secret"
    with notifier(app, robot) as started:
        app.handle(support.issue("T1"))
        run_once(started)
    assert ["errcode:310000"] == [r.answer for r in fake.received()]
    [failed] = deliveries(app, DeliveryStatus.FAILED)
    assert (1, "errcode 310000: no") == (failed.attempts, failed.detail)


def test_a_robot_set_to_text_gets_plain_text_with_the_link_written_out(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake, msgtype="text")
    with notifier(app, robot) as started:
        app.handle(support.issue("T1", slots=2))
        run_once(started)
    [received] = fake.received()
    assert "text" == received.body["msgtype"]
    lines = received.body["text"]["content"].splitlines()
    assert "【新任务: 环境卫生整治任务】" == lines[0]
    assert "去任务大厅领办: https://dangjian.example.cn/hall#task-T1" == lines[-2]


def test_the_claim_that_takes_the_last_slot_tells_the_group_the_task_is_full(
    app: Dangjian, fake: FakeRobots
) -> None:
    with notifier(app, wecom(fake)) as started:
        app.handle(support.issue("T1", slots=2))
        app.handle(ClaimTask(TaskId("T1"), support.LANZHI, support.later(1)))
        app.handle(ClaimTask(TaskId("T1"), support.XINGCAN, support.later(2)))
        run_once(started)
    full = "\n".join(
        [
            "### 名额已满: 环境卫生整治任务",
            "派溪吕村党支部",
            "- 2 个名额已全部领办",
            "- 领办人: 吕兰枝、吕星灿",
            "[查看任务](https://dangjian.example.cn/hall#task-T1)",
            "—— 党建积分",
        ]
    )
    assert [ISSUED, full] == [r.content for r in fake.received()]


def test_each_group_hears_only_of_its_own_units_events(app: Dangjian, fake: FakeRobots) -> None:
    app.handle(FoundBranch(BranchId("xiaxu"), "下徐村党支部", 10, support.TOWN, support.FOUNDED))
    paixilv, xiaxu = wecom(fake), wecom(fake, "xiaxu-wecom", units=["xiaxu"])
    with notifier(app, paixilv, xiaxu) as started:
        app.handle(support.issue("T1"))
        run_once(started)
    assert (1, 0) == (len(fake.received(paixilv.name)), len(fake.received(xiaxu.name)))


def test_content_over_the_platforms_limit_is_cut_within_it() -> None:
    long = "名" * 2000  # 6000 bytes

    kept = cut(long, 4096)

    assert len(kept.encode()) <= 4096
    assert kept.endswith("名…")
    assert "短消息" == cut("短消息", 4096)
