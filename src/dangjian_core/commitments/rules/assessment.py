"""评诺 — the rule, the bodies' grades, and the conclusion (after authority: the unit's
leaders adopt the rule; the member, or their group's leaders, assess themselves; the
branch records the members' meeting and the villagers' representatives and concludes,
never on its own commitment).

- the rule is adopted again as its next version until the first conclusion in the book;
- a body grades every posted pledge once all of them are due; a later record of the same
  body replaces its grades until the conclusion;
- the conclusion needs the rule, and the grades of every weighted body for every posted
  pledge; it scores each pledge and the commitment (:mod:`~dangjian_core.commitments.scoring`)
  and records the rule's version; concluding again changes nothing.
"""

from __future__ import annotations

from dangjian_core.commitments import scoring
from dangjian_core.commitments.commands import (
    AdoptAssessmentRule,
    AssessCommitment,
    ConcludeAssessment,
)
from dangjian_core.commitments.events import (
    AssessmentConcluded,
    AssessmentRuleAdopted,
    CommitmentAssessed,
    CommitmentEvent,
)
from dangjian_core.commitments.rules.common import commitment_of, open_commitment, refuse
from dangjian_core.commitments.state import Commitment, CommitmentBook, Pledge
from dangjian_core.commitments.values import (
    AssessmentRule,
    AssessorBody,
    Fulfilment,
    PledgeGrade,
    PledgeResult,
)
from dangjian_core.kernel.time import local_date


def adopt(command: AdoptAssessmentRule, book: CommitmentBook) -> list[CommitmentEvent]:
    """The next version of the rule, unless it is the one in force."""
    rule = AssessmentRule(
        command.self_weight,
        command.meeting_weight,
        command.representatives_weight,
        command.partly_value,
        command.fulfilled_from,
        command.partly_from,
    )
    if book.rule == rule:
        return []
    if book.any_concluded:
        refuse(
            "rule_fixed",
            f"{book.unit_id} {book.year} 年已有评诺结果确定, 规则不能再改",
            f"assessments of {book.year} in {book.unit_id} are concluded; the rule is fixed",
        )
    return [AssessmentRuleAdopted(command.unit_id, command.year, len(book.rules) + 1, rule)]


def assess(command: AssessCommitment, book: CommitmentBook) -> list[CommitmentEvent]:
    """One body's grade of every posted pledge, once all of them are due."""
    commitment = commitment_of(book, command.pledger_id)
    grades = tuple(PledgeGrade(number, grade) for number, grade in sorted(command.grades))
    event = CommitmentAssessed(
        command.unit_id, command.year, command.pledger_id, command.body, grades, command.note
    )
    if commitment.assessments.get(command.body) == event:
        return []
    open_commitment(commitment)
    posted = _posted(commitment)
    wanted = sorted(p.item_no for p in posted)
    given = sorted(g.item_no for g in grades)
    if given != wanted:
        refuse(
            "every_pledge",
            f"须逐项评定已公示的第 {_numbers(wanted)} 项 (给出的是第 {_numbers(given)} 项)",
            f"grade each posted pledge {wanted}, not {given}",
        )
    last = max(p.terms.due for p in posted)
    if local_date(command.at) < last:
        refuse(
            "all_due",
            f"最后一项于 {last} 到期, 到期后才能评诺",
            f"the last pledge falls due on {last}; assess after that",
        )
    return [event]


def conclude(command: ConcludeAssessment, book: CommitmentBook) -> list[CommitmentEvent]:
    """Every posted pledge scored under the rule in force from the weighted bodies' grades."""
    commitment = commitment_of(book, command.pledger_id)
    if commitment.concluded is not None:
        return []
    rule = book.rule
    if rule is None:
        refuse(
            "rule",
            f"{book.unit_id} {book.year} 年尚未采用评诺规则",
            f"{book.unit_id} has adopted no assessment rule for {book.year}",
        )
    results = tuple(_result(rule, commitment, pledge) for pledge in _posted(commitment))
    score = scoring.mean_score(r.score for r in results)
    return [
        AssessmentConcluded(
            command.unit_id, command.year, command.pledger_id, len(book.rules), results, score
        )
    ]


def grades_of(commitment: Commitment, item_no: int) -> dict[AssessorBody, Fulfilment]:
    """Each body's latest grade of one pledge."""
    return {
        body: grade.grade
        for body, assessed in commitment.assessments.items()
        for grade in assessed.grades
        if grade.item_no == item_no
    }


def _result(rule: AssessmentRule, commitment: Commitment, pledge: Pledge) -> PledgeResult:
    grades = grades_of(commitment, pledge.item_no)
    missing = [body for body in scoring.weighted(rule) if body not in grades]
    if missing:
        bodies = "、".join(body.zh for body in missing)
        refuse(
            "assessed",
            f"第 {pledge.item_no} 项尚缺{bodies}",
            f"pledge {pledge.item_no} lacks the grade of {', '.join(missing)}",
        )
    score = sum(part.points for part in scoring.parts(rule, grades))
    return PledgeResult(pledge.item_no, pledge.owner_id, score, scoring.outcome_of(rule, score))


def _posted(commitment: Commitment) -> tuple[Pledge, ...]:
    posted = commitment.posted
    if not posted:
        refuse(
            "posted",
            f"{commitment.pledger_id} 没有已公示的承诺事项可评",
            f"{commitment.pledger_id} has no posted pledge to assess",
        )
    return posted


def _numbers(numbers: list[int]) -> str:
    return "、".join(str(n) for n in numbers) or "(无)"
