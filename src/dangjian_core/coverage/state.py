"""红色全覆盖状态 — a unit's register of above-scale enterprises as folded from its stream;
and the refusals of coverage commands."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from dangjian_core.coverage.events import OrganizationForm
from dangjian_core.kernel.concept import Stream
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId


class CoverageError(DomainError):
    """覆盖错误 — a register command was refused by a rule of the register."""

    code = "coverage"


@frozen
class Enterprise:
    """在册企业 — an enterprise of the register: since when, its party organization (if
    founded), when it left (if it did)."""

    enterprise_id: str
    name: str
    since: date
    founded_on: date | None = None
    form: OrganizationForm | None = None
    branch_id: BranchId | None = None
    delisted_on: date | None = None


@frozen
class RegisterState:
    """企业名册 — the unit's enterprises, in the order they were listed."""

    enterprises: tuple[Enterprise, ...] = ()

    def enterprise(self, enterprise_id: str) -> Enterprise | None:
        """The enterprise with this id."""
        return next((e for e in self.enterprises if e.enterprise_id == enterprise_id), None)


def _empty() -> RegisterState:
    return RegisterState()


#: A unit's register, ``coverage-<unit id>``; empty before the first enterprise.
REGISTER: Stream[RegisterState] = Stream("coverage", _empty)
