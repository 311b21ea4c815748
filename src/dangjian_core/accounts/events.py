"""账户事件 — an invitation was issued, accepted (a password set), an account closed, an
API token issued or revoked.

No secret is ever in an event: the invitation code, the password hash and the token are
kept by the adapters apart from the log (``adapters.storage.secrets``), under the ids
these events name, so the public chain and the inspectors' bundles never hold them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import PersonId


class Scope(StrEnum):
    """令牌权限 — what a service may do with an API token, on behalf of its holder."""

    READ = "read"  # 读取 — read models and the event feed
    WRITE = "write"  # 写入 — commands, as the holder

    @property
    def zh(self) -> str:
        """The scope's Chinese name."""
        return "读取" if self is Scope.READ else "写入"


@frozen
class AccountInvited:
    """已发邀请 — a one-time invitation to set the person's password, valid until a time;
    it voids any earlier invitation not yet accepted."""

    TITLE: ClassVar[str] = "已发邀请"

    person_id: PersonId
    invitation_id: str
    expires_at: datetime


@frozen
class InvitationAccepted:
    """已接受邀请 — the person set their password with the invitation: the account is open
    (again), and sessions begun with an earlier password end."""

    TITLE: ClassVar[str] = "已接受邀请"

    person_id: PersonId
    invitation_id: str


@frozen
class AccountClosed:
    """账户已停用 — no more logins, sessions or tokens; a new invitation reopens it."""

    TITLE: ClassVar[str] = "账户已停用"

    person_id: PersonId
    reason: str


@frozen
class ApiTokenIssued:
    """已发令牌 — a service may act for the person within the scopes until a time."""

    TITLE: ClassVar[str] = "已发令牌"

    person_id: PersonId
    token_id: str
    label: str
    scopes: tuple[Scope, ...]
    expires_at: datetime


@frozen
class ApiTokenRevoked:
    """令牌已吊销 — the token no longer admits anyone."""

    TITLE: ClassVar[str] = "令牌已吊销"

    person_id: PersonId
    token_id: str
    reason: str


AccountEvent = (
    AccountInvited | InvitationAccepted | AccountClosed | ApiTokenIssued | ApiTokenRevoked
)

#: Stable stored names (never renamed: stored events carry them).
EVENTS: Mapping[str, type[AccountEvent]] = {
    "AccountInvited": AccountInvited,
    "InvitationAccepted": InvitationAccepted,
    "AccountClosed": AccountClosed,
    "ApiTokenIssued": ApiTokenIssued,
    "ApiTokenRevoked": ApiTokenRevoked,
}
