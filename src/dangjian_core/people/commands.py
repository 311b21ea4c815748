"""人员命令 — registering people and recording party status changes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.people.events import PartyStatus
from dangjian_core.shared.ids import BranchId, PersonId, check_id
from dangjian_core.shared.time import check_aware


def _text(low: int, high: int) -> Any:
    return [validators.instance_of(str), validators.min_len(low), validators.max_len(high)]


@frozen
class RegisterPerson:
    """登记人员 — put a person on a branch's roll."""

    person_id: PersonId = field(validator=check_id)
    branch_id: BranchId = field(validator=check_id)
    name: str = field(validator=_text(1, 40))
    status: PartyStatus = field(validator=validators.instance_of(PartyStatus))
    status_since: date = field(validator=validators.instance_of(date))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ChangePartyStatus:
    """变更政治面貌 — record that a person's party status changed from a date."""

    person_id: PersonId = field(validator=check_id)
    status: PartyStatus = field(validator=validators.instance_of(PartyStatus))
    since: date = field(validator=validators.instance_of(date))
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


PersonCommand = RegisterPerson | ChangePartyStatus
