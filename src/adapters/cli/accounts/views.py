"""账户查看 — ``account show`` (a person's standing and API tokens) and ``account list``
(everyone on a roll). No secret is shown: the log and the state hold none."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click
from rich.table import Table

from adapters.cli.accounts.sentences import scopes_zh
from adapters.cli.clock import show_time
from adapters.cli.render import filled, heading, table
from adapters.cli.runtime import current
from adapters.identity import Identity
from dangjian_core.accounts.state import AccountState, Token


def standing(state: AccountState | None) -> str:
    """``none`` (never invited), ``invited`` (not yet opened), ``open`` or ``closed``."""
    if state is None:
        return "none"
    if state.open:
        return "open"
    return "closed" if state.password_from else "invited"


STANDING_ZH = {"none": "未开户", "invited": "已邀请, 未开通", "open": "已开通", "closed": "已停用"}


def pending(state: AccountState | None, now: datetime) -> str:
    """An invitation not yet accepted: ``有效至 <time>``, or ``已过期`` (else empty)."""
    invitation = state.invitation if state is not None else None
    if invitation is None or invitation.accepted:
        return ""
    if now >= invitation.expires_at:
        return "已过期"
    return f"有效至 {show_time(invitation.expires_at)}"


def token_standing(state: AccountState, token: Token, now: datetime) -> str:
    """``有效``, ``已吊销``, ``已过期`` or, on a closed account, ``账户已停用``."""
    if token.revoked:
        return "已吊销"
    if not token.admits(now):
        return "已过期"
    return "有效" if state.open else "账户已停用"


def account_document(person_id: str, state: AccountState | None, now: datetime) -> dict[str, Any]:
    """The account as JSON: standing, invitation and tokens, without any secret."""
    invitation = state.invitation if state is not None else None
    return {
        "person_id": person_id,
        "standing": standing(state),
        "invitation": None
        if invitation is None
        else {
            "invitation_id": invitation.invitation_id,
            "expires_at": invitation.expires_at.isoformat(),
            "accepted": invitation.accepted,
        },
        "tokens": [
            {
                "token_id": token.token_id,
                "label": token.label,
                "scopes": [scope.value for scope in token.scopes],
                "expires_at": token.expires_at.isoformat(),
                "revoked": token.revoked,
                "admits": bool(state and state.open and token.admits(now)),
            }
            for token in (state.tokens if state is not None else ())
        ],
    }


def tokens_table(state: AccountState, now: datetime) -> Table:
    """Every token of the account: id, label, scopes, valid until, standing."""
    rows = (
        (
            token.token_id,
            token.label,
            scopes_zh(token.scopes),
            show_time(token.expires_at),
            token_standing(state, token, now),
        )
        for token in state.tokens
    )
    header = ["编号", "用途", "权限", "有效至", "状态"]
    return filled(table("令牌 / API tokens", header, whole=["有效至"]), rows)


@click.command("show")
@click.argument("person_id")
def show(person_id: str) -> None:
    """账户详情: 状态、邀请、令牌(不含密钥) / a person's account and API tokens."""
    runtime = current()
    app = runtime.app(must_exist=True)
    now = app.now()
    name = str(app.queries.person(person_id, now.date()).person["name"])
    state = Identity(app).account(person_id)
    document = {"name": name, **account_document(person_id, state, now)}
    parts: list[Any] = [
        heading(f"{name} ({person_id}) · 账户 / account"),
        f"状态: {STANDING_ZH[standing(state)]}",
    ]
    if note := pending(state, now):
        invitation_id = state.invitation.invitation_id if state and state.invitation else ""
        parts.append(f"待本人接受的邀请 {invitation_id}: {note}")
    if state is not None and state.tokens:
        parts.append(tokens_table(state, now))
    runtime.show(document, parts)


@click.command("list")
@click.argument("unit_id")
def list_accounts(unit_id: str) -> None:
    """名册上每人的账户状态 / the account of everyone on a unit's roll."""
    runtime = current()
    app = runtime.app(must_exist=True)
    now = app.now()
    identity = Identity(app)
    entries = []
    for entry in app.queries.pipeline(unit_id):
        state = identity.account(entry.person_id)
        live = sum(1 for t in state.tokens if t.admits(now)) if state and state.open else 0
        entries.append((entry.person_id, entry.name, state, live))
    rows = (
        (pid, name, STANDING_ZH[standing(state)], pending(state, now), str(tokens))
        for pid, name, state, tokens in entries
    )
    header = ["编号", "姓名", "账户", "待接受的邀请", "有效令牌"]
    grid = filled(table(None, header, right=["有效令牌"], whole=["待接受的邀请"]), rows)
    document = {
        "unit_id": unit_id,
        "accounts": [
            {"name": name, **account_document(pid, state, now)} for pid, name, state, _ in entries
        ],
    }
    runtime.show(document, [heading(f"{unit_id} 账户 / accounts"), grid])


COMMANDS = (show, list_accounts)
