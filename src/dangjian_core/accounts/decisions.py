"""账户决策 — ``decide`` and ``evolve`` for accounts, over :mod:`~dangjian_core.accounts.rules`."""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.accounts import rules
from dangjian_core.accounts.commands import (
    AcceptInvitation,
    AccountCommand,
    CloseAccount,
    InviteAccount,
    IssueApiToken,
    RevokeApiToken,
)
from dangjian_core.accounts.events import (
    AccountClosed,
    AccountEvent,
    AccountInvited,
    ApiTokenIssued,
    ApiTokenRevoked,
    InvitationAccepted,
)
from dangjian_core.accounts.state import AccountState, Invitation, Token
from dangjian_core.kernel.facts import Facts


def decide(command: AccountCommand, state: AccountState | None, facts: Facts) -> list[AccountEvent]:
    """Decide an account command against the account's state and the facts."""
    match command:
        case InviteAccount():
            return rules.invite(command, state, facts)
        case AcceptInvitation():
            return rules.accept(command, state, facts)
        case CloseAccount():
            return rules.close(command, state, facts)
        case IssueApiToken():
            return rules.issue_token(command, state, facts)
        case RevokeApiToken():
            return rules.revoke_token(command, state, facts)
        case _:
            assert_never(command)


def evolve(state: AccountState | None, event: AccountEvent) -> AccountState | None:
    """Fold one account event into the state."""
    if state is None:
        state = AccountState(event.person_id)
    match event:
        case AccountInvited():
            return attrs.evolve(state, invitation=Invitation(event.invitation_id, event.expires_at))
        case InvitationAccepted():
            used = attrs.evolve(state.invitation, accepted=True) if state.invitation else None
            return attrs.evolve(
                state, invitation=used, password_from=event.invitation_id, open=True, closed_for=""
            )
        case AccountClosed():
            return attrs.evolve(state, open=False, closed_for=event.reason)
        case ApiTokenIssued():
            token = Token(event.token_id, event.label, event.scopes, event.expires_at)
            return attrs.evolve(state, tokens=(*state.tokens, token))
        case ApiTokenRevoked():
            tokens = tuple(
                attrs.evolve(t, revoked=True) if t.token_id == event.token_id else t
                for t in state.tokens
            )
            return attrs.evolve(state, tokens=tokens)
        case _:
            assert_never(event)
