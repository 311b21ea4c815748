"""网页会话 — who a page is for: the session cookie every front door shares (HttpOnly,
SameSite=Strict, Secure behind HTTPS), and the anti-forgery token each form carries in a
hidden field (a forged form posted from another site cannot know it)."""

from __future__ import annotations

import hmac
from urllib.parse import quote

from fastapi import Request, Response

from adapters.identity import Identity, IdentityError, Principal, Session

SESSION_COOKIE = "dangjian_session"
#: The hidden form field (and the page's ``<meta>``) holding the session's CSRF token.
CSRF_FIELD = "csrf"


class LoginRequired(Exception):
    """需要登录 — a page for people who have logged in, asked for without a session; the
    visitor is sent to the login page and back to ``next`` afterwards."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class FormForged(Exception):
    """表单无效 — an unsafe form without this session's anti-forgery token."""


def identity(request: Request) -> Identity:
    """The application's identity service."""
    found: Identity = request.app.state.identity
    return found


def set_session_cookie(request: Request, response: Response, session: Session) -> None:
    """Hand the browser its session."""
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=identity(request).policy.session_hours * 3600,
        httponly=True,
        samesite="strict",
        secure=bool(request.app.state.secure_cookies),
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    """Forget the session in the browser."""
    response.delete_cookie(SESSION_COOKIE, path="/")


def visitor(request: Request) -> Principal | None:
    """The person whose session this request carries, or None (no cookie, an ended or
    expired session, a closed account)."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    try:
        return identity(request).session(token)
    except IdentityError:
        return None


def member(request: Request) -> Principal:
    """The logged-in person, or :class:`LoginRequired` (back to this page after login)."""
    found = visitor(request)
    if found is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    return found


def check_form(who: Principal, sent: str) -> None:
    """Refuse an unsafe form that lacks the session's anti-forgery token."""
    if not who.csrf or not hmac.compare_digest(sent.encode(), who.csrf.encode()):
        raise FormForged()


def login_path(next_path: str) -> str:
    """The login page, returning to ``next_path``."""
    return "/login?next=" + quote(next_path, safe="/")


def safe_next(next_path: str | None) -> str:
    """Where to go after login: a path on this site only (never another site's address)."""
    if not next_path or not next_path.startswith("/") or next_path.startswith("//"):
        return "/"
    if "\\" in next_path or any(ord(c) < 32 for c in next_path):
        return "/"
    return next_path
