"""攻坚查询 — pure functions over the campaign read models' rows: where each milestone and
problem stands on a given day (未启动 / 按期推进 / 已逾期 / 已完成; the day is passed in,
never the clock), the dashboard per problem and per front with the campaign's totals, the
roll-up of a problem's linked tasks and work items; the growth record (红色成长) is in
:mod:`~dangjian_core.campaigns.growth`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum

from attrs import frozen

from dangjian_core.campaigns.values import LinkKind, amount
from dangjian_core.kernel.readmodel import Row, Value


class ProgressStatus(StrEnum):
    """进度状态 — where a problem or milestone stands on a day."""

    NOT_STARTED = "not_started"  # 未启动
    ON_TRACK = "on_track"  # 按期推进
    OVERDUE = "overdue"  # 已逾期
    DONE = "done"  # 已完成

    @property
    def zh(self) -> str:
        """The standing in Chinese."""
        return {
            "not_started": "未启动",
            "on_track": "按期推进",
            "overdue": "已逾期",
            "done": "已完成",
        }[self.value]


@frozen
class MilestoneLine:
    """节点进度 — a milestone on a day: its target and the result reported by then,
    whether that was recorded as 超额完成, and where it stands."""

    milestone_no: int
    title: str
    due: date
    target: Decimal
    measure: str
    achieved: Decimal
    over_fulfilment: bool
    standing: ProgressStatus

    @property
    def percent(self) -> Decimal:
        """The result as a percentage of the target, to one place."""
        return (self.achieved * 100 / self.target).quantize(Decimal("0.1"))


@frozen
class ProblemLine:
    """攻坚点进度 — a problem on a day: its front, leader, members serving, milestones and
    where it stands."""

    problem_id: str
    front_id: str
    title: str
    leader_id: str | None
    members: int
    milestones: tuple[MilestoneLine, ...]
    standing: ProgressStatus


@frozen
class FrontLine:
    """战场进度 — a front's problems and how many stand at each standing."""

    front_id: str
    name: str
    problems: tuple[ProblemLine, ...]

    @property
    def counts(self) -> dict[ProgressStatus, int]:
        """How many of its problems stand at each standing (every standing listed)."""
        return count_statuses(p.standing for p in self.problems)


@frozen
class Dashboard:
    """攻坚看板 — a campaign on a day, front by front."""

    campaign_id: str
    name: str
    as_of: date
    fronts: tuple[FrontLine, ...]

    @property
    def counts(self) -> dict[ProgressStatus, int]:
        """The campaign's totals: the fronts' counts added up."""
        return add_counts(front.counts for front in self.fronts)

    @property
    def problems(self) -> int:
        """How many problems the campaign lists."""
        return sum(len(front.problems) for front in self.fronts)

    @property
    def started(self) -> int:
        """How many problems had started by the day."""
        return self.problems - self.counts[ProgressStatus.NOT_STARTED]


def count_statuses(standings: Iterable[ProgressStatus]) -> dict[ProgressStatus, int]:
    """How many of ``standings`` are each standing (every standing listed)."""
    counts = dict.fromkeys(ProgressStatus, 0)
    for standing in standings:
        counts[standing] += 1
    return counts


def add_counts(parts: Iterable[Mapping[ProgressStatus, int]]) -> dict[ProgressStatus, int]:
    """Counts added up, standing by standing."""
    total = dict.fromkeys(ProgressStatus, 0)
    for part in parts:
        for standing, count in part.items():
            total[standing] += count
    return total


def day_of(value: Value) -> date | None:
    """A stored ISO date, or None."""
    return None if value is None else date.fromisoformat(str(value))


