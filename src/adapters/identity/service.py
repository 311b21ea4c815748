"""身份服务 — invitations, passwords, sessions and tokens over one application.

Every account change is a command the core decides, with the acting person and the
server's clock; the secrets it hands out are kept only as digests or hashes beside the
log. Whether a session or token still admits its holder is asked of the account's state,
folded from its stream at that moment, so closing an account, a new password or a
revoked token takes effect on the very next request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta

from adapters.app import Dangjian
from adapters.app.handling import Outcome
from adapters.identity import secrets as s
from adapters.identity.errors import BadCredentials, LoginLocked, NotAuthenticated
from adapters.identity.records import (
    IssuedInvitation,
    IssuedToken,
    LoginPolicy,
    Principal,
    Session,
)
from adapters.storage.folding import fold
from adapters.storage.secrets import SessionRecord
from dangjian_core.accounts import CONCEPT as ACCOUNTS
from dangjian_core.accounts.commands import (
    INVITATION_DAYS,
    TOKEN_DAYS,
    AcceptInvitation,
    CloseAccount,
    InviteAccount,
    IssueApiToken,
    RevokeApiToken,
)
from dangjian_core.accounts.events import Scope
from dangjian_core.accounts.rules import accept as decide_accept
from dangjian_core.accounts.state import ACCOUNT, AccountState, InvitationInvalid
from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.time import LOCAL


def _derived(prefix: str, command_id: str) -> str:
    """An id derived from the command id, so a retried command names the same thing."""
    return prefix + hashlib.sha256(command_id.encode()).hexdigest()[:12]


class Identity:
    """身份服务 — the door every adapter that serves people goes through."""

    def __init__(self, app: Dangjian, policy: LoginPolicy | None = None) -> None:
        self.app = app
        self.policy = policy or LoginPolicy()

    # ------------------------------------------------------------ accounts

    def account(self, person_id: str) -> AccountState | None:
        """The person's account as it stands (folded from its stream now)."""
        rows = self.app.store.read_stream(ACCOUNT.id(person_id))
        return fold(ACCOUNTS, 0, ACCOUNTS.initial(), rows)[1]  # type: ignore[no-any-return]

    def invite(
        self,
        actor_id: str,
        person_id: str,
        *,
        command_id: str,
        valid_days: int = INVITATION_DAYS,
        entered_by: str = "",
    ) -> IssuedInvitation:
        """邀请开户 — record the invitation, then keep its code's digest; the code is
        ``<invitation id>.<secret>``. A retry with the same command id hands out a new
        code for the same invitation (the earlier code stops working)."""
        invitation_id = _derived("inv-", command_id)
        self.app.submit(
            InviteAccount,
            command_id=command_id,
            person_id=person_id,
            invitation_id=invitation_id,
            actor_id=actor_id,
            valid_days=valid_days,
            entered_by=entered_by,
        )
        secret = s.new_secret()
        with self.app.store.secrets(write=True) as kept:
            kept.put_invitation(invitation_id, person_id, s.digest(secret))
        state = self.account(person_id)
        invitation = state.invitation if state is not None else None
        assert invitation is not None, "the invitation was just recorded"
        code = f"{invitation_id}.{secret}"
        return IssuedInvitation(person_id, invitation_id, code, invitation.expires_at)

    def accept(self, code: str, password: str) -> str:
        """接受邀请 — set the password with an invitation code; returns the person id.
        The core's rule is asked first (a used, replaced or expired invitation sets
        nothing); the hash is then kept under the invitation — once: of two attempts
        racing with one code the first wins — and counts when the core has recorded the
        acceptance, so a refused one leaves nothing usable."""
        invitation_id, secret = s.split(code)
        with self.app.store.secrets() as kept:
            found = kept.invitation(invitation_id) if invitation_id else None
        if found is None or not s.same(secret, found[1]):
            raise InvitationInvalid("邀请码不对", "unknown or wrong invitation code")
        person_id = found[0]
        s.check_password(password)
        command = self.app.build(
            AcceptInvitation,
            person_id=person_id,
            invitation_id=invitation_id,
            actor_id=person_id,
            at=self.app.now(),
        )
        state = self.account(person_id)
        # The core's own refusal (used, replaced, expired), before any hash is kept.
        decide_accept(command, state, MemoryFacts({}))
        hashed = s.hash_password(password)
        with self.app.store.secrets(write=True) as kept:
            kept_it = kept.put_password(person_id, invitation_id, hashed)
        if not kept_it:
            raise InvitationInvalid("邀请已被使用", f"invitation {invitation_id} was used")
        self.app.handle(command)
        with self.app.store.secrets(write=True) as kept:
            kept.drop_sessions(person_id)
        return person_id

    def close(
        self, actor_id: str, person_id: str, reason: str, *, command_id: str, entered_by: str = ""
    ) -> Outcome:
        """停用账户 — record it, then end the person's sessions."""
        outcome = self.app.submit(
            CloseAccount,
            command_id=command_id,
            person_id=person_id,
            reason=reason,
            actor_id=actor_id,
            entered_by=entered_by,
        )
        with self.app.store.secrets(write=True) as kept:
            kept.drop_sessions(person_id)
        return outcome

    # ------------------------------------------------------------ sessions

    def login(self, person_id: str, password: str, address: str) -> Session:
        """登录 — a new session (never one the client brought: no fixation), unless this
        person or address has failed too often within the window."""
        now = self.app.now()
        since = (now - self.policy.window).isoformat()
        subjects = (f"person:{person_id}", f"address:{address}")
        with self.app.store.secrets() as kept:
            failed = [kept.failures(subject, since) for subject in subjects]
        if failed[0] >= self.policy.per_person or failed[1] >= self.policy.per_address:
            minutes = int(self.policy.window.total_seconds() // 60)
            raise LoginLocked(
                f"登录失败次数过多，请 {minutes} 分钟后再试",
                f"too many failed logins; try again in {minutes} minutes",
            )
        state = self.account(person_id) if len(person_id) <= 64 else None
        hashed = None
        if state is not None and state.open:
            with self.app.store.secrets() as kept:
                hashed = kept.password(person_id, state.password_from)
        if not s.verify_password(hashed or s.dummy_hash(), password) or hashed is None:
            with self.app.store.secrets(write=True) as kept:
                for subject in subjects:
                    kept.add_failure(subject, now.isoformat())
            raise BadCredentials()
        assert state is not None
        token, csrf = s.new_secret(), s.new_secret()
        expires = now + timedelta(hours=self.policy.session_hours)
        record = SessionRecord(
            s.digest(token),
            person_id,
            state.password_from,
            csrf,
            now.isoformat(),
            expires.isoformat(),
        )
        with self.app.store.secrets(write=True) as kept:
            kept.clear_failures(subjects[0])
            kept.put_session(record)
        return Session(person_id, token, csrf, expires)

    def session(self, token: str) -> Principal:
        """The person a session cookie stands for, if it still stands."""
        with self.app.store.secrets() as kept:
            record = kept.session(s.digest(token)) if token else None
        if record is None or datetime.fromisoformat(record.expires_at) <= self.app.now():
            raise NotAuthenticated("请先登录", "no session, or it has ended; log in")
        state = self.account(record.person_id)
        if state is None or not state.admits(record.password_from):
            raise NotAuthenticated("账户已停用或密码已更换，请重新登录", "the session has ended")
        return Principal(record.person_id, "session", record.csrf)

    def last_logins(self, person_ids: Sequence[str]) -> dict[str, datetime]:
        """最近登录 — when each of these people last logged in (北京时间); who never did
        is left out. For the organizer's list of who has not logged in yet."""
        with self.app.store.secrets() as kept:
            found = kept.last_logins(person_ids)
        return {
            person: datetime.fromisoformat(at).astimezone(LOCAL) for person, at in found.items()
        }

    def logout(self, token: str) -> None:
        """注销 — end the session (nothing happens for one already gone)."""
        with self.app.store.secrets(write=True) as kept:
            kept.drop_session(s.digest(token))

    # ------------------------------------------------------------ tokens

    def issue_token(
        self,
        person_id: str,
        label: str,
        scopes: tuple[Scope, ...],
        *,
        command_id: str,
        valid_days: int = TOKEN_DAYS,
    ) -> IssuedToken:
        """发放令牌 — the person gives a service a token ``<token id>.<secret>``."""
        token_id = _derived("tok-", command_id)
        self.app.submit(
            IssueApiToken,
            command_id=command_id,
            person_id=person_id,
            token_id=token_id,
            label=label,
            scopes=scopes,
            actor_id=person_id,
            valid_days=valid_days,
        )
        secret = s.new_secret()
        with self.app.store.secrets(write=True) as kept:
            kept.put_token(token_id, person_id, s.digest(secret))
        state = self.account(person_id)
        token = state.token(token_id) if state is not None else None
        assert token is not None
        return IssuedToken(
            person_id, token_id, f"{token_id}.{secret}", token.scopes, token.expires_at
        )

    def revoke_token(
        self,
        actor_id: str,
        person_id: str,
        token_id: str,
        reason: str,
        *,
        command_id: str,
        entered_by: str = "",
    ) -> Outcome:
        """吊销令牌 — recorded by the holder or their unit's leaders."""
        return self.app.submit(
            RevokeApiToken,
            command_id=command_id,
            person_id=person_id,
            token_id=token_id,
            reason=reason,
            actor_id=actor_id,
            entered_by=entered_by,
        )

    def bearer(self, credential: str) -> Principal:
        """The person an API token stands for, with its scopes, if it still admits."""
        token_id, secret = s.split(credential)
        with self.app.store.secrets() as kept:
            found = kept.token(token_id) if token_id else None
        if found is None or not s.same(secret, found[1]):
            raise NotAuthenticated("令牌无效", "unknown or wrong API token")
        state = self.account(found[0])
        token = state.token(token_id) if state is not None else None
        if state is None or not state.open or token is None or not token.admits(self.app.now()):
            raise NotAuthenticated("令牌已吊销或过期", "the API token was revoked or has expired")
        return Principal(found[0], "token", scopes=token.scopes)
