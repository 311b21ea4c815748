"""发展事件 — a list proposed from the closed standings, posted publicly, objected to,
amended, confirmed; full members commended or flagged for training.

One stream per unit and cycle. :class:`ObjectionFiled` holds the filer's ``contact``
(personal data: never shown on public outputs, see :data:`dangjian_core.trail.PRIVATE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.kernel.time import Cycle


@frozen
class RankedActivist:
    """排名 — one activist's place in the ranking: figures, eligibility and tie-break.

    ``separated_by`` names the tie rule that put this person below the one above (None
    when the totals differ or for the first); ``reason`` says why someone is ineligible.
    """

    rank: int
    person_id: PersonId
    name: str
    total: int
    credits: int
    eligible: bool
    reason: str
    separated_by: str | None


@frozen
class ListProposed:
    """发展对象名单已拟定 — activists ranked by points; the top ``quota`` eligible ones are
    proposed as development candidates (发展对象)."""

    TITLE: ClassVar[str] = "发展对象名单已拟定"

    unit_id: BranchId
    cycle: Cycle
    quota: int
    closed_at: datetime
    ranking: tuple[RankedActivist, ...]
    selected: tuple[PersonId, ...]


@frozen
class NoticePosted:
    """名单已公示 — the proposed list is posted from ``posted_on`` for ``days`` working days,
    ending on ``period_end``; the list as posted is ``listed``."""

    TITLE: ClassVar[str] = "名单已公示"

    unit_id: BranchId
    cycle: Cycle
    posted_on: date
    days: int
    period_end: date
    calendar_id: str
    listed: tuple[PersonId, ...]


@frozen
class ObjectionFiled:
    """异议已受理 — someone objected to a person on the posted list (``filer_id`` is a
    registered person or ``public``; ``contact`` is personal data)."""

    TITLE: ClassVar[str] = "异议已受理"

    unit_id: BranchId
    cycle: Cycle
    objection_id: str
    person_id: PersonId
    text: str
    filer_id: str
    filer_name: str
    contact: str


@frozen
class ObjectionUpheld:
    """异议成立 — the investigation upheld an objection: ``removed`` leaves the list and the
    next eligible activist, ``promoted`` (None when nobody is left), moves up."""

    TITLE: ClassVar[str] = "异议成立"

    unit_id: BranchId
    cycle: Cycle
    objection_id: str
    removed: PersonId
    promoted: PersonId | None
    finding: str


@frozen
class ObjectionDismissed:
    """异议不成立 — the investigation dismissed an objection, for the recorded reason."""

    TITLE: ClassVar[str] = "异议不成立"

    unit_id: BranchId
    cycle: Cycle
    objection_id: str
    reason: str


@frozen
class ListConfirmed:
    """名单已确定 — the notice period is over and every objection resolved: ``confirmed``
    become development candidates from ``since``."""

    TITLE: ClassVar[str] = "名单已确定"

    unit_id: BranchId
    cycle: Cycle
    confirmed: tuple[PersonId, ...]
    since: date


@frozen
class MemberStanding:
    """党员积分 — a full member's total for the cycle."""

    person_id: PersonId
    name: str
    total: int


@frozen
class MembersCommended:
    """高分党员已表扬 — the top ``top`` full members by points are commended."""

    TITLE: ClassVar[str] = "高分党员已表扬"

    unit_id: BranchId
    cycle: Cycle
    top: int
    commended: tuple[MemberStanding, ...]


@frozen
class TrainingFlagged:
    """低分党员需加强培训和引导 — full members under ``threshold`` points are flagged; a
    training task ``task_id`` (``points`` each, due ``deadline``) is issued to them only."""

    TITLE: ClassVar[str] = "低分党员需加强培训和引导"

    unit_id: BranchId
    cycle: Cycle
    threshold: int
    flagged: tuple[MemberStanding, ...]
    task_id: TaskId
    points: int
    deadline: datetime


DevelopmentEvent = (
    ListProposed
    | NoticePosted
    | ObjectionFiled
    | ObjectionUpheld
    | ObjectionDismissed
    | ListConfirmed
    | MembersCommended
    | TrainingFlagged
)


#: The stable stored name of every development event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[DevelopmentEvent]] = {
    "ListProposed": ListProposed,
    "NoticePosted": NoticePosted,
    "ObjectionFiled": ObjectionFiled,
    "ObjectionUpheld": ObjectionUpheld,
    "ObjectionDismissed": ObjectionDismissed,
    "ListConfirmed": ListConfirmed,
    "MembersCommended": MembersCommended,
    "TrainingFlagged": TrainingFlagged,
}
