"""发展状态 — one unit's development list for a cycle, as folded from its stream."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import NoReturn

from attrs import field, frozen

from dangjian_core.development.events import (
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionFiled,
    RankedActivist,
    TrainingFlagged,
)
from dangjian_core.kernel.concept import Stream
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import PersonId


class Outcome(StrEnum):
    """异议处理结果 — where an objection stands."""

    OPEN = "open"  # 调查中
    UPHELD = "upheld"  # 成立
    DISMISSED = "dismissed"  # 不成立

    @property
    def zh(self) -> str:
        """The outcome's Chinese name."""
        return {"open": "调查中", "upheld": "成立", "dismissed": "不成立"}[self.value]


@frozen
class Objection:
    """异议 — one objection as filed, and how it was resolved (finding or reason)."""

    filed: ObjectionFiled
    outcome: Outcome = Outcome.OPEN
    note: str = ""

    @property
    def objection_id(self) -> str:
        """The objection's id."""
        return self.filed.objection_id

    @property
    def person_id(self) -> PersonId:
        """Whom the objection is about."""
        return self.filed.person_id


@frozen
class DevelopmentState:
    """发展名单状态 — the proposal, the current list, the notices, objections and outcomes.

    Empty until something is decided. ``selected`` is the list as amended by upheld objections (in rank order);
    ``removed`` are the people upheld objections took off it; ``notice`` is the latest
    notice, ``changed_since_notice`` whether someone moved up after it was posted.
    """

    proposal: ListProposed | None = None
    selected: tuple[PersonId, ...] = ()
    removed: tuple[PersonId, ...] = ()
    notice: NoticePosted | None = None
    changed_since_notice: bool = False
    objections: Mapping[str, Objection] = field(factory=dict)
    confirmed: tuple[PersonId, ...] | None = None
    commended: MembersCommended | None = None
    flagged: TrainingFlagged | None = None

    @property
    def open_objections(self) -> tuple[Objection, ...]:
        """Objections still being investigated."""
        return tuple(o for o in self.objections.values() if o.outcome is Outcome.OPEN)

    def next_eligible(self) -> RankedActivist | None:
        """The best-ranked eligible activist neither on the list nor taken off it."""
        ranking = () if self.proposal is None else self.proposal.ranking
        for entry in ranking:
            taken = entry.person_id in self.selected or entry.person_id in self.removed
            if entry.eligible and not taken:
                return entry
        return None

    def in_rank_order(self, people: tuple[PersonId, ...]) -> tuple[PersonId, ...]:
        """``people`` sorted by their rank in the proposal; anyone it does not rank (only
        a damaged log names them: ``evolve`` must still not fail) after, in given order."""
        ranking = () if self.proposal is None else self.proposal.ranking
        ranks = {entry.person_id: entry.rank for entry in ranking}
        unranked = len(ranks) + 1
        return tuple(sorted(people, key=lambda person: ranks.get(person, unranked)))

    def on_notice_since(self, day: date) -> bool:
        """Whether the latest notice had been posted by ``day``."""
        return self.notice is not None and self.notice.posted_on <= day


#: A unit's development list of one cycle, ``development-<unit id>@<cycle>``; nothing
#: decided before its first event.
DEVELOPMENT: Stream[DevelopmentState] = Stream("development", DevelopmentState)


class DevelopmentError(DomainError):
    """发展程序错误 — a development command was refused by a rule of the notice procedure;
    the message names the rule."""

    code = "development"


def refuse(rule: str, zh: str, en: str) -> NoReturn:
    """Raise :class:`DevelopmentError` naming ``rule``."""
    raise DevelopmentError(f"{zh} (规则 {rule})", f"{en} (rule {rule})")
