"""The enterprise register 红色全覆盖 in the task town (象珠镇 standing in for 城西新区, seed
004): 汪书记 lists above-scale enterprises; 永康多德士工贸 founds its branch on 9 July."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dangjian_core.coverage.commands import (
    DelistEnterprise,
    ListEnterprise,
    RecordPartyOrganization,
)
from dangjian_core.coverage.events import OrganizationForm
from dangjian_core.kernel.ids import BranchId
from dangjian_core.kernel.time import LOCAL
from tests.core.org import TOWN, WANG

DUODESHI = "duodeshi"  # 永康多德士工贸有限公司
JANUARY = date(2018, 2, 1)  # listed from
JULY_9 = date(2018, 7, 9)
#: A day's length, for stories that step from one day to the next.
DAY = timedelta(days=1)


def at(day: date) -> datetime:
    """An instant on ``day`` in local time."""
    return datetime(day.year, day.month, day.day, 18, tzinfo=LOCAL)


def listing(
    enterprise_id: str = DUODESHI, name: str = "永康多德士工贸", actor: str = WANG
) -> ListEnterprise:
    """List an enterprise from 1 January."""
    return ListEnterprise(BranchId(TOWN), enterprise_id, name, JANUARY, actor, at(JANUARY))


def founding(
    day: date = JULY_9, actor: str = WANG, branch_id: str | None = None
) -> RecordPartyOrganization:
    """多德士工贸 founded its own branch on ``day``."""
    branch = None if branch_id is None else BranchId(branch_id)
    return RecordPartyOrganization(
        BranchId(TOWN), DUODESHI, day, OrganizationForm.OWN, actor, at(day), branch
    )


def delisting(day: date, actor: str = WANG) -> DelistEnterprise:
    """多德士工贸 leaves the register on ``day``."""
    return DelistEnterprise(BranchId(TOWN), DUODESHI, day, "迁出", actor, at(day))
