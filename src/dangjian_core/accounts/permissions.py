"""账户权限 — who invites a person or closes their account: the leaders of the unit whose
roll the person is on (书记、组织委员) or a level above; who accepts an invitation or holds
a token: the person themself. :func:`replay` asks the same of a recorded event."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.accounts.events import (
    AccountClosed,
    AccountEvent,
    AccountInvited,
    ApiTokenIssued,
    ApiTokenRevoked,
    InvitationAccepted,
)
from dangjian_core.accounts.state import AccountState
from dangjian_core.kernel.authority import Rule, What, only_self, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.state import PERSON, home_unit
from dangjian_core.units.permissions import lead_unit

INVITE: What = ("邀请开户", "invite to an account")
ACCEPT: What = ("接受邀请", "accept the invitation")
CLOSE: What = ("停用账户", "close the account of")
ISSUE_TOKEN: What = ("发放令牌", "issue API tokens")
REVOKE_TOKEN: What = ("吊销令牌", "revoke the API tokens of")


def lead_person(
    facts: Facts, person_id: str, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """The leaders of the person's unit at ``at`` (or a level above it)."""
    person = facts.get(PERSON, person_id)
    if person is None:
        return unknown(person_id)
    return lead_unit(facts, home_unit(facts, person, at), actor_id, at, what)


def self_or_leader(
    facts: Facts, person_id: str, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """The person themself, or the leaders of their unit."""
    if actor_id == person_id:
        return None
    return lead_person(facts, person_id, actor_id, at, what)


def replay(
    recorded: Recorded[AccountEvent], facts: Facts, _before: AccountState | None
) -> Rule | None:
    """The rule a recorded account event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    match event:
        case AccountInvited():
            return lead_person(facts, event.person_id, actor, at, INVITE)
        case InvitationAccepted():
            return only_self(actor, event.person_id, ACCEPT)
        case AccountClosed():
            return self_or_leader(facts, event.person_id, actor, at, CLOSE)
        case ApiTokenIssued():
            return only_self(actor, event.person_id, ISSUE_TOKEN)
        case ApiTokenRevoked():
            return self_or_leader(facts, event.person_id, actor, at, REVOKE_TOKEN)
    return None