def milestone_line(row: Row, reports: Sequence[Row], as_of: date, started: bool) -> MilestoneLine:
    """A milestone on ``as_of``: the last of its ``reports`` made by then counts."""
    made = [r for r in reports if (day_of(r["reported_on"]) or as_of) <= as_of]
    last = max(made, key=lambda r: (str(r["reported_on"]), int(r["position"] or 0)), default=None)
    target = amount(str(row["target"]))
    achieved = Decimal(0) if last is None else amount(str(last["achieved"]))
    due = day_of(row["due"]) or as_of
    if achieved >= target:
        standing = ProgressStatus.DONE
    elif not started:
        standing = ProgressStatus.NOT_STARTED
    else:
        standing = ProgressStatus.OVERDUE if due < as_of else ProgressStatus.ON_TRACK
    over = last is not None and bool(last["over_fulfilment"])
    return MilestoneLine(
        int(row["milestone_no"] or 0),
        str(row["title"]),
        due,
        target,
        str(row["measure"]),
        achieved,
        over,
        standing,
    )


def problem_line(
    row: Row,
    milestones: Sequence[Row],
    reports: Sequence[Row],
    members: Sequence[Row],
    as_of: date,
) -> ProblemLine:
    """A problem on ``as_of``: 未启动 before it started, 已完成 once completed, 已逾期 while
    a milestone is overdue, else 按期推进."""
    started_on, completed_on = day_of(row["started_on"]), day_of(row["completed_on"])
    started = started_on is not None and started_on <= as_of
    lines = tuple(
        milestone_line(
            m, [r for r in reports if r["milestone_no"] == m["milestone_no"]], as_of, started
        )
        for m in sorted(milestones, key=lambda m: int(m["milestone_no"] or 0))
    )
    if not started:
        standing = ProgressStatus.NOT_STARTED
    elif completed_on is not None and completed_on <= as_of:
        standing = ProgressStatus.DONE
    elif any(line.standing is ProgressStatus.OVERDUE for line in lines):
        standing = ProgressStatus.OVERDUE
    else:
        standing = ProgressStatus.ON_TRACK
    serving = [m for m in members if _serving(m, as_of)]
    leader = None if row["leader_id"] is None else str(row["leader_id"])
    return ProblemLine(
        str(row["problem_id"]),
        str(row["front_id"]),
        str(row["title"]),
        leader,
        len(serving),
        lines,
        standing,
    )


def _serving(member: Row, as_of: date) -> bool:
    joined, left = day_of(member["joined_on"]), day_of(member["left_on"])
    return joined is not None and joined <= as_of and (left is None or as_of <= left)


@frozen
class LinkedPart:
    """关联工作进度 — a task (slots and approved completions) or a work item (target and
    done, rolled up) a problem linked."""

    kind: LinkKind
    target_id: str
    title: str
    target: int
    done: int


@frozen
class LinkedTotal:
    """关联工作合计 — a problem's linked work added up."""

    parts: tuple[LinkedPart, ...]
    target: int
    done: int


def roll_up_links(parts: Iterable[LinkedPart]) -> LinkedTotal:
    """A problem's linked work: the parts' targets and done figures, added up."""
    listed = tuple(parts)
    return LinkedTotal(listed, sum(p.target for p in listed), sum(p.done for p in listed))


def dashboard(
    campaign: Row,
    fronts: Sequence[Row],
    problems: Sequence[Row],
    milestones: Sequence[Row],
    reports: Sequence[Row],
    members: Sequence[Row],
    as_of: date,
) -> Dashboard:
    """The campaign's dashboard on ``as_of`` from its rows: fronts in the order opened,
    each with its problems in the order listed."""

    def of(rows: Sequence[Row], problem_id: Value) -> list[Row]:
        return [r for r in rows if r["problem_id"] == problem_id]

    lines = [
        problem_line(p, of(milestones, p["problem_id"]), of(reports, p["problem_id"]),
                     of(members, p["problem_id"]), as_of)
        for p in sorted(problems, key=lambda p: int(p["position"] or 0))
    ]  # fmt: skip
    front_lines = tuple(
        FrontLine(
            str(f["front_id"]),
            str(f["name"]),
            tuple(line for line in lines if line.front_id == f["front_id"]),
        )
        for f in sorted(fronts, key=lambda f: int(f["position"] or 0))
    )
    return Dashboard(str(campaign["campaign_id"]), str(campaign["name"]), as_of, front_lines)
