"""考评状态 — one unit's evaluation for one cycle, folded from its stream.

The stream ``evaluation-<unit_id>@<cycle>`` holds the schemes adopted (versions 1, 2, …),
the development quota, deductions, vetoes, activists' dimension scores, the quarterly
snapshots and, at the end, the close with the frozen standings.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import field, frozen

from dangjian_core.evaluation.scheme import Scheme
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.time import Cycle


@frozen
class Standing:
    """考评成绩 — one person's counted figures for a cycle under the unit's scheme.

    ``total`` is what counts (0 when vetoed); ``credits`` the approved tasks;
    ``reached_position`` the log position of the ledger line at which the person reached
    the total (the tie-break "reached it earlier"); ``categories`` the counted points per
    scheme category (or per ledger category when no scheme was adopted).
    """

    person_id: PersonId
    total: int
    credits: int
    reached_position: int
    categories: tuple[tuple[str, int], ...]
    vetoed: bool = False
    veto: str | None = None


@frozen
class FrozenStandings:
    """冻结成绩 — the standings as they stood when published or closed, best first.

    ``scheme_version`` is the scheme they were counted under (None: raw totals);
    ``through_position`` the last log position of the ledger they were counted from.
    """

    at: datetime
    rows: tuple[Standing, ...]
    scheme_version: int | None = None
    through_position: int = 0

    def of(self, person_id: str) -> Standing | None:
        """The person's row, if they have one."""
        return next((row for row in self.rows if row.person_id == person_id), None)


@frozen
class Deduction:
    """扣分记录 — a fixed deduction applied to a person in this cycle."""

    deduction_id: str
    person_id: PersonId
    code: str
    label: str
    points: int
    category: str
    reason: str


@frozen
class Snapshot:
    """季度成绩 — the standings published for a quarter (e.g. ``2022Q2``), as of ``standings.at``."""

    quarter: str
    standings: FrozenStandings


@frozen
class EvaluationState:
    """考评 — a unit's schemes, quota, deductions, vetoes, scores, snapshots and close."""

    unit_id: BranchId
    cycle: Cycle
    schemes: tuple[Scheme, ...] = ()
    quota: int | None = None
    deductions: tuple[Deduction, ...] = ()
    vetoes: Mapping[PersonId, str] = field(factory=dict)
    activist_scores: Mapping[PersonId, Mapping[str, int]] = field(factory=dict)
    snapshots: tuple[Snapshot, ...] = ()
    closed: FrozenStandings | None = None

    @property
    def scheme(self) -> Scheme | None:
        """The scheme in force: the latest adopted version, if any."""
        return self.schemes[-1] if self.schemes else None

    @property
    def scheme_version(self) -> int | None:
        """The version number of the scheme in force (1, 2, …), if any."""
        return len(self.schemes) or None

    def deductions_of(self, person_id: str) -> tuple[Deduction, ...]:
        """The deductions applied to a person, in the order applied."""
        return tuple(d for d in self.deductions if d.person_id == person_id)

    def snapshot_as_of(self, when: datetime) -> Snapshot | None:
        """The latest snapshot published on or before ``when``."""
        published = [s for s in self.snapshots if s.standings.at <= when]
        return max(published, key=lambda s: s.standings.at, default=None)


def evaluation_id(unit_id: str, cycle: Cycle) -> str:
    """The evaluation stream's subject: ``<unit_id>@<cycle>``, e.g. ``paixilv@2021-10``."""
    return f"{unit_id}@{cycle}"


#: A unit's evaluation of one cycle, ``evaluation-<unit id>@<cycle>``; None before its
#: first event.
EVALUATION: Stream[EvaluationState | None] = Stream("evaluation", nothing)


class EvaluationError(DomainError):
    """考评错误 — an evaluation command was refused."""

    code = "evaluation"


class CycleAlreadyClosed(EvaluationError):
    """周期已结束 — the evaluation cycle is closed: its standings are frozen."""

    code = "cycle_closed"


class ReviewsPending(EvaluationError):
    """尚有待审核 — completions of the cycle still await review, so it cannot close."""

    code = "reviews_pending"


class OnceAYear(EvaluationError):
    """每年限一次 — a deduction item that applies at most once a year was applied already."""

    code = "once_a_year"


def closed_refusal(state: EvaluationState) -> CycleAlreadyClosed:
    """The refusal for any change to a closed cycle."""
    return CycleAlreadyClosed(
        f"{state.unit_id} 的 {state.cycle} 考评周期已结束,成绩已冻结",
        f"the {state.cycle} evaluation cycle of {state.unit_id} is closed; its standings are frozen",
    )
