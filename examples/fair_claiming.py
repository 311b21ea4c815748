"""公平领办 — 派溪吕村 stops "拼手速" for one popular task (seed 000; issue 20).

The organizing member 吕伟民 publishes 文化礼堂布置 (4 slots, 6 points) with a 30-minute
draw window and a waitlist. 24 activists and volunteers enter during the window — the one
who "刚看到微信" twenty minutes late too. At the window's end the slots are drawn with the
log's head at a position fixed in advance as the seed (weighted towards those with fewer
approved tasks this cycle); everyone else gets a waitlist place. A winner withdraws and the
first on the waitlist is promoted at once; the inspector recomputes the draw from the log
(``dangjian audit draw``); at the close, a winner who neither submitted nor withdrew is
recorded as a no-show.

    .venv/bin/python examples/fair_claiming.py [store.db]

The server's clock is simulated (``open_app(..., clock=…)``) so that the story's half hour
passes in a second; every command is stamped by it, as the pages stamp real claims.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone

from adapters.app import Dangjian, open_app
from adapters.app.handling import Outcome
from adapters.audit.draw_check import check_draw
from adapters.audit.draw_seed import hold_draw
from adapters.cli.messages import sentence
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    ClaimTask,
    CloseTask,
    IssueTask,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.commands import AppointRole, FoundBranch
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8), "CST")
T0 = datetime(2021, 10, 8, 9, 0, tzinfo=CST)
BRANCH = BranchId("paixilv")
TOWN, ORGANIZER, REVIEWER = "town-xiangzhu", PersonId("lv-weimin"), PersonId("hu-wenyuan")
SURNAMES = "吕吕吕吕胡陈王李"
GIVEN = "兰枝星灿晓峰国庆红梅志远海燕建军秀英德明春花永福小芳金生"


class Clock:
    """The server's clock, moved on by the story."""

    def __init__(self) -> None:
        self.now = T0 - timedelta(days=1)

    def __call__(self) -> datetime:
        return self.now


def village(app: Dangjian, clock: Clock) -> list[PersonId]:
    """The branch, its organizing member and reviewer, and 24 villagers."""
    at = clock.now
    app.handle(FoundBranch(BRANCH, "派溪吕村党支部", 10, TOWN, at))
    people = [PersonId(f"p{i:02d}") for i in range(1, 25)]
    for n, pid in enumerate([ORGANIZER, REVIEWER, *people]):
        name = "吕伟民" if pid == ORGANIZER else "胡文渊" if pid == REVIEWER else (
            SURNAMES[n % len(SURNAMES)] + GIVEN[(2 * n) % len(GIVEN): (2 * n) % len(GIVEN) + 2]
        )  # fmt: skip
        status = PartyStatus.FULL if pid in (ORGANIZER, REVIEWER) else (
            PartyStatus.ACTIVIST if n % 2 else PartyStatus.VILLAGER
        )  # fmt: skip
        app.handle(RegisterPerson(pid, BRANCH, name, status, date(2020, 9, 1), TOWN, at))
    app.handle(AppointRole(BRANCH, ORGANIZER, Role.ORGANIZING, TOWN, at))
    app.handle(AppointRole(BRANCH, REVIEWER, Role.REVIEWER, TOWN, at))
    return people


def earlier_task(app: Dangjian, clock: Clock, people: list[PersonId]) -> None:
    """A task the first six did last week: the weighted draw favours the others a little."""
    clock.now = T0 - timedelta(hours=20)
    app.handle(issue("T-old", slots=6, window=0, at=clock.now))
    for pid in people[:6]:
        clock.now += timedelta(minutes=1)
        app.handle(ClaimTask(TaskId("T-old"), pid, clock.now))
        app.handle(SubmitCompletion(TaskId("T-old"), "已完成", (), pid, clock.now))
        app.handle(ApproveCompletion(TaskId("T-old"), pid, 6, "", REVIEWER, clock.now))


def issue(task_id: str, *, slots: int, window: int, at: datetime) -> IssueTask:
    """A village task for activists and volunteers, due in a week."""
    return IssueTask(
        TaskId(task_id), BRANCH, "文化礼堂布置", "美丽乡村建设", 6, slots,
        at + timedelta(days=7), (Audience.ACTIVISTS, Audience.VOLUNTEERS), SourceKind.VILLAGE,
        "", ORGANIZER, at, draw_minutes=window, draw_weighted=True, waitlist=True,
    )  # fmt: skip


def tell(outcomes: Outcome | list[Outcome]) -> None:
    """Print what was recorded, one sentence per event."""
    for outcome in outcomes if isinstance(outcomes, list) else [outcomes]:
        for recorded in outcome.events:
            print("  " + sentence(recorded.event))


def main() -> int:
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    clock = Clock()
    with open_app(url, clock=clock) as app:
        people = village(app, clock)
        earlier_task(app, clock, people)
        clock.now = T0
        print("吕伟民发布任务, 30 分钟内报名, 结束时抽签:")
        tell(app.handle(issue("T1", slots=4, window=30, at=T0)))
        for n, pid in enumerate(people):
            clock.now = T0 + timedelta(minutes=0.8 * n if n < 23 else 20)  # one saw WeChat late
            app.handle(ClaimTask(TaskId("T1"), pid, clock.now))
        print(f"窗口内报名 {len(people)} 人 (最后一位 20 分钟后才看到微信, 也在其中)")
        clock.now = T0 + timedelta(minutes=31)
        print("窗口结束, 抽签:")
        tell(hold_draw(app, "T1", ORGANIZER))
        checked = check_draw(app.store, "T1")
        print(
            f"督查重算抽签: {'一致' if checked.matches else '不一致'}; 种子位置 {checked.seed_position}"
        )
        winners = list(checked.recomputed.winners)
        clock.now += timedelta(hours=2)
        print(f"{winners[0]} 撤回, 候补第 1 位立即递补:")
        tell(app.handle(WithdrawClaim(TaskId("T1"), PersonId(winners[0]), clock.now)))
        for winner in winners[1:3]:
            app.handle(
                SubmitCompletion(TaskId("T1"), "礼堂布置好了", (), PersonId(winner), clock.now)
            )
        clock.now = T0 + timedelta(days=7, hours=1)
        print("截止后结束任务, 既没提交也没撤回的记为爽约:")
        tell(app.handle(CloseTask(TaskId("T1"), ORGANIZER, clock.now)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
