"""账户命令 — inviting a person to an account, accepting the invitation, closing the
account, issuing and revoking API tokens for services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import field, frozen

from dangjian_core.accounts.events import Scope
from dangjian_core.kernel.ids import PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between
from dangjian_core.kernel.validation import text as _text

#: How long an invitation or a token is valid by default, and at most.
INVITATION_DAYS = 7
MAX_INVITATION_DAYS = 30
TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 366


def _scopes(_instance: object, _attribute: object, value: Any) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(scope, Scope) for scope in value)
        or len(set(value)) != len(value)
    ):
        raise ValueError(
            "权限须为 read、write 中的一项或两项且不重复 / scopes: one or both of read, write"
        )


@frozen
class InviteAccount:
    """邀请开户 — issue a one-time invitation for a registered person to set a password
    (also how a lost password is replaced)."""

    person_id: PersonId = field(validator=check_id)
    invitation_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    valid_days: int = field(default=INVITATION_DAYS, validator=int_between(1, MAX_INVITATION_DAYS))


@frozen
class AcceptInvitation:
    """接受邀请 — the person themself sets their password with the invitation."""

    person_id: PersonId = field(validator=check_id)
    invitation_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CloseAccount:
    """停用账户 — end the person's logins, sessions and tokens, with a reason."""

    person_id: PersonId = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class IssueApiToken:
    """发放令牌 — let a service act for the person (themself) within the scopes."""

    person_id: PersonId = field(validator=check_id)
    token_id: str = field(validator=check_id)
    label: str = field(validator=_text(1, 60))
    scopes: tuple[Scope, ...] = field(validator=_scopes)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    valid_days: int = field(default=TOKEN_DAYS, validator=int_between(1, MAX_TOKEN_DAYS))


@frozen
class RevokeApiToken:
    """吊销令牌 — end a token at once, with a reason."""

    person_id: PersonId = field(validator=check_id)
    token_id: str = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


AccountCommand = InviteAccount | AcceptInvitation | CloseAccount | IssueApiToken | RevokeApiToken
