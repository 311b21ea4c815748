"""候补递补 reaches the group at once: the freed slot's new holder is named, with the slots
and how many still wait."""

from __future__ import annotations

from adapters.app import Dangjian
from tests.core.tasks_fair_given import claim, issue_fair, withdraw
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import notifier, run_once, wecom
from tests.support import LANZHI, VOLUNTEER, XINGCAN


def test_a_withdrawal_tells_the_group_who_was_promoted_from_the_waitlist(
    app: Dangjian, fake: FakeRobots
) -> None:
    with notifier(app, wecom(fake)) as started:
        app.handle(issue_fair(slots=1))
        app.handle(claim(LANZHI, hours=1))
        app.handle(claim(XINGCAN, hours=2))
        app.handle(claim(VOLUNTEER, hours=3))
        app.handle(withdraw(LANZHI, hours=4))
        run_once(started)
    promoted = "\n".join(
        [
            "### 候补递补: 环境卫生整治任务",
            "派溪吕村党支部",
            "- 吕星灿 已由候补递补领办, 请在截止前完成并提交",
            "- 名额 1/1, 仍在候补 1 人",
            "[查看任务](https://dangjian.example.cn/hall#task-T1)",
            "—— 党建积分",
        ]
    )
    assert promoted == fake.received()[-1].content
    assert ["新任务", "名额已满", "候补递补"] == [
        r.content.splitlines()[0].removeprefix("### ").split(":")[0] for r in fake.received()
    ]
