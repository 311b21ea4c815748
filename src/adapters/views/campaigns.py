"""攻坚查询 — a campaign from the read models: its row, the dashboard on a day (per problem
and per front, overdue milestones flagged), one problem's details (task force with names,
milestones, reports with evidence, and its linked tasks and work items rolled up), and a
person's growth record (红色成长).

Calculations are the core's (:mod:`dangjian_core.campaigns.queries`,
:mod:`dangjian_core.campaigns.growth`); this module selects the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one, read
from adapters.views.work import cascade
from dangjian_core.campaigns.growth import GrowthRecord, growth_record
from dangjian_core.campaigns.queries import (
    Dashboard,
    LinkedPart,
    LinkedTotal,
    ProblemLine,
    dashboard,
    problem_line,
    roll_up_links,
)
from dangjian_core.campaigns.values import LinkKind
from dangjian_core.kernel.time import LOCAL


@frozen
class ProblemView:
    """攻坚点详情 — a problem on a day: its line (milestones, standing), its task force
    (leader and every membership period, with names), its reports and its linked work."""

    campaign_id: str
    line: ProblemLine
    leader_name: str
    members: tuple[dict[str, Any], ...]
    reports: tuple[dict[str, Any], ...]
    linked: LinkedTotal


def names_of(views: Selecting, ids: Iterable[str]) -> dict[str, str]:
    """The names of people and units among ``ids`` (an id with no name keeps itself)."""
    found: dict[str, str] = {}
    for subject in set(ids):
        rows = views.select("people", {"person_id": subject}) or views.select(
            "units", {"unit_id": subject}
        )
        found[subject] = str(rows[0]["name"]) if rows else subject
    return found


def campaign(views: Selecting, campaign_id: str) -> dict[str, Any]:
    """The campaign's row."""
    return dict(
        one(views.select("campaigns", {"campaign_id": campaign_id}), "攻坚行动", campaign_id)
    )


def campaigns(views: Selecting, unit_id: str) -> Rows:
    """The campaigns a unit launched, by start."""
    return views.select("campaigns", {"unit_id": unit_id}, order_by=("starts", "campaign_id"))


def board(views: Selecting, campaign_id: str, on: date) -> Dashboard:
    """The campaign's dashboard on ``on``."""
    key = {"campaign_id": campaign_id}
    return dashboard(
        campaign(views, campaign_id),
        views.select("campaign_fronts", key),
        views.select("campaign_problems", key),
        views.select("campaign_milestones", key),
        views.select("campaign_reports", key),
        views.select("campaign_members", key),
        on,
    )


def problem(views: Selecting, campaign_id: str, problem_id: str, on: date) -> ProblemView:
    """A problem's details on ``on``."""
    key = {"campaign_id": campaign_id, "problem_id": problem_id}
    row = one(views.select("campaign_problems", key), "攻坚点", problem_id)
    members = views.select("campaign_members", key, order_by=("joined_on", "person_id"))
    in_campaign = views.select("campaign_reports", {"campaign_id": campaign_id})
    reports = [r for r in in_campaign if r["problem_id"] == problem_id]
    milestones = views.select("campaign_milestones", key)
    line = problem_line(row, milestones, reports, members, on)
    ids = [str(m["person_id"]) for m in members] + [str(r["reporter_id"]) for r in reports]
    ids += [str(m["home_unit_id"]) for m in members]
    leader = str(row["leader_id"]) if row["leader_id"] else ""
    names = names_of(views, [*ids, leader] if leader else ids)
    named_members = tuple(
        {**m, "name": names[str(m["person_id"])], "home_unit": names[str(m["home_unit_id"])]}
        for m in members
    )
    named_reports = tuple(
        {**r, "reporter": names[str(r["reporter_id"])]}
        for r in sorted(reports, key=lambda r: int(r["position"] or 0))
    )
    at = datetime.combine(on, time.max, tzinfo=LOCAL)
    linked = roll_up_links(_parts(views, views.select("campaign_links", key), at))
    return ProblemView(
        campaign_id, line, names.get(leader, ""), named_members, named_reports, linked
    )


def _parts(views: Selecting, links: Rows, at: datetime) -> list[LinkedPart]:
    parts = []
    for link in sorted(links, key=lambda r: int(r["position"] or 0)):
        kind, target_id = LinkKind(str(link["kind"])), str(link["target_id"])
        if kind is LinkKind.TASK:
            task = one(views.select("tasks", {"task_id": target_id}), "任务", target_id)
            claims = views.select("claims", {"task_id": target_id})
            done = sum(1 for c in claims if c["status"] == "approved")
            parts.append(
                LinkedPart(kind, target_id, str(task["title"]), int(task["slots"] or 0), done)
            )
        else:
            item = one(views.select("work_items", {"item_id": target_id}), "工作", target_id)
            progress = cascade(views, target_id, at)
            title = str(item["title"])
            parts.append(LinkedPart(kind, target_id, title, progress.target, progress.done))
    return parts


def growth(views: Selecting, person_id: str) -> GrowthRecord:
    """A person's growth record from every campaign they served on or reported in."""
    members = views.select("campaign_members", {"person_id": person_id})
    reports = views.select("campaign_reports", {"reporter_id": person_id})
    touched = {str(r["campaign_id"]) for r in (*members, *reports)}
    problems: dict[tuple[str, str], Any] = {}
    milestones: dict[tuple[str, str, int], Any] = {}
    campaign_rows: dict[str, Any] = {}
    all_reports: list[dict[str, Any]] = []
    for campaign_id in sorted(touched):
        key = {"campaign_id": campaign_id}
        campaign_rows[campaign_id] = campaign(views, campaign_id)
        for p in views.select("campaign_problems", key):
            problems[(campaign_id, str(p["problem_id"]))] = p
        for m in views.select("campaign_milestones", key):
            milestones[(campaign_id, str(m["problem_id"]), int(m["milestone_no"] or 0))] = m
        all_reports += views.select("campaign_reports", key)
    return growth_record(
        person_id, members, reports, problems, milestones, campaign_rows, all_reports
    )


class CampaignQueries:
    """攻坚查询 — the campaign read models of a store, each query catching them up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def campaign(self, campaign_id: str) -> dict[str, Any]:
        """The campaign's row."""
        with read(self._store) as views:
            return campaign(views, campaign_id)

    def campaigns(self, unit_id: str) -> Rows:
        """The campaigns a unit launched."""
        with read(self._store) as views:
            return campaigns(views, unit_id)

    def board(self, campaign_id: str, on: date) -> Dashboard:
        """The dashboard on a day."""
        with read(self._store) as views:
            return board(views, campaign_id, on)

    def problem(self, campaign_id: str, problem_id: str, on: date) -> ProblemView:
        """A problem's details on a day."""
        with read(self._store) as views:
            return problem(views, campaign_id, problem_id, on)

    def growth(self, person_id: str) -> tuple[GrowthRecord, str, str]:
        """A person's growth record, their name and the name of the unit on whose roll
        they are."""
        with read(self._store) as views:
            found = growth(views, person_id)
            roll = views.select("people", {"person_id": person_id})
            unit_id = str(roll[0]["branch_id"]) if roll else ""
            names = names_of(views, [person_id, unit_id] if unit_id else [person_id])
            return found, names[person_id], names.get(unit_id, "")

    def name_of(self, subject_id: str) -> str:
        """A person's or unit's name (its id when unknown)."""
        with read(self._store) as views:
            return names_of(views, [subject_id])[subject_id]
