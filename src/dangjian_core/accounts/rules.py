"""账户规则 — each account command decided: who may, and what the account must be in."""

from __future__ import annotations

from datetime import timedelta

from dangjian_core.accounts import permissions as p
from dangjian_core.accounts.commands import (
    AcceptInvitation,
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
from dangjian_core.accounts.state import AccountError, AccountState, InvitationInvalid
from dangjian_core.kernel.authority import enforce, only_self
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PERSON

#: Nobody who left the roll for good gets a new account.
_GONE = (PartyStatus.TRANSFERRED_OUT, PartyStatus.DECEASED)


def invite(command: InviteAccount, state: AccountState | None, facts: Facts) -> list[AccountEvent]:
    person = facts.get(PERSON, command.person_id)
    if person is None:
        raise UnknownSubject(
            f"人员 {command.person_id} 不存在", f"person {command.person_id} does not exist"
        )
    enforce(p.lead_person(facts, command.person_id, command.actor_id, command.at, p.INVITE))
    expires = command.at + timedelta(days=command.valid_days)
    invitation = state.invitation if state is not None else None
    if invitation is not None and invitation.invitation_id == command.invitation_id:
        if invitation.expires_at == expires:
            return []  # this invitation was issued
        raise AccountError(
            f"邀请编号 {command.invitation_id} 已用过",
            f"invitation id {command.invitation_id} is taken",
        )
    if person.status in _GONE:
        raise AccountError(
            f"{person.name}({command.person_id}){person.status.zh}，不能开户",
            f"{command.person_id} is {person.status.value} and gets no account",
        )
    return [AccountInvited(command.person_id, command.invitation_id, expires)]


def accept(
    command: AcceptInvitation, state: AccountState | None, _facts: Facts
) -> list[AccountEvent]:
    enforce(only_self(command.actor_id, command.person_id, p.ACCEPT))
    invitation = state.invitation if state is not None else None
    if invitation is None or invitation.invitation_id != command.invitation_id:
        raise InvitationInvalid(
            "邀请无效(不存在或已被新的邀请取代)",
            f"invitation {command.invitation_id} of {command.person_id} is unknown or replaced",
        )
    if invitation.accepted:
        raise InvitationInvalid("邀请已被使用", f"invitation {command.invitation_id} was used")
    if command.at >= invitation.expires_at:
        raise InvitationInvalid("邀请已过期，请向支部书记要新的邀请", "the invitation has expired")
    return [InvitationAccepted(command.person_id, command.invitation_id)]


def close(command: CloseAccount, state: AccountState | None, facts: Facts) -> list[AccountEvent]:
    enforce(p.self_or_leader(facts, command.person_id, command.actor_id, command.at, p.CLOSE))
    closed = state is not None and not state.open and bool(state.password_from)
    if closed and state is not None and state.closed_for == command.reason:
        return []  # closed, for this reason
    if state is None or not state.open:
        raise AccountError(
            f"{command.person_id} 没有在用的账户", f"{command.person_id} has no open account"
        )
    return [AccountClosed(command.person_id, command.reason)]


def issue_token(
    command: IssueApiToken, state: AccountState | None, _facts: Facts
) -> list[AccountEvent]:
    enforce(only_self(command.actor_id, command.person_id, p.ISSUE_TOKEN))
    expires = command.at + timedelta(days=command.valid_days)
    issued = ApiTokenIssued(
        command.person_id, command.token_id, command.label, command.scopes, expires
    )
    existing = state.token(command.token_id) if state is not None else None
    if existing is not None:
        if (existing.label, existing.scopes, existing.expires_at) == (
            issued.label,
            issued.scopes,
            issued.expires_at,
        ):
            return []  # this token was issued
        raise AccountError(
            f"令牌编号 {command.token_id} 已用过", f"token id {command.token_id} is taken"
        )
    if state is None or not state.open:
        raise AccountError(
            "账户未开通或已停用，不能发放令牌",
            f"{command.person_id} has no open account to issue tokens from",
        )
    return [issued]


def revoke_token(
    command: RevokeApiToken, state: AccountState | None, facts: Facts
) -> list[AccountEvent]:
    enforce(
        p.self_or_leader(facts, command.person_id, command.actor_id, command.at, p.REVOKE_TOKEN)
    )
    token = state.token(command.token_id) if state is not None else None
    if token is None:
        raise UnknownSubject(
            f"令牌 {command.token_id} 不存在", f"token {command.token_id} does not exist"
        )
    if token.revoked:
        return []
    return [ApiTokenRevoked(command.person_id, command.token_id, command.reason)]
