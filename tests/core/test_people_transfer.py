"""组织关系转接 Transferring a person's membership between units.

Given the town (吕革新 and 陈天云 on 清渭街村's roll, 胡泰来 官川村's secretary), when a
transfer is decided, then the event, or a typed refusal that writes nothing; afterwards
every question "which unit is this person in" follows the transfer, as of its time.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.kernel.errors import Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.people.commands import ChangePartyStatus, TransferMembership
from dangjian_core.people.events import MembershipTransferred, PartyStatus
from dangjian_core.people.state import PersonError, home_unit
from dangjian_core.units.commands import DissolveUnit, MergeUnit
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UnitError
from tests.core.given import Village
from tests.core.org import (
    CHEN,
    DING,
    GROUP,
    GUANCHUAN,
    HU,
    LV,
    QINGWEIJIE,
    WANG,
    ZONGZHI,
    appoint,
    later,
    town,
)


def transfer(
    to: str = GUANCHUAN,
    actor: str = LV,
    at: float = 10,
    person: str = CHEN,
    source: str = QINGWEIJIE,
) -> TransferMembership:
    """清渭街村's secretary 吕革新 transfers 陈天云 to 官川村 on day ``at``."""
    return TransferMembership(
        PersonId(person), BranchId(source), BranchId(to), "迁居官川村", actor, later(at)
    )


def village() -> Village:
    """The town with 吕革新 as 清渭街村's secretary."""
    town_ = town()
    town_.handle(appoint(QINGWEIJIE, LV, Role.SECRETARY, WANG))
    return town_


def refused(v: Village, command: Any, error: type[Exception]) -> Any:
    before = len(v.log)
    refusal = v.attempt(command)
    assert isinstance(refusal, error), refusal
    assert (bool(refusal.zh), bool(refusal.en), before) == (True, True, len(v.log))
    return refusal


def test_the_sending_secretary_transfers_a_member_from_the_commands_time() -> None:
    v = village()

    events = v.handle(transfer())

    assert [MembershipTransferred(CHEN, QINGWEIJIE, GUANCHUAN, later(10), "迁居官川村")] == events
    person = v.states[f"person-{CHEN}"]
    assert (QINGWEIJIE, GUANCHUAN, GUANCHUAN) == (
        person.branch_at(later(9)),
        person.branch_at(later(10)),
        person.branch_id,
    )


def test_the_persons_home_unit_follows_the_transfer_as_of_dates() -> None:
    v = village()
    v.handle(transfer())
    person, directory = v.states[f"person-{CHEN}"], v.directory()

    homes = [home_unit(directory, person, later(d)).unit_id for d in (9, 10)]

    assert [QINGWEIJIE, GUANCHUAN] == homes


def test_after_the_transfer_the_receivers_leaders_keep_the_persons_roll() -> None:
    v = village()
    v.handle(transfer())
    status = ChangePartyStatus(
        CHEN, PartyStatus.SUSPENDED, date(2018, 1, 20), "处分", HU, later(20)
    )

    refused_before = v.attempt(
        ChangePartyStatus(CHEN, PartyStatus.SUSPENDED, date(2018, 1, 3), "处分", HU, later(5))
    )

    assert isinstance(refused_before, Unauthorized)
    assert 1 == len(v.handle(status))


def test_transferring_again_is_no_change() -> None:
    v = village()
    v.handle(transfer())

    assert [] == v.handle(transfer())


def test_the_receiving_unit_alone_may_not_transfer_a_member_in() -> None:
    refused(village(), transfer(actor=HU), Unauthorized)


def test_the_level_above_may_transfer() -> None:
    assert 1 == len(village().handle(transfer(actor=DING)))


def test_an_unknown_target_is_refused() -> None:
    refused(village(), transfer(to="nowhere"), UnknownSubject)


def test_a_dissolved_target_is_refused() -> None:
    v = village()
    v.handle(DissolveUnit(GUANCHUAN, "整村搬迁", WANG, later(5)))

    refusal = refused(v, transfer(), UnitError)

    assert "已撤销" in refusal.zh


def test_a_transfer_to_the_same_unit_is_refused() -> None:
    refused(village(), transfer(to=QINGWEIJIE), PersonError)


def test_a_transfer_from_a_unit_the_person_is_not_in_is_refused() -> None:
    refusal = refused(village(), transfer(source=GUANCHUAN), PersonError)

    assert QINGWEIJIE in refusal.zh


def test_a_party_group_keeps_no_roll_and_cannot_receive() -> None:
    refused(village(), transfer(to=GROUP), UnitError)


def test_a_deceased_person_is_not_transferred() -> None:
    v = village()
    v.handle(ChangePartyStatus(CHEN, PartyStatus.DECEASED, date(2018, 1, 3), "病故", LV, later(5)))

    refused(v, transfer(), PersonError)


def test_a_transfer_from_a_merged_unit_is_from_its_survivor() -> None:
    v = village()
    v.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(5)))

    events = v.handle(transfer(person=HU, source=GUANCHUAN, to=ZONGZHI, actor=WANG, at=6))

    assert [MembershipTransferred(HU, QINGWEIJIE, ZONGZHI, later(6), "迁居官川村")] == events
