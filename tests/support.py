"""测试支撑 — a small 派溪吕村 to test against, for the pure core and for the application.

Times are China Standard Time. The cycle starts in October, as in the seed article.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from dangjian_core.tasks.commands import IssueTask
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.commands import AppointRole, FoundBranch
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from dangjian_core.units.state import Dated, RoleTerm, UnitState
from tests.facts import FixedFacts

CST = timezone(timedelta(hours=8), "CST")
T0 = datetime(2021, 10, 8, 9, 0, tzinfo=CST)
BRANCH = BranchId("paixilv")
TOWN = "town-xiangzhu"  # 象珠镇党委, the branch's superior
SECRETARY = PersonId("wang-sj")  # 支部书记
ORGANIZER = PersonId("lv-zw")  # 组织委员
REVIEWER = PersonId("hu-wy")  # 胡文渊, liaison cadre acting as reviewer
LANZHI = PersonId("lv-lanzhi")  # 吕兰枝, activist
XINGCAN = PersonId("lv-xingcan")  # activist
VOLUNTEER = PersonId("lv-zhiyuan")  # volunteer
MEMBER = PersonId("lv-baoyou")  # 吕宝有, full member

PEOPLE: dict[PersonId, tuple[str, PartyStatus]] = {
    SECRETARY: ("王书记", PartyStatus.FULL),
    ORGANIZER: ("吕组委", PartyStatus.FULL),
    REVIEWER: ("胡文渊", PartyStatus.FULL),
    LANZHI: ("吕兰枝", PartyStatus.ACTIVIST),
    XINGCAN: ("吕星灿", PartyStatus.ACTIVIST),
    VOLUNTEER: ("吕志愿", PartyStatus.VILLAGER),
    MEMBER: ("吕宝有", PartyStatus.FULL),
}
ROLES = {SECRETARY: Role.SECRETARY, ORGANIZER: Role.ORGANIZING, REVIEWER: Role.REVIEWER}
FOUNDED = T0 - timedelta(days=1)


def unit(
    unit_id: str,
    name: str,
    *,
    kind: UnitKind = UnitKind.BRANCH,
    parent: str | None = None,
    superior: str | None = None,
    month: int = 10,
    founded: datetime = FOUNDED,
    terms: tuple[RoleTerm, ...] = (),
) -> UnitState:
    """A unit founded at ``founded`` (the day before T0) as a plain state."""
    names, parents = (Dated(founded, name),), (Dated(founded, parent),)
    return UnitState(BranchId(unit_id), kind, month, superior, founded, names, parents, terms=terms)


def directory() -> FixedFacts:
    """The village as plain states, for pure decisions."""
    terms = tuple(RoleTerm(pid, role, FOUNDED) for pid, role in ROLES.items())
    branch = unit(BRANCH, "派溪吕村党支部", superior=TOWN, terms=terms)
    people = {
        pid: PersonState(pid, BRANCH, name, (StatusPeriod(status, date(2020, 9, 1)),))
        for pid, (name, status) in PEOPLE.items()
    }
    return FixedFacts({BRANCH: branch}, people)


def setup_commands() -> list[Any]:
    """The commands that build the same village through an application: the town founds
    the branch, registers its people and appoints its committee; the secretary designates
    the reviewer (a working role)."""
    at = FOUNDED
    commands: list[Any] = [FoundBranch(BRANCH, "派溪吕村党支部", 10, TOWN, at)]
    commands += [
        RegisterPerson(pid, BRANCH, name, status, date(2020, 9, 1), TOWN, at)
        for pid, (name, status) in PEOPLE.items()
    ]
    commands += [
        AppointRole(BRANCH, pid, role, SECRETARY if role == Role.REVIEWER else TOWN, at)
        for pid, role in ROLES.items()
    ]
    return commands


def issue(
    task_id: str = "T1",
    *,
    slots: int = 3,
    points: int = 5,
    audiences: tuple[Audience, ...] = (Audience.ACTIVISTS, Audience.VOLUNTEERS),
    days: int = 7,
    category: str = "环境卫生整治",
    actor: str = ORGANIZER,
) -> IssueTask:
    """An IssueTask with sensible defaults: 3 slots, 5 points, a week to do it."""
    return IssueTask(
        TaskId(task_id),
        BRANCH,
        f"{category}任务",
        category,
        points,
        slots,
        T0 + timedelta(days=days),
        audiences,
        SourceKind.VILLAGE,
        "",
        actor,
        T0,
    )


def later(hours: float) -> datetime:
    """A time ``hours`` after T0."""
    return T0 + timedelta(hours=hours)
