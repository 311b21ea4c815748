"""账户 — a registered person's way in: an invitation from their branch's leaders, a
password they set themselves, sessions, and API tokens for services acting for them.
Secrets (codes, password hashes, tokens) never enter the log; the adapters keep them."""

from __future__ import annotations

from dangjian_core.accounts import decisions, permissions, projections
from dangjian_core.accounts.commands import (
    AcceptInvitation,
    AccountCommand,
    CloseAccount,
    InviteAccount,
    IssueApiToken,
    RevokeApiToken,
)
from dangjian_core.accounts.events import EVENTS, AccountEvent
from dangjian_core.accounts.state import ACCOUNT, AccountState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[AccountCommand, AccountEvent, AccountState | None] = Concept(
    name="accounts",
    stream=ACCOUNT,
    subject=lambda command: command.person_id,
    commands=(InviteAccount, AcceptInvitation, CloseAccount, IssueApiToken, RevokeApiToken),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"person_id": "person"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
