"""身份错误 — refusals at the door: wrong credentials, locked out, no session, a token
without the scope, a password too weak. Each has a stable code, as the core's do."""

from __future__ import annotations

from dangjian_core.kernel.errors import DangjianError


class IdentityError(DangjianError):
    """身份错误 — the adapter could not establish who is asking."""

    code = "identity"


class BadCredentials(IdentityError):
    """账号或密码不对 — deliberately the same answer for an unknown person, a closed
    account and a wrong password, so the door tells an attacker nothing."""

    code = "bad_credentials"

    def __init__(self) -> None:
        super().__init__("账号或密码不对", "unknown person or wrong password")


class LoginLocked(IdentityError):
    """登录已锁定 — too many failed logins for this person or from this address."""

    code = "login_locked"


class NotAuthenticated(IdentityError):
    """未登录 — no valid session or token (missing, expired, ended, revoked)."""

    code = "not_authenticated"


class Forbidden(IdentityError):
    """请求被拒 — a session's form came without its anti-forgery token."""

    code = "csrf"


class TokenScope(IdentityError):
    """令牌权限不足 — the token does not carry the scope the request needs."""

    code = "token_scope"


class WeakPassword(IdentityError):
    """密码太弱 — shorter than the minimum, or all one kind of character."""

    code = "weak_password"
