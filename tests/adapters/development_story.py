"""The 派溪吕村 development story through the application: points earned in 2021-10, the
quota set from above, the cycle closed, the list proposed, posted, objected to, amended,
posted again and confirmed; members commended and flagged for training."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from adapters.app import Dangjian
from dangjian_core.development.commands import (
    CommendMembers,
    ConfirmList,
    FileObjection,
    FlagForTraining,
    PostNotice,
    ProposeList,
    UpholdObjection,
)
from dangjian_core.evaluation.commands import CloseCycle, SetQuota
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from dangjian_core.tasks.events import Audience
from tests import support
from tests.calendars import declare_official
from tests.support import BRANCH, CST, LANZHI, MEMBER, ORGANIZER, REVIEWER, SECRETARY, TOWN, XINGCAN

CYCLE = "2021-10"
CLOSED = datetime(2022, 10, 8, 9, 0, tzinfo=CST)


def on(day: date, hour: int = 10) -> datetime:
    """A time on ``day``."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=CST)


def earn(
    app: Dangjian, task_id: str, audiences: tuple[Audience, ...], awards: dict[str, int]
) -> None:
    """A task issued at T0; each person in ``awards`` claims, submits and is approved."""
    app.handle(support.issue(task_id, slots=len(awards), points=5, audiences=audiences))
    for i, (person, points) in enumerate(awards.items()):
        at = support.later(1 + i)
        app.handle(ClaimTask(TaskId(task_id), PersonId(person), at))
        app.handle(SubmitCompletion(TaskId(task_id), "已完成", (), PersonId(person), at))
        reason = "" if points == 5 else "部分完成"
        app.handle(
            ApproveCompletion(
                TaskId(task_id), PersonId(person), points, reason, REVIEWER, at + timedelta(hours=1)
            )
        )


def closed(app: Dangjian, quota: int = 1) -> None:
    """吕兰枝 5, 吕星灿 3 (activists); 吕宝有 2 (member); quota set; the cycle closed."""
    earn(app, "T1", (Audience.ACTIVISTS,), {LANZHI: 5, XINGCAN: 3})
    earn(app, "T2", (Audience.MEMBERS,), {MEMBER: 2, SECRETARY: 5})
    app.handle(SetQuota(BRANCH, CYCLE, quota, TOWN, support.later(48)))
    app.handle(CloseCycle(BRANCH, CYCLE, SECRETARY, CLOSED))
    declare_official(app, 2022, BRANCH, SECRETARY, CLOSED)


def dev(command_type: type[Any], actor: str, at: datetime, **fields: Any) -> Any:
    """A development command for the seed branch and cycle."""
    return command_type(unit_id=BranchId(BRANCH), cycle=CYCLE, actor_id=actor, at=at, **fields)


def propose() -> ProposeList:
    return dev(ProposeList, ORGANIZER, CLOSED + timedelta(hours=1))


def post(day: date = date(2022, 10, 10)) -> PostNotice:
    return dev(PostNotice, ORGANIZER, on(day, 8), posted_on=day)


def objection(about: str = LANZHI) -> FileObjection:
    return dev(
        FileObjection,
        "public",
        on(date(2022, 10, 11)),
        objection_id="O1",
        person_id=PersonId(about),
        text="曾参与赌博",
        filer_name="吕大伯",
        contact="13800000000",
    )


def uphold() -> UpholdObjection:
    return dev(
        UpholdObjection, SECRETARY, on(date(2022, 10, 12)), objection_id="O1", finding="经调查属实"
    )


def confirm(day: date = date(2022, 10, 24)) -> ConfirmList:
    return dev(ConfirmList, SECRETARY, on(day))


def commend() -> CommendMembers:
    return dev(CommendMembers, SECRETARY, on(date(2022, 10, 10)), top=1)


def flag() -> FlagForTraining:
    return dev(
        FlagForTraining,
        ORGANIZER,
        on(date(2022, 10, 10)),
        threshold=3,
        task_id=TaskId("train-2021"),
        deadline=on(date(2022, 12, 31)),
    )
