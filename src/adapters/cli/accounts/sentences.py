"""账户说明 — one Chinese sentence per recorded account event. No secret is ever spelled:
the events hold none (codes, passwords and tokens are kept apart from the log)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.accounts.events import (
    AccountClosed,
    AccountInvited,
    ApiTokenIssued,
    ApiTokenRevoked,
    InvitationAccepted,
    Scope,
)


def scopes_zh(scopes: tuple[Scope, ...]) -> str:
    """``读取、写入`` (``无`` for none)."""
    return "、".join(scope.zh for scope in scopes) or "无"


def _invited(event: AccountInvited) -> str:
    return (
        f"已向 {event.person_id} 发出开户邀请 {event.invitation_id}, "
        f"有效至 {show_time(event.expires_at)}"
    )


def _accepted(event: InvitationAccepted) -> str:
    return f"{event.person_id} 已凭邀请 {event.invitation_id} 设置密码, 账户已开通"


def _closed(event: AccountClosed) -> str:
    return f"已停用 {event.person_id} 的账户: {event.reason}"


def _token_issued(event: ApiTokenIssued) -> str:
    return (
        f"已为 {event.person_id} 发放令牌 {event.token_id} ({event.label}), "
        f"权限 {scopes_zh(event.scopes)}, 有效至 {show_time(event.expires_at)}"
    )


def _token_revoked(event: ApiTokenRevoked) -> str:
    return f"已吊销 {event.person_id} 的令牌 {event.token_id}: {event.reason}"


#: The sentence for each account event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    AccountInvited: _invited,
    InvitationAccepted: _accepted,
    AccountClosed: _closed,
    ApiTokenIssued: _token_issued,
    ApiTokenRevoked: _token_revoked,
}
