"""红色成长 — a young cadre's growth record, assembled from their recorded task-force work:
the task forces they served on (problem, capacity, dates), the progress they reported
(milestone, result, evidence), the milestones their reports brought to target and the
problems completed while they served. Pure over the campaign read models' rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from attrs import frozen

from dangjian_core.campaigns.queries import day_of
from dangjian_core.campaigns.values import Capacity, amount
from dangjian_core.kernel.readmodel import Row


@frozen
class Service:
    """攻坚经历 — one period on a task force."""

    campaign: str
    problem_id: str
    problem: str
    capacity: Capacity
    joined_on: date
    left_on: date | None
    completed_on: date | None


@frozen
class Contribution:
    """攻坚实绩 — one progress report the cadre made: the milestone, the result measured,
    the evidence, and whether this report brought it to target (达标)."""

    problem: str
    milestone: str
    reported_on: date
    achieved: Decimal
    measure: str
    evidence: str
    over_fulfilment: bool
    reached: bool


@frozen
class GrowthRecord:
    """红色成长档案 — a person's task-force work, for cadre evaluation."""

    person_id: str
    services: tuple[Service, ...]
    contributions: tuple[Contribution, ...]

    @property
    def milestones_reached(self) -> int:
        """How many milestones the person's own reports brought to target."""
        return sum(1 for c in self.contributions if c.reached)

    @property
    def problems_completed(self) -> int:
        """How many problems they served on were completed while they served."""
        return sum(1 for s in self.services if _completed_while_serving(s))


def _completed_while_serving(service: Service) -> bool:
    done = service.completed_on
    return done is not None and (service.left_on is None or done <= service.left_on)


def growth_record(
    person_id: str,
    members: Sequence[Row],
    reports: Sequence[Row],
    problems: Mapping[tuple[str, str], Row],
    milestones: Mapping[tuple[str, str, int], Row],
    campaigns: Mapping[str, Row],
    all_reports: Sequence[Row],
) -> GrowthRecord:
    """The record of ``person_id`` from their membership rows and report rows; the
    problems, milestones and campaigns by key; ``all_reports`` of those milestones, to
    tell which report first met the target."""
    services = tuple(
        Service(
            str(campaigns.get(str(m["campaign_id"]), {}).get("name", m["campaign_id"])),
            str(m["problem_id"]),
            str(_problem(problems, m).get("title", m["problem_id"])),
            Capacity(str(m["capacity"])),
            day_of(m["joined_on"]) or date.min,
            day_of(m["left_on"]),
            day_of(_problem(problems, m).get("completed_on")),
        )
        for m in sorted(members, key=lambda m: (str(m["joined_on"]), str(m["problem_id"])))
    )
    first = _first_reaching(milestones, all_reports)
    contributions = []
    for r in sorted(reports, key=lambda r: int(r["position"] or 0)):
        key = (str(r["campaign_id"]), str(r["problem_id"]), int(r["milestone_no"] or 0))
        milestone = milestones.get(key, {})
        contributions.append(
            Contribution(
                str(_problem(problems, r).get("title", r["problem_id"])),
                str(milestone.get("title", key[2])),
                day_of(r["reported_on"]) or date.min,
                amount(str(r["achieved"])),
                str(milestone.get("measure", "")),
                str(r["evidence"]),
                bool(r["over_fulfilment"]),
                first.get(key) == r["position"],
            )
        )
    return GrowthRecord(person_id, services, tuple(contributions))


def _problem(problems: Mapping[tuple[str, str], Row], row: Row) -> Row:
    return problems.get((str(row["campaign_id"]), str(row["problem_id"])), {})


def _first_reaching(
    milestones: Mapping[tuple[str, str, int], Row], reports: Sequence[Row]
) -> dict[tuple[str, str, int], object]:
    """The position of the first report that met each milestone's target."""
    first: dict[tuple[str, str, int], object] = {}
    for r in sorted(reports, key=lambda r: int(r["position"] or 0)):
        key = (str(r["campaign_id"]), str(r["problem_id"]), int(r["milestone_no"] or 0))
        milestone = milestones.get(key)
        if milestone is None or key in first:
            continue
        if amount(str(r["achieved"])) >= amount(str(milestone["target"])):
            first[key] = r["position"]
    return first
