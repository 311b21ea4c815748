"""把 dangjian 当作库来用 — another service using the library, as docs/library.md shows.

On a temporary SQLite file: found 派溪吕村党支部, publish a task, let people race for its
slots, review, then read the points wall and an explanation, follow the event feed like a
group-chat notifier would, and check that the read models replay from the log.

Run: ``python examples/use_as_library.py``. The store goes in a fresh temporary directory
(inside ``$DANGJIAN_EXAMPLE_DIR`` if set) and is deleted afterwards.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.storage.errors import StorageError
from dangjian_core.kernel.errors import DomainError, build
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    ClaimTask,
    IssueTask,
    SubmitCompletion,
)
from dangjian_core.tasks.events import Audience, SourceKind, TaskIssued
from dangjian_core.units.commands import AppointRole, FoundBranch
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8))  # 北京时间
T0 = datetime(2021, 10, 8, 9, 0, tzinfo=CST)
BRANCH, CYCLE = BranchId("paixilv"), "2021-10"
TOWN = "xiangzhu-dangwei"  # 象珠镇党委, the branch's superior
SECRETARY, ORGANIZER, LIAISON = (
    PersonId("lv-jianguo"),
    PersonId("lv-weimin"),
    PersonId("hu-wenyuan"),
)
LANZHI, XIAOFENG, GUOQING = PersonId("lv-lanzhi"), PersonId("lv-xiaofeng"), PersonId("lv-guoqing")
T001 = TaskId("T001")
PEOPLE = {
    SECRETARY: ("吕建国", PartyStatus.FULL),
    ORGANIZER: ("吕伟民", PartyStatus.FULL),
    LIAISON: ("胡文渊", PartyStatus.FULL),
    LANZHI: ("吕兰枝", PartyStatus.ACTIVIST),
    XIAOFENG: ("吕晓峰", PartyStatus.ACTIVIST),
    GUOQING: ("吕国庆", PartyStatus.VILLAGER),
}


def at(hours: float) -> datetime:
    """A time ``hours`` after T0: the core never reads the clock, we tell it the time."""
    return T0 + timedelta(hours=hours)


class TaskNotifier:
    """群通知 — follows the event feed and announces every new task once."""

    def __init__(self, app: Dangjian, after: int = 0) -> None:
        self.app = app
        self.after = after  # a real service stores this position durably

    def poll(self) -> int:
        """Announce the tasks issued since the last poll; returns how many."""
        announced = 0
        for recorded in self.app.follow(self.after, limit=500):
            if isinstance(recorded.event, TaskIssued):
                self.announce(recorded)
                announced += 1
            self.after = recorded.position  # positions may have gaps: never add 1
        return announced

    @staticmethod
    def announce(recorded: Recorded[Any]) -> None:
        """What the group chat would see."""
        task: TaskIssued = recorded.event
        print(
            f"  【新任务】{task.title}({task.category}):{task.points} 分,"
            f"{task.slots} 个名额,{task.deadline:%m月%d日%H:%M} 截止。发布人 {recorded.actor_id}"
        )


def setup_branch(app: Dangjian) -> None:
    """The town committee founds the branch and registers people; the committee is appointed."""
    day_before = at(-24)
    app.handle(FoundBranch(BRANCH, "派溪吕村党支部", 10, TOWN, day_before))
    for pid, (name, status) in PEOPLE.items():
        app.handle(RegisterPerson(pid, BRANCH, name, status, date(2020, 9, 1), TOWN, day_before))
    app.handle(AppointRole(BRANCH, SECRETARY, Role.SECRETARY, TOWN, day_before))
    app.handle(AppointRole(BRANCH, ORGANIZER, Role.ORGANIZING, TOWN, day_before))
    app.handle(AppointRole(BRANCH, LIAISON, Role.LIAISON, TOWN, day_before))


def try_handle(app: Dangjian, command: Any, **kwargs: Any) -> None:
    """Handle a command and say what happened, refusals included."""
    try:
        outcome = app.handle(command, **kwargs)
    except StorageError as error:  # the store failed (busy, corrupt, …): nothing was written
        print(f"  存储故障 [{error.code}]:{error.zh}")
        raise
    except DomainError as refusal:
        print(f"  拒绝 [{refusal.code}]:{refusal.zh}")
        return
    if outcome.replayed:
        print(f"  重复的命令编号:原样答复,未再执行(事件 {len(outcome.events)} 条)")
    elif not outcome.changed:
        print("  无变化:结果早已成立")
    else:
        names = "、".join(type(r.event).__name__ for r in outcome.events)
        print(f"  已记录:{names}(位置 {outcome.events[-1].position})")


def race_for_slots(app: Dangjian) -> None:
    """Two slots, three claimers in the same minute: the third is told there is no slot."""
    print("\n== 发布任务,抢领名额 ==")
    try_handle(
        app,
        IssueTask(
            T001,
            BRANCH,
            "镇卫生院核酸检测点秩序维护",
            "核酸检测点秩序维护",
            6,
            2,
            at(24),
            (Audience.ACTIVISTS, Audience.VOLUNTEERS),
            SourceKind.UPPER,
            "镇防控办〔2021〕通知",
            ORGANIZER,
            at(0),
        ),
    )
    for who in (LANZHI, XIAOFENG, GUOQING):
        print(f"- {PEOPLE[who][0]} 领办:")
        try_handle(app, ClaimTask(T001, who, at(0.01)), command_id=f"wechat-{who}-T001")
    print("- 吕兰枝的手机网络抖动,同一条消息又发了一次:")
    try_handle(app, ClaimTask(T001, LANZHI, at(0.01)), command_id=f"wechat-{LANZHI}-T001")


def untrusted_input(app: Dangjian) -> None:
    """Fields from a web form: build() turns shape errors into InvalidCommand."""
    print("\n== 不可信输入 ==")
    form = {"task_id": "T 001", "actor_id": GUOQING, "at": at(1)}
    try:
        command = build(ClaimTask, **form)
    except DomainError as refusal:
        print(f"  拒绝 [{refusal.code}]:{refusal.zh}")
    else:
        try_handle(app, command)


def review(app: Dangjian) -> None:
    """Submit with evidence; nobody reviews their own claim; the liaison cadre approves."""
    print("\n== 提交与审核 ==")
    for who in (LANZHI, XIAOFENG):
        print(f"- {PEOPLE[who][0]} 提交完成情况:")
        try_handle(app, SubmitCompletion(T001, "已完成,附现场照片", (f"{who}.jpg",), who, at(5)))
    print("- 吕晓峰想审核自己的领办:")
    try_handle(app, ApproveCompletion(T001, XIAOFENG, None, "", XIAOFENG, at(6)))
    print("- 胡文渊审核通过吕兰枝:")
    try_handle(app, ApproveCompletion(T001, LANZHI, None, "", LIAISON, at(6)))
    print("- 胡文渊核减吕晓峰的分值(须说明理由):")
    try_handle(app, ApproveCompletion(T001, XIAOFENG, 4, "只值守了半天", LIAISON, at(6)))
    print("- 同一审核再提交一次(新命令编号):")
    try_handle(app, ApproveCompletion(T001, LANZHI, None, "", LIAISON, at(7)))


def read_models(app: Dangjian) -> None:
    """The queries: wall, explanation, task, trail."""
    print("\n== 积分墙 ==")
    for entry in app.queries.wall(BRANCH, CYCLE, statuses=("activist", "villager")):
        s = entry.standing
        note = f"  ({entry.separated_by})" if entry.separated_by else ""
        print(f"  第{entry.rank}名 {s.name} {s.total} 分{note}")
    ex = app.queries.explain(LANZHI, CYCLE)
    print(f"\n== {ex.name} 的积分说明 ==")
    for line in ex.lines:
        print(f"  #{line.position} {line.at[:16]} {line.actor_id} {line.category} {line.delta:+d}")
    print(f"  合计 {ex.total} 分,{'与明细一致' if ex.consistent else '与明细不一致!'}")
    task = app.queries.task(T001)
    print(f"\n== 任务 T001:名额 {task.task['taken']}/{task.task['slots']} ==")
    for claim in task.claims:
        print(f"  {claim['person_id']}: {claim['status']} {claim['awarded']} 分")
    print("\n== 审计轨迹 task:T001 ==")
    for row in app.queries.trail("task:T001"):
        print(f"  #{row['position']} {row['actor_id']} {row['summary']}")


def main() -> int:
    """Run the whole tour on a temporary SQLite file."""
    parent = os.environ.get("DANGJIAN_EXAMPLE_DIR")
    if parent:
        Path(parent).mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="dangjian-lib-", dir=parent) as scratch,
        open_app(f"sqlite:///{Path(scratch) / 'dangjian.db'}") as app,
    ):
        print(f"事件库:{app.store.url}")
        setup_branch(app)
        notifier = TaskNotifier(app)
        race_for_slots(app)
        print("\n== 群通知(跟随事件流)==")
        print(f"  本次通知 {notifier.poll()} 条新任务;下次从位置 {notifier.after} 之后读")
        untrusted_input(app)
        review(app)
        read_models(app)
        report = replay_check(app.store)
        verdict = "一致" if report.ok else f"不一致 {len(report.differences)} 处"
        print(f"\n== 重放核对 ==\n  重放 {report.events} 个事件,读模型与现网{verdict}")
        print(f"  再次通知:{notifier.poll()} 条新任务")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
