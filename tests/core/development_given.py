"""The seed village at the close of its 2021-10 cycle, for the development tests.

派溪吕村: 吕兰枝 ranked first (seed 000: "在去年的考评中,吕兰枝位列第一"), the scores
close. Plain states: the evaluation is given as it stands after the close, so these tests
need nothing but the development decider.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.development.commands import (
    CommendMembers,
    ConfirmList,
    DismissObjection,
    FileObjection,
    FlagForTraining,
    PostNotice,
    ProposeList,
    UpholdObjection,
)
from dangjian_core.evaluation.state import EvaluationState, FrozenStandings, Standing
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from tests import support
from tests.calendars import with_official
from tests.facts import FixedFacts
from tests.support import BRANCH, CST, LANZHI, MEMBER, ORGANIZER, SECRETARY, XINGCAN

CYCLE = "2021-10"
CLOSE = datetime(2022, 10, 8, 9, 0, tzinfo=CST)  # a Saturday after the National Day week
POSTED_ON = date(2022, 10, 10)  # Monday
PERIOD_END = date(2022, 10, 14)  # five working days later (Friday)
NEWCOMER = PersonId("lv-xinren")  # activist only since 2022-03-01: not a year at the close
VETOED = PersonId("lv-foujue")  # vetoed activist
HUANG = PersonId("lv-huang")  # eligible activist, fourth
LOW = PersonId("lv-dixiao")  # full member with few points

ACTIVISTS: dict[PersonId, tuple[str, date]] = {
    LANZHI: ("吕兰枝", date(2020, 9, 1)),
    XINGCAN: ("吕星灿", date(2020, 9, 1)),
    NEWCOMER: ("吕新人", date(2022, 3, 1)),
    VETOED: ("吕否决", date(2020, 9, 1)),
    HUANG: ("黄积极", date(2021, 1, 1)),
}
#: (person, total, credits, reached position): the scores are close.
ROWS: tuple[tuple[PersonId, int, int, int], ...] = (
    (LANZHI, 48, 9, 100),
    (NEWCOMER, 47, 9, 110),
    (XINGCAN, 46, 8, 90),
    (HUANG, 46, 8, 95),
    (VETOED, 0, 7, 80),
    (SECRETARY, 60, 12, 70),
    (ORGANIZER, 30, 6, 60),
    (MEMBER, 12, 2, 50),
    (LOW, 5, 1, 40),
)


def at(day: date, hour: int = 10) -> datetime:
    """A time on ``day`` in China Standard Time."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=CST)


def standings(rows: tuple[tuple[PersonId, int, int, int], ...] = ROWS) -> FrozenStandings:
    """The frozen standings of the close, best first."""
    frozen = [
        Standing(
            pid,
            total,
            credits,
            pos,
            (),
            vetoed=pid == VETOED,
            veto="赌博" if pid == VETOED else None,
        )
        for pid, total, credits, pos in rows
    ]
    frozen.sort(key=lambda s: (-s.total, -s.credits, s.reached_position, s.person_id))
    return FrozenStandings(CLOSE, tuple(frozen))


def evaluation(quota: int | None = 2, *, closed: bool = True, **options: Any) -> EvaluationState:
    """The branch's 2021-10 evaluation: quota 2, closed on ``CLOSE``."""
    rows = options.pop("rows", ROWS)
    return EvaluationState(
        BRANCH,
        CYCLE,
        quota=quota,
        vetoes={VETOED: "参与赌博 / gambling"},
        closed=standings(rows) if closed else None,
        **options,
    )


def people() -> dict[PersonId, PersonState]:
    """The seed village's people plus the activists and the low-scoring member."""
    found = dict(support.directory().people)
    for pid, (name, since) in ACTIVISTS.items():
        history = (
            StatusPeriod(PartyStatus.APPLICANT, date(2019, 9, 1)),
            StatusPeriod(PartyStatus.ACTIVIST, since),
        )
        found[pid] = PersonState(pid, BRANCH, name, history)
    found[LOW] = PersonState(
        LOW, BRANCH, "吕低分", (StatusPeriod(PartyStatus.FULL, date(2000, 7, 1)),)
    )
    return found


def village(ev: EvaluationState | None = None, **changes: Any) -> FixedFacts:
    """The seed village as plain states, with its evaluation and a working-day calendar."""
    seed = support.directory()
    evaluations = {} if ev is False else {(BRANCH, CYCLE): ev or evaluation()}
    return FixedFacts(
        seed.branches,
        changes.get("people", people()),
        evaluations=evaluations,  # type: ignore[arg-type]
        calendars={
            "default": with_official(Calendar(holidays=changes.get("holidays", frozenset())))
        },
        tasks=changes.get("tasks", {}),
    )


def propose(actor: str = ORGANIZER, when: datetime = CLOSE + timedelta(hours=1)) -> ProposeList:
    """The organizing member proposes the list right after the close."""
    return ProposeList(BRANCH, CYCLE, actor, when)


def post(on: date = POSTED_ON, days: int = 5, actor: str = ORGANIZER) -> PostNotice:
    """The list is posted on ``on`` for ``days`` working days."""
    return PostNotice(BRANCH, CYCLE, on, actor, at(on, 8), days=days)


def objection(
    oid: str = "O1", about: str = LANZHI, day: date = date(2022, 10, 12), actor: str = "public"
) -> FileObjection:
    """A villager objects to someone on the list, leaving a name and a phone number."""
    return FileObjection(
        BRANCH, CYCLE, oid, PersonId(about), "曾参与赌博", "吕大伯", "13800000000", actor, at(day)
    )


def uphold(oid: str = "O1", day: date = date(2022, 10, 13)) -> UpholdObjection:
    """The secretary upholds the objection after investigating."""
    return UpholdObjection(BRANCH, CYCLE, oid, "经调查属实", SECRETARY, at(day))


def dismiss(oid: str = "O1", day: date = date(2022, 10, 13)) -> DismissObjection:
    """The secretary dismisses the objection after investigating."""
    return DismissObjection(BRANCH, CYCLE, oid, "经调查不属实", SECRETARY, at(day))


def confirm(day: date = date(2022, 10, 17), actor: str = SECRETARY) -> ConfirmList:
    """The secretary confirms the list on ``day``."""
    return ConfirmList(BRANCH, CYCLE, actor, at(day))


def commend(top: int = 2) -> CommendMembers:
    """The secretary commends the top members."""
    return CommendMembers(BRANCH, CYCLE, SECRETARY, at(date(2022, 10, 10)), top=top)


def flag(threshold: int = 20, actor: str = ORGANIZER) -> FlagForTraining:
    """The organizing member flags members under ``threshold`` and names their task."""
    deadline = at(date(2022, 12, 31))
    return FlagForTraining(
        BRANCH, CYCLE, threshold, TaskId("train-2021"), deadline, actor, at(date(2022, 10, 10))
    )


BRANCH_ID = BranchId(BRANCH)
