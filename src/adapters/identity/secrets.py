"""密钥 — the secrets handed out once (invitation codes, session ids, API tokens), their
digests (SHA-256: they are long and random, so a fast digest is safe to keep), and
passwords, hashed with argon2id (memory-hard: people choose weak ones)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from adapters.identity.errors import WeakPassword

#: argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane).
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_PASSWORD = 8
MAX_PASSWORD = 128


def new_secret() -> str:
    """A fresh random secret: 32 bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What is kept of a secret handed out: its SHA-256, in hex."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same(secret: str, kept_digest: str) -> bool:
    """Whether a secret matches a kept digest (compared in constant time)."""
    return hmac.compare_digest(digest(secret), kept_digest)


def split(credential: str) -> tuple[str, str]:
    """``<id>.<secret>`` → (id, secret); ("", "") for anything else."""
    ident, dot, secret = credential.strip().partition(".")
    if not dot or not ident or not secret or len(credential) > 200:
        return "", ""
    return ident, secret


def check_password(password: str) -> None:
    """Refuse a password too short or too long, or of digits alone (a birthday, a phone)."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise WeakPassword(
            f"密码须为 {MIN_PASSWORD}–{MAX_PASSWORD} 个字符",
            f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters",
        )
    if password.isdigit():
        raise WeakPassword("密码不能全是数字", "a password may not be digits only")


def hash_password(password: str) -> str:
    """The argon2id hash of a password (salted; parameters inside the hash)."""
    return HASHER.hash(password)


def verify_password(hashed: str, password: str) -> bool:
    """Whether a password matches its hash."""
    try:
        return HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """A hash to verify against when there is no account, so a wrong name costs the same
    time as a wrong password and timing tells nothing (made on the first failed login, not
    at import: every command-line run would pay for it)."""
    return hash_password("dangjian-no-such-account")
