"""登录与凭据 — who a request stands for: a session cookie (HttpOnly, SameSite=Strict,
Secure behind HTTPS) whose unsafe requests carry the session's anti-forgery token in
``X-CSRF-Token``, or a service's ``Authorization: Bearer`` API token within its scopes.
No request names its actor or its time: both are the server's to say."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from adapters.identity import Identity, Principal
from adapters.identity.errors import Forbidden, NotAuthenticated, TokenScope
from adapters.web.session import SESSION_COOKIE, clear_session_cookie, set_session_cookie
from dangjian_core.accounts.events import Scope

CSRF_HEADER = "X-CSRF-Token"
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="登录会话 / session")
_bearer = HTTPBearer(auto_error=False, description="服务令牌 / API token `<id>.<secret>`")


async def identity(request: Request) -> Identity:
    """The application's identity service."""
    found: Identity = request.app.state.identity
    return found


def principal(
    request: Request,
    cookie: Annotated[str | None, Depends(_cookie)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The person the request stands for; a session's unsafe request must carry its
    anti-forgery token (a forged form from another site cannot know it)."""
    door: Identity = request.app.state.identity
    if bearer is not None:
        return door.bearer(bearer.credentials)
    if request.headers.get("authorization"):
        raise NotAuthenticated("只接受 Bearer 令牌", "only Bearer tokens are accepted")
    if not cookie:
        raise NotAuthenticated("请先登录", "log in, or send an API token")
    found = door.session(cookie)
    if request.method not in _SAFE:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), found.csrf.encode()):
            raise Forbidden("请求缺少防伪令牌", f"missing or wrong {CSRF_HEADER} header")
    return found


async def reader(who: Annotated[Principal, Depends(principal)]) -> Principal:
    """A principal allowed to read."""
    if not who.may(Scope.READ):
        raise TokenScope("令牌没有读取权限", "the API token lacks the read scope")
    return who


async def writer(who: Annotated[Principal, Depends(principal)]) -> Principal:
    """A principal allowed to act."""
    if not who.may(Scope.WRITE):
        raise TokenScope("令牌没有写入权限", "the API token lacks the write scope")
    return who


Reader = Annotated[Principal, Depends(reader)]
Writer = Annotated[Principal, Depends(writer)]
Door = Annotated[Identity, Depends(identity)]

router = APIRouter(prefix="/auth", tags=["登录 auth"])


class Login(BaseModel):
    """登录 — a person's id and password."""

    person_id: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class Accept(BaseModel):
    """接受邀请 — the invitation code and the new password."""

    code: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=256)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/login", summary="登录 / log in")
def login(body: Login, request: Request, response: Response, door: Door) -> dict[str, Any]:
    """A new session: the cookie is set, and the anti-forgery token returned for the
    page's unsafe requests. Five failures in 15 minutes lock the person out for 15."""
    session = door.login(body.person_id, body.password, _address(request))
    set_session_cookie(request, response, session)
    return {
        "person_id": session.person_id,
        "csrf_token": session.csrf,
        "expires_at": session.expires_at.isoformat(),
    }


@router.post("/logout", status_code=204, summary="退出 / log out")
def logout(
    request: Request,
    response: Response,
    door: Door,
    _who: Annotated[Principal, Depends(principal)],
) -> None:
    """End this session (its cookie is cleared)."""
    door.logout(request.cookies.get(SESSION_COOKIE, ""))
    clear_session_cookie(response)


@router.post("/accept", summary="接受邀请设置密码 / set a password with an invitation")
def accept(body: Accept, door: Door) -> dict[str, str]:
    """Set the password with a one-time invitation code; then log in with it."""
    return {"person_id": door.accept(body.code, body.password)}


@router.get("/me", summary="当前身份 / who am I")
def me(who: Annotated[Principal, Depends(principal)]) -> dict[str, Any]:
    """The person this session or token stands for, and what it may do."""
    return {"person_id": who.person_id, "via": who.via, "scopes": list(who.scopes)}
