"""红色全覆盖说明 — one Chinese sentence per recorded register event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.coverage.events import (
    EnterpriseDelisted,
    EnterpriseListed,
    PartyOrganizationFounded,
)


def _listed(event: EnterpriseListed) -> str:
    return f"{event.name} ({event.enterprise_id}) 已记入 {event.unit_id} 规上企业名册, 自 {event.since} 起"


def _founded(event: PartyOrganizationFounded) -> str:
    branch = "" if event.branch_id is None else f" (组织 {event.branch_id})"
    return f"企业 {event.enterprise_id} 已于 {event.founded_on} 建立党组织: {event.form.zh}{branch}"


def _delisted(event: EnterpriseDelisted) -> str:
    return f"企业 {event.enterprise_id} 已于 {event.on} 出册: {event.reason}"


#: The sentence for each register event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    EnterpriseListed: _listed,
    PartyOrganizationFounded: _founded,
    EnterpriseDelisted: _delisted,
}
