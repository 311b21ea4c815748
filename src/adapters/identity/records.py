"""身份的记录 — what the identity service hands out and answers: the login policy, an
invitation or token shown once, a session, and the principal a request stands for."""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import frozen

from dangjian_core.accounts.events import Scope


@frozen
class LoginPolicy:
    """登录规则 — how long a session lasts, and how many failed logins within a window
    lock a person's account or an address out until the window has passed."""

    session_hours: int = 12
    window: timedelta = timedelta(minutes=15)
    per_person: int = 5
    per_address: int = 30


@frozen
class IssuedInvitation:
    """发出的邀请 — the code to hand to the person (shown once, kept only as a digest)."""

    person_id: str
    invitation_id: str
    code: str
    expires_at: datetime


@frozen
class IssuedToken:
    """发出的令牌 — the bearer token to hand to the service (shown once)."""

    person_id: str
    token_id: str
    token: str
    scopes: tuple[Scope, ...]
    expires_at: datetime


@frozen
class Session:
    """会话 — a login: the cookie's value (shown once) and its anti-forgery token."""

    person_id: str
    token: str
    csrf: str
    expires_at: datetime


@frozen
class Principal:
    """请求人 — the person a request stands for, how they came (a session or a token),
    the session's anti-forgery token and a token's scopes."""

    person_id: str
    via: str  # "session" or "token"
    csrf: str = ""
    scopes: tuple[Scope, ...] = (Scope.READ, Scope.WRITE)

    def may(self, scope: Scope) -> bool:
        """Whether the request may read (``READ``) or act (``WRITE``)."""
        return scope in self.scopes
