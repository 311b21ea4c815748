"""考评规则 — what each evaluation command records, given the state and the facts."""

from __future__ import annotations

from dangjian_core.evaluation.commands import (
    AdoptScheme,
    ApplyDeduction,
    CloseCycle,
    PublishSnapshot,
    RecordVeto,
    ScoreActivist,
    SetQuota,
)
from dangjian_core.evaluation.events import (
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    EvaluationEvent,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)
from dangjian_core.evaluation.queries import cycle_ledger
from dangjian_core.evaluation.scheme import NO_SHOW_CODE, Scheme
from dangjian_core.evaluation.standings import standings
from dangjian_core.evaluation.state import (
    EvaluationError,
    EvaluationState,
    OnceAYear,
    ReviewsPending,
)
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import Cycle, cycle_of
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.state import UnitState


def adopt(command: AdoptScheme, state: EvaluationState) -> list[EvaluationEvent]:
    """A new version, unless the scheme in force is already this one."""
    if state.scheme == command.scheme:
        return []
    version = len(state.schemes) + 1
    return [SchemeAdopted(command.unit_id, command.cycle, version, command.scheme)]


def set_quota(command: SetQuota, state: EvaluationState) -> list[EvaluationEvent]:
    """The quota, unless it is already set to this number."""
    if state.quota == command.quota:
        return []
    return [QuotaSet(command.unit_id, command.cycle, command.quota, command.reason)]


def in_force(state: EvaluationState) -> Scheme:
    """The scheme in force, or a refusal: deductions, vetoes and scores need one."""
    if state.scheme is None:
        raise EvaluationError(
            f"{state.unit_id} 在 {state.cycle} 周期尚未采用积分细则",
            f"{state.unit_id} has adopted no points scheme for cycle {state.cycle}",
        )
    return state.scheme


def deduct(command: ApplyDeduction, state: EvaluationState) -> list[EvaluationEvent]:
    """A fixed deduction item; a once-a-year item only once per person. The code
    ``no-show`` (a no-show's follow-up) applies the item the scheme's no-show rule
    names, and nothing without a scheme or such a rule."""
    if command.code == NO_SHOW_CODE:
        item = None if state.scheme is None else state.scheme.no_show_item()
        if item is None:
            return []
    else:
        item = in_force(state).deduction(command.code)
    if item is None:
        raise InvalidCommand(
            f"积分细则中没有扣分项 {command.code}", f"the scheme has no deduction {command.code}"
        )
    event = DeductionApplied(
        command.unit_id, command.cycle, command.deduction_id, command.person_id, item.code,
        item.label, item.points, item.category, command.reason,
    )  # fmt: skip
    earlier = [d for d in state.deductions if d.deduction_id == command.deduction_id]
    if earlier:
        if (earlier[0].person_id, earlier[0].code) == (command.person_id, item.code):
            return []
        raise EvaluationError(
            f"扣分编号 {command.deduction_id} 已被使用",
            f"deduction id {command.deduction_id} was already used",
        )
    if item.once_a_year and any(
        d.code == item.code for d in state.deductions_of(command.person_id)
    ):
        if command.code == NO_SHOW_CODE:
            return []  # a later no-show of the year costs nothing more under a once-a-year item
        raise OnceAYear(
            f"{command.person_id} 本年度已扣过「{item.label}」(每年限一次)",
            f"{command.person_id} was already deducted for {item.code} this cycle (once a year)",
        )
    return [event]


def veto(command: RecordVeto, state: EvaluationState) -> list[EvaluationEvent]:
    """A named breach zeroes the year; recorded once per person."""
    item = in_force(state).veto(command.code)
    if item is None:
        raise InvalidCommand(
            f"积分细则中没有否决项 {command.code}", f"the scheme has no veto item {command.code}"
        )
    earlier = state.vetoes.get(command.person_id)
    if earlier == item.label:
        return []
    if earlier is not None:
        raise EvaluationError(
            f"{command.person_id} 本年度已被一票否决(「{earlier}」)",
            f"{command.person_id} was already vetoed this cycle ({earlier})",
        )
    return [
        VetoRecorded(
            command.unit_id, command.cycle, command.person_id, item.code, item.label,
            command.reason,
        )
    ]  # fmt: skip


def score_activist(command: ScoreActivist, state: EvaluationState) -> list[EvaluationEvent]:
    """Scores on the scheme's hand-scored dimensions, each within its maximum."""
    scheme = in_force(state)
    dims = {d.name: d for d in scheme.dimensions if not d.from_points}
    for name, value in command.scores:
        if name not in dims or value > dims[name].max_score:
            top = dims[name].max_score if name in dims else None
            raise InvalidCommand(
                f"维度「{name}」不在积分细则中或得分超过满分 {top}",
                f"dimension {name!r} is not hand-scored in the scheme or exceeds {top}",
            )
    scores = dict(command.scores)
    if state.activist_scores.get(command.person_id) == scores:
        return []
    ordered = tuple(sorted(scores.items()))
    return [ActivistScored(command.unit_id, command.cycle, command.person_id, ordered)]


def _months(quarter: str) -> list[tuple[int, int]]:
    year, q = int(quarter[:4]), int(quarter[-1])
    return [(year, month) for month in range(3 * q - 2, 3 * q + 1)]


def publish(
    command: PublishSnapshot, state: EvaluationState, facts: Facts, start_month: int
) -> list[EvaluationEvent]:
    """The standings as they are now, for a quarter of the cycle; once per quarter."""
    if any(s.quarter == command.quarter for s in state.snapshots):
        return []
    inside = [
        m for m in _months(command.quarter) if _cycle_of_month(*m, start_month) == state.cycle
    ]
    if not inside:
        raise InvalidCommand(
            f"{command.quarter} 不在 {state.cycle} 周期内",
            f"quarter {command.quarter} is not in cycle {state.cycle}",
        )
    ledger = cycle_ledger(facts, state.unit_id, state.cycle)
    frozen = standings(state, ledger, command.at)
    return [SnapshotPublished(command.unit_id, command.cycle, command.quarter, frozen)]


def _cycle_of_month(year: int, month: int, start_month: int) -> Cycle:
    return f"{year if month >= start_month else year - 1}-{start_month:02d}"


def close(
    command: CloseCycle, state: EvaluationState, facts: Facts, start_month: int
) -> list[EvaluationEvent]:
    """Once the cycle is over and no completion awaits review, freeze the standings."""
    if cycle_of(command.at, start_month) <= state.cycle:
        raise EvaluationError(
            f"{state.cycle} 周期尚未结束,不能结束考评",
            f"cycle {state.cycle} is not over yet at {command.at.isoformat()}",
        )
    ledger = cycle_ledger(facts, state.unit_id, state.cycle)
    if ledger.pending:
        listed = "、".join(f"{p.task_id}({p.person_id})" for p in ledger.pending)
        raise ReviewsPending(
            f"尚有 {len(ledger.pending)} 项完成情况待审核:{listed}",
            f"{len(ledger.pending)} completion(s) await review: {listed}",
        )
    return [CycleClosed(command.unit_id, command.cycle, standings(state, ledger, command.at))]


def on_roll(
    facts: Facts,
    unit: UnitState,
    person_id: str,
    command: ApplyDeduction | RecordVeto | ScoreActivist,
) -> None:
    person = facts.get(PERSON, person_id)
    home = None if person is None else live_unit(facts, person.branch_id, command.at)
    if home is None or home.unit_id != unit.unit_id:
        raise UnknownSubject(
            f"{person_id} 不是 {unit.unit_id} 登记人员",
            f"{person_id} is not on {unit.unit_id}'s roll",
        )
