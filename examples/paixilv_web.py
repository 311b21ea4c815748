"""派溪吕村上网 — the demo village's year, ready for its own pages (``make serve``).

Builds ``paixilv-demo.db`` with the year's replay (:mod:`paixilv_points_year`) when it is
not there yet, then, at the server's time and as the village's own people would:

- the branch secretary invites five of them and each sets a password (演示密码, printed
  below — a demo store only: a real village hands out invitation cards instead);
- the organizing member publishes today's tasks in the task hall, unless today's are
  already there (running it again changes nothing).

Run: ``make serve`` (this, then ``dangjian serve``), or
``python examples/paixilv_web.py [DB_PATH]``.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

import paixilv_points_year as year

from adapters.app import Dangjian, open_app
from adapters.identity import Identity
from dangjian_core.tasks.commands import IssueTask
from dangjian_core.tasks.events import Audience, SourceKind

#: The demo people's password — printed, because this store is a demonstration.
DEMO_PASSWORD = "paixilv-2021"
#: Who gets an account, and what they do on the pages.
DEMO_PEOPLE = {
    year.LANZHI: "吕兰枝 · 入党积极分子，领任务、交任务、看积分",
    "lv-xiaofeng": "吕晓峰 · 入党积极分子，和吕兰枝抢名额",
    "lv-guoqing": "吕国庆 · 志愿者",
    year.ORGANIZER: "吕伟民 · 组织委员，发布任务、发邀请",
    year.LIAISON: "胡文渊 · 联村干部，审核完成情况",
}
#: Today's tasks: (category, title, points, slots, days to do it).
TODAY = (
    ("环境卫生整治", "村口垃圾清运", 5, 3, 3),
    ("日常工作巡查", "河塘安全巡查", 4, 2, 2),
    ("美丽乡村建设", "文化礼堂布置", 6, 4, 7),
)


def open_accounts(app: Dangjian) -> None:
    """Each demo person's account, invited by the secretary and opened with the password."""
    door = Identity(app)
    for person in DEMO_PEOPLE:
        account = door.account(person)
        if account is not None and account.open:
            continue
        issued = door.invite(year.SECRETARY, person, command_id=f"demo-invite-{person}")
        door.accept(issued.code, DEMO_PASSWORD)


def publish_today(app: Dangjian) -> int:
    """Today's tasks, once a day (the command ids name the day); how many are new."""
    now = app.now()
    day = f"{now:%Y%m%d}"
    new = 0
    for number, (category, title, points, slots, days) in enumerate(TODAY, start=1):
        outcome = app.submit(
            IssueTask,
            command_id=f"demo-task-{day}-{number}",
            task_id=f"W{day}{number}",
            branch_id=year.BRANCH,
            title=title,
            category=category,
            points=points,
            slots=slots,
            deadline=_deadline(now, days),
            audiences=(Audience.ACTIVISTS, Audience.VOLUNTEERS),
            source_kind=SourceKind.VILLAGE,
            source_reference="",
            actor_id=year.ORGANIZER,
        )
        new += outcome.changed and not outcome.replayed
    return new


def _deadline(now: datetime, days: int) -> datetime:
    return (now + timedelta(days=days)).replace(hour=18, minute=0, second=0, microsecond=0)


def main() -> int:
    """Build the store if needed, open the accounts, publish today's tasks, say how to log in."""
    default = Path(os.environ.get("DANGJIAN_EXAMPLE_DIR", ".")) / "paixilv-demo.db"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if not path.exists():
        sys.argv[1:] = [str(path)]
        year.main()
    with open_app(f"sqlite:///{path}", create=False) as app:
        open_accounts(app)
        new = publish_today(app)
    print(f"演示村 {path}: 今日新发布任务 {new} 个")
    print(f"演示账号(密码均为 {DEMO_PASSWORD}):")
    for person, what in DEMO_PEOPLE.items():
        print(f"  {person:<12} {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
