"""账户接口 — invitations (the code shown once), setting a password is ``/auth/accept``,
closing an account, and API tokens a person gives to a service (shown once)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from adapters.http.auth import Door, Reader, Writer
from adapters.http.commands import command_id_of
from adapters.identity.errors import Forbidden
from dangjian_core.accounts.commands import (
    INVITATION_DAYS,
    MAX_INVITATION_DAYS,
    MAX_TOKEN_DAYS,
    TOKEN_DAYS,
)
from dangjian_core.accounts.events import Scope

router = APIRouter(prefix="/accounts", tags=["账户 accounts"])
Key = Annotated[str | None, Header(alias="Idempotency-Key")]


class Invite(BaseModel):
    """邀请开户 — how many days the invitation is valid."""

    valid_days: int = Field(default=INVITATION_DAYS, ge=1, le=MAX_INVITATION_DAYS)


class Reason(BaseModel):
    """理由 — why."""

    reason: str = Field(min_length=1, max_length=500)


class NewToken(BaseModel):
    """发放令牌 — the service's name, what it may do, for how many days."""

    label: str = Field(min_length=1, max_length=60)
    scopes: list[Scope] = Field(min_length=1, max_length=2)
    valid_days: int = Field(default=TOKEN_DAYS, ge=1, le=MAX_TOKEN_DAYS)


@router.post("/{person_id}/invitations", summary="邀请开户 / invite a person")
def invite(
    person_id: str, body: Invite, request: Request, who: Writer, door: Door, key: Key = None
) -> dict[str, Any]:
    """A one-time invitation code (shown only now) and the link to set a password."""
    issued = door.invite(
        who.person_id, person_id, command_id=command_id_of(who, key), valid_days=body.valid_days
    )
    link = str(request.url_for("join_page").include_query_params(code=issued.code))
    return {
        "person_id": issued.person_id,
        "invitation_id": issued.invitation_id,
        "code": issued.code,
        "link": link,
        "expires_at": issued.expires_at.isoformat(),
    }


@router.post("/{person_id}/close", summary="停用账户 / close an account")
def close(person_id: str, body: Reason, who: Writer, door: Door, key: Key = None) -> dict[str, str]:
    """End the person's logins, sessions and tokens."""
    door.close(who.person_id, person_id, body.reason, command_id=command_id_of(who, key))
    return {"person_id": person_id, "standing": "closed"}


@router.post("/me/tokens", summary="发放令牌 / give a service a token")
def issue_token(body: NewToken, who: Writer, door: Door, key: Key = None) -> dict[str, Any]:
    """A bearer token for a service acting for the logged-in person (shown only now).
    Only a session issues tokens: a token never makes another."""
    if who.via != "session":
        raise Forbidden("令牌不能再发放令牌，请登录后操作", "log in to issue tokens")
    issued = door.issue_token(
        who.person_id,
        body.label,
        tuple(body.scopes),
        command_id=command_id_of(who, key),
        valid_days=body.valid_days,
    )
    return {
        "token_id": issued.token_id,
        "token": issued.token,
        "scopes": list(issued.scopes),
        "expires_at": issued.expires_at.isoformat(),
    }


@router.post("/{person_id}/tokens/{token_id}/revoke", summary="吊销令牌 / revoke a token")
def revoke_token(
    person_id: str, token_id: str, body: Reason, who: Writer, door: Door, key: Key = None
) -> dict[str, str]:
    """End a token at once (its holder, or the leaders of the holder's unit)."""
    door.revoke_token(
        who.person_id, person_id, token_id, body.reason, command_id=command_id_of(who, key)
    )
    return {"token_id": token_id, "standing": "revoked"}


@router.get("/me", summary="我的账户 / my account")
def mine(who: Reader, door: Door) -> dict[str, Any]:
    """The logged-in person's account and tokens (never their secrets)."""
    state = door.account(who.person_id)
    tokens = state.tokens if state is not None else ()
    return {
        "person_id": who.person_id,
        "open": bool(state and state.open),
        "tokens": [
            {
                "token_id": t.token_id,
                "label": t.label,
                "scopes": list(t.scopes),
                "expires_at": t.expires_at.isoformat(),
                "revoked": t.revoked,
            }
            for t in tokens
        ],
    }
