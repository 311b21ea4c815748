"""攻坚读模型的表 — the campaigns, their fronts and problems, task-force memberships,
milestones, progress reports (with who reported, for the growth records) and linked work.
Amounts are stored as their canonical decimal text."""

from __future__ import annotations

from dangjian_core.kernel.readmodel import Column, Table

CAMPAIGNS = Table(
    "campaigns",
    key=(Column("campaign_id"),),
    values=(Column("unit_id"), Column("name"), Column("starts"), Column("ends")),
    indexes=(("unit_id",),),
)
CAMPAIGN_FRONTS = Table(
    "campaign_fronts",
    key=(Column("campaign_id"), Column("front_id")),
    values=(Column("name"), Column("position", "int")),
)
CAMPAIGN_PROBLEMS = Table(
    "campaign_problems",
    key=(Column("campaign_id"), Column("problem_id")),
    values=(
        Column("front_id"),
        Column("title"),
        Column("leader_id"),
        Column("formed_on"),
        Column("started_on"),
        Column("completed_on"),
        Column("position", "int"),
    ),
    indexes=(("leader_id",),),
)
CAMPAIGN_MEMBERS = Table(
    "campaign_members",
    key=(Column("campaign_id"), Column("problem_id"), Column("person_id"), Column("joined_on")),
    values=(Column("capacity"), Column("home_unit_id"), Column("left_on")),
    indexes=(("person_id",),),
)
CAMPAIGN_MILESTONES = Table(
    "campaign_milestones",
    key=(Column("campaign_id"), Column("problem_id"), Column("milestone_no", "int")),
    values=(
        Column("title"),
        Column("due"),
        Column("target"),
        Column("measure"),
        Column("achieved"),
        Column("over_fulfilment", "int"),
        Column("reported_on"),
    ),
)
CAMPAIGN_REPORTS = Table(
    "campaign_reports",
    key=(Column("position", "int"),),
    values=(
        Column("campaign_id"),
        Column("problem_id"),
        Column("milestone_no", "int"),
        Column("reporter_id"),
        Column("reported_on"),
        Column("achieved"),
        Column("evidence"),
        Column("over_fulfilment", "int"),
    ),
    indexes=(("campaign_id",), ("reporter_id",)),
)
CAMPAIGN_LINKS = Table(
    "campaign_links",
    key=(Column("campaign_id"), Column("problem_id"), Column("kind"), Column("target_id")),
    values=(Column("position", "int"),),
)
TABLES = (
    CAMPAIGNS,
    CAMPAIGN_FRONTS,
    CAMPAIGN_PROBLEMS,
    CAMPAIGN_MEMBERS,
    CAMPAIGN_MILESTONES,
    CAMPAIGN_REPORTS,
    CAMPAIGN_LINKS,
)
