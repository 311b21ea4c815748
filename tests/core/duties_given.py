"""Duties in 象珠镇 (tests.core.org), standing in for 城西新区 (seed 004): 汪书记, the town
committee's secretary, makes 陈天云 the road chief of 西周路 (about 400 m, 17 enterprises)
from April, at least once every three days; 丁组委 visits a red workshop monthly."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from dangjian_core.duties.commands import AssignDuty, LogPatrol, ReportProblem, RouteProblem
from dangjian_core.duties.events import CadenceUnit, DutyKind, FollowKind, ProblemFollow
from dangjian_core.kernel.ids import BranchId
from dangjian_core.kernel.time import LOCAL
from tests.core.given import Village
from tests.core.org import CHEN, DING, TOWN, WANG, task_town

ROAD = "road-xizhou"  # 西周路
WORKSHOP = "ws-xinduo"  # 新多集团红色车间
APRIL = date(2018, 4, 1)


def at(day: date, hour: int = 18) -> datetime:
    """An instant on ``day`` in local time."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=LOCAL)


def road(actor: str = WANG, **options: Any) -> AssignDuty:
    """西周路: 陈天云, at least once every three days from 1 April."""
    fields: dict[str, Any] = {
        "duty_id": ROAD,
        "unit_id": BranchId(TOWN),
        "kind": DutyKind.ROAD,
        "object_name": "西周路",
        "details": "长约400米, 企业17家",
        "holder_id": CHEN,
        "every": 3,
        "cadence": CadenceUnit.DAY,
        "since": APRIL,
        "actor_id": actor,
        "at": at(APRIL, 9),
    }
    return AssignDuty(**{**fields, **options})


def workshop(actor: str = WANG) -> AssignDuty:
    """新多集团红色车间: 丁组委 visits monthly from April."""
    return AssignDuty(
        WORKSHOP,
        BranchId(TOWN),
        DutyKind.WORKSHOP,
        "新多集团红色车间",
        "车间党员十几名",
        DING,
        1,
        CadenceUnit.MONTH,
        APRIL,
        actor,
        at(APRIL, 9),
    )


def patrol(day: date, actor: str = CHEN, duty: str = ROAD) -> LogPatrol:
    """A patrol on ``day``, logged that evening."""
    return LogPatrol(duty, day, "路面整洁", actor, at(day), ("photo-1.jpg",))


def task_follow(task_id: str = "T-road-1") -> ProblemFollow:
    """A task of two points for the problem, due in a week."""
    return ProblemFollow(FollowKind.TASK, task_id, "清理西周路违规堆放", at(APRIL + timedelta(10)))


def as_fields(follow: ProblemFollow | None) -> dict[str, Any]:
    """A follow-up as the fields of a problem command (none: no follow-up)."""
    if follow is None:
        return {}
    return {
        "to": follow.kind,
        "follow_id": follow.follow_id,
        "title": follow.title,
        "deadline": follow.deadline,
        "points": follow.points,
        "slots": follow.slots,
        "measure": follow.measure,
        "target": follow.target,
    }


def problem(actor: str = WANG, follow: ProblemFollow | None = None) -> ReportProblem:
    """A problem found on the 5 April patrol, turned at once into ``follow`` if given."""
    day = APRIL + timedelta(days=4)
    return ReportProblem(ROAD, "P1", day, "路边违规堆放建材", actor, at(day), **as_fields(follow))


def route(problem_id: str = "P1", task_id: str = "T-road-1", actor: str = WANG) -> RouteProblem:
    """Turn a reported problem into the task :func:`task_follow` describes, on 6 April."""
    fields = as_fields(task_follow(task_id))
    return RouteProblem(
        ROAD, problem_id, actor_id=actor, at=at(APRIL + timedelta(days=5)), **fields
    )


def roads() -> Village:
    """The task town with 西周路 assigned to 陈天云."""
    village = task_town()
    village.handle(road())
    return village
