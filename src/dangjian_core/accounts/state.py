"""账户状态 — a person's account as folded from ``account-<person id>``: the outstanding
invitation, which invitation set the current password, whether it is open, its tokens.
The adapters ask it whether a session or a token still admits its holder."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from dangjian_core.accounts.events import Scope
from dangjian_core.kernel.concept import Stream
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import PersonId


class AccountError(DomainError):
    """账户错误 — an account command was refused."""

    code = "account"


class InvitationInvalid(AccountError):
    """邀请无效 — the invitation is unknown, used, replaced by a newer one, or expired."""

    code = "invitation_invalid"


@frozen
class Invitation:
    """邀请 — one invitation and whether it was accepted."""

    invitation_id: str
    expires_at: datetime
    accepted: bool = False


@frozen
class Token:
    """令牌 — an API token's grant (its secret is kept apart from the log)."""

    token_id: str
    label: str
    scopes: tuple[Scope, ...]
    expires_at: datetime
    revoked: bool = False

    def admits(self, at: datetime) -> bool:
        """Whether the token admits its holder at ``at``."""
        return not self.revoked and at < self.expires_at


@frozen
class AccountState:
    """账户状态 — the latest invitation, the invitation behind the current password
    (``""`` before the first), whether the account is open, why it was last closed, and
    its tokens."""

    person_id: PersonId
    invitation: Invitation | None = None
    password_from: str = ""
    open: bool = False
    tokens: tuple[Token, ...] = ()
    closed_for: str = ""

    def token(self, token_id: str) -> Token | None:
        """One of the account's tokens by id."""
        return next((t for t in self.tokens if t.token_id == token_id), None)

    def admits(self, password_from: str) -> bool:
        """Whether a login made with the password set by ``password_from`` still stands."""
        return self.open and bool(password_from) and password_from == self.password_from


def _nobody() -> AccountState | None:
    return None


#: A person's account stream, ``account-<person id>``; None before the first invitation.
ACCOUNT: Stream[AccountState | None] = Stream("account", _nobody)
