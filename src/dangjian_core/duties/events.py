"""职责事件 — duties assigned and ended, patrols and visits logged, problems found on them
reported and turned into a task or a work item."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, PersonId


class DutyKind(StrEnum):
    """职责类别 — what a duty looks after."""

    ROAD = "road"  # 路长制: a main road
    WORKSHOP = "workshop"  # 红色车间: a red workshop in an enterprise
    OTHER = "other"  # 其他对象

    @property
    def zh(self) -> str:
        """The kind's Chinese name."""
        return {"road": "路长", "workshop": "红色车间指导", "other": "其他职责"}[self.value]


class CadenceUnit(StrEnum):
    """周期单位 — a duty's cadence is counted in days or in calendar months."""

    DAY = "day"  # 天: at least once in every N days
    MONTH = "month"  # 月: at least once in every N calendar months

    @property
    def zh(self) -> str:
        """The unit's Chinese name."""
        return {"day": "天", "month": "个月"}[self.value]


class FollowKind(StrEnum):
    """问题转办 — what a problem found on patrol becomes."""

    TASK = "task"  # 任务: a task of the duty's unit, for members to claim
    WORK = "work"  # 中心工作: a work item of the duty's unit

    @property
    def zh(self) -> str:
        """The kind's Chinese name."""
        return {"task": "任务", "work": "中心工作"}[self.value]


@frozen
class ProblemFollow:
    """问题转办事项 — the task or work item a problem becomes: its id, title and deadline;
    a task's points and slots, a work item's measure and target."""

    kind: FollowKind
    follow_id: str
    title: str
    deadline: datetime
    points: int = 1
    slots: int = 1
    measure: str = "项"
    target: int = 1


@frozen
class DutyAssigned:
    """职责已落实 — a person looks after an object (a road, a red workshop) for a unit,
    at least once in every ``every`` days or months from ``since``."""

    TITLE: ClassVar[str] = "职责已落实"

    duty_id: str
    unit_id: BranchId
    kind: DutyKind
    object_name: str
    details: str
    holder_id: PersonId
    every: int
    cadence: CadenceUnit
    since: date


@frozen
class DutyHandedOver:
    """职责已交接 — another person holds the duty from a day on; the cadence goes on."""

    TITLE: ClassVar[str] = "职责已交接"

    duty_id: str
    holder_id: PersonId
    on: date


@frozen
class DutyEnded:
    """职责已终止 — the duty ends on a day (the road handed to the town, say); no gap is
    counted after it."""

    TITLE: ClassVar[str] = "职责已终止"

    duty_id: str
    on: date
    reason: str


@frozen
class PatrolLogged:
    """巡查已记录 — the holder patrolled or visited the object on a day, with a note and
    evidence (photo or file references)."""

    TITLE: ClassVar[str] = "巡查已记录"

    duty_id: str
    holder_id: PersonId
    on: date
    note: str
    evidence: tuple[str, ...]


@frozen
class ProblemReported:
    """问题已上报 — a problem found on patrol, perhaps turned at once into a task or a work
    item (``follow``) of the duty's unit."""

    TITLE: ClassVar[str] = "问题已上报"

    duty_id: str
    unit_id: BranchId
    problem_id: str
    on: date
    description: str
    follow: ProblemFollow | None


@frozen
class ProblemRouted:
    """问题已转办 — a problem reported earlier became a task or a work item."""

    TITLE: ClassVar[str] = "问题已转办"

    duty_id: str
    unit_id: BranchId
    problem_id: str
    follow: ProblemFollow


DutyEvent = (
    DutyAssigned | DutyHandedOver | DutyEnded | PatrolLogged | ProblemReported | ProblemRouted
)

#: The stable stored name of every duty event: a storage contract.
EVENTS: Mapping[str, type[DutyEvent]] = {
    "DutyAssigned": DutyAssigned,
    "DutyHandedOver": DutyHandedOver,
    "DutyEnded": DutyEnded,
    "PatrolLogged": PatrolLogged,
    "ProblemReported": ProblemReported,
    "ProblemRouted": ProblemRouted,
}
