"""派溪吕村的一年 — a year of the points system in 派溪吕村, replayed into a SQLite file.

From the seed article: the village started its points system in October (以一年为一个
周期); the organizing member publishes tasks in the group chat (核酸检测点秩序维护、日常
工作巡查、环境卫生整治 …); activists and volunteers race to claim the slots ("干活也要拼
手速"); the liaison cadre 胡文渊 reviews; at the end of the year the scores are close and
吕兰枝 ranks first.

Run: ``make demo`` (or ``python examples/paixilv_points_year.py [DB_PATH]``). The store is
rebuilt from scratch on every run; explore it afterwards with the CLI, e.g.
``dangjian --store paixilv-demo.db wall paixilv``.
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from adapters.app import Dangjian, open_app
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.time import cycle_label
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import STATUS_NAMES, PartyStatus
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.points.queries import TIE_RULES
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.commands import AppointRole, FoundBranch
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8))
START = datetime(2021, 10, 8, 8, 0, tzinfo=CST)
BRANCH = "paixilv"
CYCLE = "2021-10"
TOWN = "xiangzhu-dangwei"  # 象珠镇党委
SECRETARY, ORGANIZER, LIAISON = "lv-jianguo", "lv-weimin", "hu-wenyuan"
LANZHI = "lv-lanzhi"
EDGE = 0.12  # how often 吕兰枝 is the very quickest, beyond her fair share
SEED = 7  # a fixed seed: the same year every run, close scores, 吕兰枝 first

CADRES = {
    SECRETARY: ("吕建国", PartyStatus.FULL),
    ORGANIZER: ("吕伟民", PartyStatus.FULL),
    LIAISON: ("胡文渊", PartyStatus.FULL),
    "lv-baoyou": ("吕宝有", PartyStatus.FULL),
}
ACTIVISTS = {
    LANZHI: "吕兰枝",
    "lv-xiaofeng": "吕晓峰",
    "lv-chunyan": "吕春燕",
    "lv-zhiqiang": "吕志强",
    "lv-lijuan": "吕丽娟",
    "lv-haibo": "吕海波",
    "lv-qiuhong": "吕秋红",
}
VOLUNTEERS = {
    "lv-guoqing": "吕国庆",
    "lv-meifang": "吕美芳",
    "lv-jianping": "吕建平",
    "lv-hongying": "吕红英",
    "lv-wenbin": "吕文斌",
}
# (category, title, points, slots, source)
TASK_KINDS = [
    ("核酸检测点秩序维护", "核酸检测点秩序维护", 6, 4, "镇防控办〔2021〕通知"),
    ("日常工作巡查", "村道及河塘日常巡查", 4, 3, ""),
    ("环境卫生整治", "人居环境卫生整治提升", 5, 5, "镇美丽乡村建设部署"),
    ("防疫物资发放", "向村民发放口罩", 3, 3, ""),
    ("美丽乡村建设", "美丽乡村庭院整治", 5, 4, "镇美丽乡村建设部署"),
]


class Story:
    """The year, told command by command, with a tally of what happened."""

    def __init__(self, app: Dangjian) -> None:
        self.app = app
        self.tally: Counter[str] = Counter()
        self.refusals: list[str] = []

    def do(self, command: Any) -> bool:
        """Handle a command; a refusal is part of the story, not a failure."""
        try:
            self.app.handle(command)
        except DomainError as refusal:
            self.tally[type(refusal).__name__] += 1
            self.refusals.append(refusal.zh)
            return False
        self.tally[type(command).__name__] += 1
        return True

    def in_time_order(self, commands: list[Any]) -> None:
        """Handle commands in the order of their times (a subject's history is recorded in
        time order; ties keep the order given)."""
        for command in sorted(commands, key=lambda command: command.at):
            self.do(command)


def found_branch(story: Story) -> None:
    """The town committee founds the branch, registers people and appoints the committee."""
    at = START - timedelta(days=7)
    story.do(FoundBranch(BRANCH, "派溪吕村党支部", 10, TOWN, at))
    for pid, (name, status) in CADRES.items():
        story.do(RegisterPerson(pid, BRANCH, name, status, date(1990, 7, 1), TOWN, at))
    for pid, name in ACTIVISTS.items():
        story.do(
            RegisterPerson(pid, BRANCH, name, PartyStatus.ACTIVIST, date(2020, 9, 1), TOWN, at)
        )
    for pid, name in VOLUNTEERS.items():
        story.do(
            RegisterPerson(pid, BRANCH, name, PartyStatus.VILLAGER, date(2021, 1, 1), TOWN, at)
        )
    story.do(AppointRole(BRANCH, SECRETARY, Role.SECRETARY, TOWN, at))
    story.do(AppointRole(BRANCH, ORGANIZER, Role.ORGANIZING, TOWN, at))
    story.do(AppointRole(BRANCH, LIAISON, Role.LIAISON, TOWN, at))


def claimers(rng: random.Random) -> list[str]:
    """Who reaches for the phone first: a random crowd, 吕兰枝 now and then the quickest."""
    crowd = list(ACTIVISTS) + list(VOLUNTEERS)
    rng.shuffle(crowd)
    if rng.random() < EDGE:
        crowd.remove(LANZHI)
        crowd.insert(0, LANZHI)
    return crowd[: rng.randint(4, 9)]


def run_week(story: Story, rng: random.Random, week: int) -> None:
    """One task a week: issue, race to claim, submit, review."""
    category, title, points, slots, reference = TASK_KINDS[week % len(TASK_KINDS)]
    issued = START + timedelta(weeks=week)
    task_id = f"T{week + 1:03d}"
    source = SourceKind.UPPER if reference else SourceKind.VILLAGE
    deadline = issued + timedelta(days=5)
    audiences = (Audience.ACTIVISTS, Audience.VOLUNTEERS)
    story.do(
        IssueTask(
            task_id,
            BRANCH,
            f"{title}(第{week + 1}周)",
            category,
            points,
            slots,
            deadline,
            audiences,
            source,
            reference,
            ORGANIZER,
            issued,
        )
    )
    claimed = []
    for i, pid in enumerate(claimers(rng)):
        if story.do(ClaimTask(task_id, pid, issued + timedelta(minutes=1, seconds=7 * i))):
            claimed.append(pid)
    story.in_time_order([c for pid in claimed for c in review(rng, task_id, pid, issued)])


def review(rng: random.Random, task_id: str, pid: str, issued: datetime) -> list[Any]:
    """Submit with evidence, then 胡文渊 reviews: most are approved in full."""
    done = issued + timedelta(days=rng.randint(1, 3), hours=rng.randint(1, 8))
    return [
        SubmitCompletion(task_id, "已完成,附现场照片", (f"{task_id}-{pid}.jpg",), pid, done),
        ApproveCompletion(task_id, pid, None, "", LIAISON, done + timedelta(hours=3)),
    ]


def special_cases(story: Story) -> None:
    """The year's exceptions: a withdrawal, a rejection and resubmission, a reduced award,
    a revocation after inspection, and a secretary's bonus."""
    issued = START + timedelta(weeks=50)
    deadline = issued + timedelta(days=10)
    both = (Audience.ACTIVISTS, Audience.VOLUNTEERS)
    scene: list[Any] = []
    day = issued + timedelta(days=2)
    scene.append(
        IssueTask(
            "T900",
            BRANCH,
            "村级河道清淤(年终攻坚)",
            "环境卫生整治",
            8,
            3,
            deadline,
            both,
            SourceKind.VILLAGE,
            "",
            ORGANIZER,
            issued,
        )
    )
    scene += [
        ClaimTask("T900", pid, issued + timedelta(seconds=30 + i))
        for i, pid in enumerate([LANZHI, "lv-xiaofeng", "lv-guoqing", "lv-chunyan"])
    ]
    scene.append(WithdrawClaim("T900", "lv-guoqing", issued + timedelta(hours=5)))
    scene.append(ClaimTask("T900", "lv-chunyan", issued + timedelta(hours=6)))
    scene.append(SubmitCompletion("T900", "清淤完成", ("T900-lz-1.jpg",), LANZHI, day))
    scene.append(
        RejectCompletion("T900", LANZHI, "照片不清晰,无法核实", LIAISON, day + timedelta(hours=2))
    )
    scene.append(
        SubmitCompletion(
            "T900", "清淤完成,补拍照片", ("T900-lz-2.jpg",), LANZHI, day + timedelta(hours=5)
        )
    )
    scene.append(ApproveCompletion("T900", LANZHI, None, "", LIAISON, day + timedelta(hours=6)))
    scene.append(SubmitCompletion("T900", "清淤完成", ("T900-xf.jpg",), "lv-xiaofeng", day))
    scene.append(
        ApproveCompletion(
            "T900", "lv-xiaofeng", 6, "只完成约四分之三河段", LIAISON, day + timedelta(hours=6)
        )
    )
    scene.append(SubmitCompletion("T900", "清淤完成", ("T900-cy.jpg",), "lv-chunyan", day))
    scene.append(
        ApproveCompletion("T900", "lv-chunyan", None, "", LIAISON, day + timedelta(hours=6))
    )
    scene.append(
        RevokePoints(
            "T900",
            "lv-chunyan",
            "督查发现现场未清理,完成情况不实",
            SECRETARY,
            day + timedelta(days=6),
        )
    )
    scene.append(
        AdjustPoints(
            "A001",
            BRANCH,
            "lv-haibo",
            3,
            "台风夜间主动协助转移群众",
            SECRETARY,
            day + timedelta(days=7),
            "奖励加分",
        )
    )
    story.in_time_order(scene)


