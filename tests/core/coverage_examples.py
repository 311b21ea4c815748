"""One recorded example of every register event (红色全覆盖) in the task town: an actor
entitled to it (the town's secretary), one who is not (a member)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.coverage.events import (
    EnterpriseDelisted,
    EnterpriseListed,
    OrganizationForm,
    PartyOrganizationFounded,
)
from tests.core.org import CHEN, DING, HU, TOWN, WANG

COVERAGE_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (EnterpriseListed(TOWN, "duodeshi", "永康多德士工贸", date(2018, 2, 1)), WANG, CHEN),
    (
        PartyOrganizationFounded(TOWN, "duodeshi", date(2018, 7, 9), OrganizationForm.OWN, None),
        DING,
        HU,
    ),
    (EnterpriseDelisted(TOWN, "duodeshi", date(2018, 9, 1), "迁出"), WANG, CHEN),
]
