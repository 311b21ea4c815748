"""账户 — invitations from the branch's leaders, accepted by the person themself before
they expire, once; closing; API tokens only from an open account."""

from __future__ import annotations

import pytest

from dangjian_core.accounts.commands import (
    AcceptInvitation,
    CloseAccount,
    InviteAccount,
    IssueApiToken,
    RevokeApiToken,
)
from dangjian_core.accounts.events import (
    AccountInvited,
    ApiTokenIssued,
    ApiTokenRevoked,
    InvitationAccepted,
    Scope,
)
from dangjian_core.accounts.state import AccountError, InvitationInvalid
from dangjian_core.kernel.errors import Unauthorized, UnknownSubject
from tests.core.given import Village
from tests.core.org import CHEN, HU, LV, WU, later, task_town


def invited(village: Village | None = None) -> Village:
    village = village or task_town()
    village.handle(InviteAccount("wu-zy", "inv-1", LV, later(10)))
    return village


def opened() -> Village:
    village = invited()
    village.handle(AcceptInvitation(WU, "inv-1", WU, later(11)))
    return village


def test_the_branch_secretary_invites_a_person_on_the_roll_for_seven_days() -> None:
    village = task_town()

    events = village.handle(InviteAccount(WU, "inv-1", LV, later(10)))

    assert [AccountInvited(WU, "inv-1", later(17))] == events


@pytest.mark.parametrize("actor", [CHEN, HU, WU])
def test_nobody_else_invites_not_even_the_person_or_another_branchs_secretary(actor: str) -> None:
    with pytest.raises(Unauthorized):
        task_town().handle(InviteAccount(WU, "inv-1", actor, later(10)))


def test_an_unknown_person_gets_no_invitation() -> None:
    with pytest.raises(UnknownSubject):
        task_town().handle(InviteAccount("ghost", "inv-1", LV, later(10)))


def test_the_person_themself_accepts_and_the_account_opens() -> None:
    village = invited()

    events = village.handle(AcceptInvitation(WU, "inv-1", WU, later(11)))

    assert [InvitationAccepted(WU, "inv-1")] == events
    assert village.states["account-wu-zy"].admits("inv-1")


def test_the_secretary_cannot_accept_for_the_person() -> None:
    with pytest.raises(Unauthorized):
        invited().handle(AcceptInvitation(WU, "inv-1", LV, later(11)))


def test_an_invitation_is_used_once_and_expires() -> None:
    village = opened()
    with pytest.raises(InvitationInvalid, match="已被使用"):
        village.handle(AcceptInvitation(WU, "inv-1", WU, later(12)))
    late = invited()
    with pytest.raises(InvitationInvalid, match="过期"):
        late.handle(AcceptInvitation(WU, "inv-1", WU, later(17)))


def test_a_new_invitation_voids_the_old_one_and_replaces_the_password() -> None:
    village = opened()
    village.handle(InviteAccount(WU, "inv-2", LV, later(20)))
    with pytest.raises(InvitationInvalid, match="取代"):
        village.handle(AcceptInvitation(WU, "inv-1", WU, later(21)))

    village.handle(AcceptInvitation(WU, "inv-2", WU, later(21)))

    account = village.states["account-wu-zy"]
    assert account.admits("inv-2")
    assert not account.admits("inv-1")


def test_a_closed_account_admits_nobody_until_invited_again() -> None:
    village = opened()

    village.handle(CloseAccount(WU, "离开本村", LV, later(12)))

    assert not village.states["account-wu-zy"].admits("inv-1")
    with pytest.raises(AccountError):
        village.handle(CloseAccount(WU, "再停", LV, later(13)))


def test_tokens_come_only_from_an_open_account_to_its_holder() -> None:
    village = invited()
    issue = IssueApiToken(WU, "tok-1", "群机器人", (Scope.READ,), WU, later(12))
    with pytest.raises(AccountError, match="未开通"):
        village.handle(issue)
    village.handle(AcceptInvitation(WU, "inv-1", WU, later(11)))
    with pytest.raises(Unauthorized):
        village.handle(IssueApiToken(WU, "tok-1", "群机器人", (Scope.READ,), LV, later(12)))

    events = village.handle(issue)

    assert [ApiTokenIssued(WU, "tok-1", "群机器人", (Scope.READ,), later(102))] == events
    token = village.states["account-wu-zy"].token("tok-1")
    assert token.admits(later(101))
    assert not token.admits(later(102))


def test_the_secretary_revokes_a_token_once() -> None:
    village = opened()
    village.handle(IssueApiToken(WU, "tok-1", "群机器人", (Scope.WRITE,), WU, later(12)))

    assert [ApiTokenRevoked(WU, "tok-1", "泄露")] == village.handle(
        RevokeApiToken(WU, "tok-1", "泄露", LV, later(13))
    )
    assert [] == village.handle(RevokeApiToken(WU, "tok-1", "泄露", LV, later(14)))
    assert not village.states["account-wu-zy"].token("tok-1").admits(later(14))


@pytest.mark.parametrize("scopes", [(), ("read",), (Scope.READ, Scope.READ)])
def test_scopes_are_one_or_both_known_scopes(scopes: tuple[object, ...]) -> None:
    with pytest.raises(ValueError, match="scopes"):
        IssueApiToken(WU, "tok-1", "x", scopes, WU, later(12))  # type: ignore[arg-type]