def print_wall(console: Console, app: Dangjian) -> None:
    """The points wall (积分墙) of the year, activists and volunteers."""
    wall = app.queries.wall(BRANCH, CYCLE, ("activist", "villager"))
    table = Table(title=f"派溪吕村党支部 积分墙 {cycle_label(CYCLE)}")
    for header in ("名次", "姓名", "身份", "总分", "通过任务", "并列说明"):
        table.add_column(header)
    for entry in wall:
        s = entry.standing
        table.add_row(
            str(entry.rank),
            s.name,
            STATUS_NAMES[PartyStatus(s.status)],
            str(s.total),
            str(s.credits),
            entry.separated_by or "",
        )
    console.print(table)
    console.print("并列规则 tie-break: " + " > ".join(label for _, label in TIE_RULES))


def print_explanation(console: Console, app: Dangjian, person_id: str) -> None:
    """Every event behind one person's total."""
    ex = app.queries.explain(person_id, CYCLE)
    table = Table(title=f"{ex.name} 的积分说明 ({cycle_label(CYCLE)})")
    for header in ("序号", "时间", "操作人", "类别", "分值", "依据", "理由"):
        table.add_column(header)
    for line in ex.lines:
        table.add_row(
            str(line.position),
            line.at[:16],
            line.actor_id,
            line.category,
            f"{line.delta:+d}",
            line.ref,
            line.reason,
        )
    console.print(table)
    check = "一致" if ex.consistent else "不一致!"
    console.print(
        f"合计 total = {ex.total} 分,明细之和 {sum(line.delta for line in ex.lines)} 分 ({check})"
    )


def main() -> int:
    """Replay the year into a fresh SQLite file and print the wall and one explanation."""
    default = Path(os.environ.get("DANGJIAN_EXAMPLE_DIR", ".")) / "paixilv-demo.db"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    console = Console()
    with open_app(f"sqlite:///{path}") as app:
        story = Story(app)
        found_branch(story)
        rng = random.Random(SEED)
        for week in range(48):
            run_week(story, rng, week)
        special_cases(story)
        console.print(f"[bold]派溪吕村积分制 · 一年回放[/bold] → {path}")
        console.print(
            f"记录事件 {app.store.max_position()} 条;被拒绝的操作 {len(story.refusals)} 次,"
            f"例如:{story.refusals[0] if story.refusals else '无'}"
        )
        print_wall(console, app)
        print_explanation(console, app, LANZHI)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
