"""攻坚规则的共用部分 — the leadership team, refusals, dates and lookups the rules share."""

from __future__ import annotations

from datetime import date, datetime

from dangjian_core.campaigns.state import CampaignError, CampaignState, Problem
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.time import local_date
from dangjian_core.units.roles import Role

#: The leadership team (领导班子) a task force's leader comes from.
LEADERSHIP = (
    Role.SECRETARY,
    Role.DEPUTY_SECRETARY,
    Role.ORGANIZING,
    Role.PUBLICITY,
    Role.DISCIPLINE,
)


def refuse(zh: str, en: str) -> CampaignError:
    """The refusal naming the rule broken."""
    return CampaignError(zh, en)


def not_after(day: date, at: datetime) -> None:
    """A recorded day is never after the day the command is made."""
    if day > local_date(at):
        raise refuse(
            f"日期 {day} 晚于记录当天 {local_date(at)}", f"{day} is after {local_date(at)}"
        )


def not_before(day: date, earliest: date | None, what: str) -> None:
    """A day is not before ``earliest`` (the event it follows, named ``what``)."""
    if earliest is not None and day < earliest:
        raise refuse(f"日期 {day} 早于{what}({earliest})", f"{day} is before {earliest}")


def problem_of(campaign: CampaignState, problem_id: str) -> Problem:
    """The problem, or a refusal naming it."""
    problem = campaign.problems.get(problem_id)
    if problem is None:
        raise UnknownSubject(
            f"攻坚点 {problem_id} 不在攻坚行动 {campaign.campaign_id} 中",
            f"problem {problem_id} is not in campaign {campaign.campaign_id}",
        )
    return problem


def formed(campaign: CampaignState, problem_id: str) -> Problem:
    """The problem, if its task force is formed; else a refusal."""
    problem = problem_of(campaign, problem_id)
    if problem.leader_id is None:
        raise refuse(f"攻坚点 {problem_id} 尚未组建攻坚党小组", f"{problem_id} has no task force")
    return problem
