"""人员命令 — registering people, recording their details, correcting names, and recording
party status changes and probation extensions."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.kernel.ids import BranchId, PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import text as _text
from dangjian_core.people.events import Gender, PartyStatus

_ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CODES = "10X98765432"


def is_id_number(value: str) -> bool:
    """A resident ID number (公民身份号码, GB 11643): 17 digits and a check character."""
    if not _ID_NUMBER.match(value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value, _WEIGHTS, strict=False))
    return _CHECK_CODES[total % 11] == value[-1]


def _id_number(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or (value and not is_id_number(value)):
        raise ValueError("身份证号码格式或校验位不对 / not a valid resident ID number")


def _birth_year(_instance: object, _attribute: object, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValueError(f"出生年份须为1900–2100 / birth year 1900–2100 expected, got {value!r}")


_gender: Any = validators.instance_of(Gender)


@frozen
class RegisterPerson:
    """登记人员 — put a person on a unit's roll, optionally with their personal details."""

    person_id: PersonId = field(validator=check_id)
    branch_id: BranchId = field(validator=check_id)
    name: str = field(validator=_text(1, 40))
    status: PartyStatus = field(validator=validators.instance_of(PartyStatus))
    status_since: date = field(validator=validators.instance_of(date))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    gender: Gender = field(default=Gender.UNSPECIFIED, validator=_gender)
    birth_year: int | None = field(default=None, validator=_birth_year)
    contact: str = field(default="", validator=_text(0, 40))
    id_number: str = field(default="", validator=_id_number)


@frozen
class RecordPersonDetails:
    """记录个人信息 — record (or correct) a person's gender, birth year, contact, ID number."""

    person_id: PersonId = field(validator=check_id)
    gender: Gender = field(validator=_gender)
    birth_year: int | None = field(validator=_birth_year)
    contact: str = field(validator=_text(0, 40))
    id_number: str = field(validator=_id_number)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RenamePerson:
    """更正姓名 — correct a person's name, with a reason."""

    person_id: PersonId = field(validator=check_id)
    name: str = field(validator=_text(1, 40))
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ChangePartyStatus:
    """变更政治面貌 — record that a person's party status changed from a date."""

    person_id: PersonId = field(validator=check_id)
    status: PartyStatus = field(validator=validators.instance_of(PartyStatus))
    since: date = field(validator=validators.instance_of(date))
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ExtendProbation:
    """延长预备期 — extend a probationary member's probation (at most one year), with a reason."""

    person_id: PersonId = field(validator=check_id)
    until: date = field(validator=validators.instance_of(date))
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class TransferMembership:
    """转接组织关系 — move a person from the roll of ``from_id`` to the roll of ``to_id``
    from the command's time, with a reason; decided by the sending unit's secretary or
    organizing member (or from above it)."""

    person_id: PersonId = field(validator=check_id)
    from_id: BranchId = field(validator=check_id)
    to_id: BranchId = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


PersonCommand = (
    RegisterPerson
    | RecordPersonDetails
    | RenamePerson
    | ChangePartyStatus
    | ExtendProbation
    | TransferMembership
)
