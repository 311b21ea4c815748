"""账户读模型 — each account's standing (invited, open, closed) and each API token's grant,
for the operator's lists; no secret is in them (the adapters keep those apart)."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.accounts.events import (
    EVENTS,
    AccountClosed,
    AccountEvent,
    AccountInvited,
    ApiTokenIssued,
    ApiTokenRevoked,
    InvitationAccepted,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

ACCOUNTS = Table(
    "accounts",
    key=(Column("person_id"),),
    values=(
        Column("standing"),  # open / closed; empty while only invited
        Column("invited_at"),
        Column("invitation_expires_at"),
        Column("opened_at"),
        Column("closed_at"),
    ),
)
API_TOKENS = Table(
    "api_tokens",
    key=(Column("token_id"),),
    values=(
        Column("person_id"),
        Column("label"),
        Column("scopes"),
        Column("issued_at"),
        Column("expires_at"),
        Column("revoked_at"),
    ),
    indexes=(("person_id",),),
)
TABLES = (ACCOUNTS, API_TOKENS)


def project_accounts(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one account event."""
    event: AccountEvent = recorded.event
    at = recorded.at.isoformat()
    person: dict[str, Value] = {"person_id": event.person_id}
    match event:
        case AccountInvited():
            expires = event.expires_at.isoformat()
            values: dict[str, Value] = {"invited_at": at, "invitation_expires_at": expires}
            return [Upsert("accounts", person, set=values)]
        case InvitationAccepted():
            opened: dict[str, Value] = {"standing": "open", "opened_at": at, "closed_at": None}
            return [Upsert("accounts", person, set=opened)]
        case AccountClosed():
            return [Upsert("accounts", person, set={"standing": "closed", "closed_at": at})]
        case ApiTokenIssued():
            token: dict[str, Value] = {
                "person_id": event.person_id,
                "label": event.label,
                "scopes": " ".join(scope.value for scope in event.scopes),
                "issued_at": at,
                "expires_at": event.expires_at.isoformat(),
            }
            return [Upsert("api_tokens", {"token_id": event.token_id}, set=token)]
        case ApiTokenRevoked():
            return [Upsert("api_tokens", {"token_id": event.token_id}, set={"revoked_at": at})]
        case _:
            assert_never(event)


PROJECTIONS = (Projection("accounts", TABLES, project_accounts, tuple(EVENTS.values())),)
