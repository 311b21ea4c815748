"""职务 — the roles a person holds in a unit for a term, and who may do what with them."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """职务 — a role held in a unit for a term."""

    SECRETARY = "secretary"  # 书记
    DEPUTY_SECRETARY = "deputy_secretary"  # 副书记
    ORGANIZING = "organizing"  # 组织委员
    PUBLICITY = "publicity"  # 宣传委员
    DISCIPLINE = "discipline"  # 纪检委员
    GROUP_LEADER = "group_leader"  # 党小组长
    LIAISON = "liaison"  # 联村干部
    FIRST_SECRETARY = "first_secretary"  # 第一书记
    GRID_KEEPER = "grid_keeper"  # 网格员
    ROAD_CHIEF = "road_chief"  # 路长
    INSTRUCTOR = "instructor"  # 党建指导员
    REVIEWER = "reviewer"  # 审核员
    INSPECTOR = "inspector"  # 督查员

    @property
    def zh(self) -> str:
        """The role's Chinese name."""
        return ROLE_NAMES[self]


ROLE_NAMES = {
    Role.SECRETARY: "书记",
    Role.DEPUTY_SECRETARY: "副书记",
    Role.ORGANIZING: "组织委员",
    Role.PUBLICITY: "宣传委员",
    Role.DISCIPLINE: "纪检委员",
    Role.GROUP_LEADER: "党小组长",
    Role.LIAISON: "联村干部",
    Role.FIRST_SECRETARY: "第一书记",
    Role.GRID_KEEPER: "网格员",
    Role.ROAD_CHIEF: "路长",
    Role.INSTRUCTOR: "党建指导员",
    Role.REVIEWER: "审核员",
    Role.INSPECTOR: "督查员",
}

#: The leaders of a unit: they found units under it and appoint in the units below it.
LEADERS = (Role.SECRETARY, Role.ORGANIZING)
#: Working roles the unit's own secretary may also designate (the level above always may).
WORKING_ROLES = (Role.REVIEWER, Role.GRID_KEEPER, Role.ROAD_CHIEF)
#: Roles held by people sent from elsewhere: they need not be on the unit's roll.
OUTSIDE_ROLES = (Role.LIAISON, Role.FIRST_SECRETARY, Role.INSTRUCTOR, Role.INSPECTOR)
#: Who keeps a unit's roll: registers people and records their party status.
ROLL_KEEPERS = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZING)
#: Who issues and cancels a branch's tasks.
ISSUERS = (Role.SECRETARY, Role.ORGANIZING)
#: Who reviews completions: the committee, reviewers, and the cadres sent to the village.
REVIEWERS = (
    Role.SECRETARY,
    Role.DEPUTY_SECRETARY,
    Role.ORGANIZING,
    Role.REVIEWER,
    Role.LIAISON,
    Role.FIRST_SECRETARY,
)
#: Who takes back approved points.
REVOKERS = (Role.SECRETARY, Role.DEPUTY_SECRETARY)
#: Who adjusts points outside tasks.
ADJUSTERS = (Role.SECRETARY,)


def role_list(roles: tuple[Role, ...]) -> tuple[str, str]:
    """Roles named for a refusal, in Chinese and English: ``书记、组织委员``."""
    return "、".join(r.zh for r in roles), ", ".join(r.value for r in roles)
