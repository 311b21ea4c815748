"""身份 — who is asking: accounts opened by invitation, passwords (argon2id), sessions
with anti-forgery tokens, failed-login limits and API tokens for services.

The core decides every account command (:mod:`dangjian_core.accounts`); this package
keeps the secrets apart from the log (:mod:`adapters.storage.secrets`) and answers, for an
adapter, which person a session or token stands for — never what they may do: that stays
the core's rules, asked with that person as the actor and the server's clock as the time.
"""

from __future__ import annotations

from adapters.identity.errors import (
    BadCredentials,
    IdentityError,
    LoginLocked,
    NotAuthenticated,
    TokenScope,
    WeakPassword,
)
from adapters.identity.records import (
    IssuedInvitation,
    IssuedToken,
    LoginPolicy,
    Principal,
    Session,
)
from adapters.identity.service import Identity

__all__ = [
    "BadCredentials",
    "Identity",
    "IdentityError",
    "IssuedInvitation",
    "IssuedToken",
    "LoginLocked",
    "LoginPolicy",
    "NotAuthenticated",
    "Principal",
    "Session",
    "TokenScope",
    "WeakPassword",
]
