"""承诺查询 — pure functions over the commitment read models: where a posted pledge stands
on a day (overdue ones flagged), the board of a unit's posted commitments, the counts over
many books, a concluded score explained from the rule and the bodies' grades, and the
score another concept (the star ratings) reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from attrs import frozen

from dangjian_core.commitments import scoring
from dangjian_core.commitments.scoring import ScorePart
from dangjian_core.commitments.state import PledgeStatus, book_id
from dangjian_core.commitments.values import AssessmentRule, AssessorBody, Fulfilment
from dangjian_core.kernel.readmodel import Value

Row = Mapping[str, Value]


class Standing(StrEnum):
    """践诺情况 — where a posted pledge stands on a day."""

    UNDER_WAY = "under_way"  # 践诺中
    DONE = "done"  # 已报完成
    OVERDUE = "overdue"  # 已逾期
    WITHDRAWN = "withdrawn"  # 已撤回
    ASSESSED = "assessed"  # 已评诺

    @property
    def zh(self) -> str:
        """The standing in Chinese."""
        return {
            "under_way": "践诺中",
            "done": "已报完成",
            "overdue": "已逾期",
            "withdrawn": "已撤回",
            "assessed": "已评诺",
        }[self.value]


def standing(row: Row, day: date) -> Standing:
    """Where a posted pledge (a ``commitment_pledges`` row) stands on ``day``: assessed,
    withdrawn, reported done, overdue (due before ``day`` and not reported done), or under
    way."""
    if row["outcome"]:
        return Standing.ASSESSED
    if row["status"] == PledgeStatus.WITHDRAWN.value:
        return Standing.WITHDRAWN
    if row["done"]:
        return Standing.DONE
    if date.fromisoformat(str(row["due"])) < day:
        return Standing.OVERDUE
    return Standing.UNDER_WAY


def overdue(rows: Iterable[Row], day: date) -> list[Row]:
    """The posted pledges overdue on ``day``, by pledger and number."""
    found = [row for row in rows if row["posted_on"] and standing(row, day) is Standing.OVERDUE]
    return sorted(found, key=lambda row: (str(row["pledger_id"]), int(row["item_no"] or 0)))


@frozen
class BoardPledge:
    """亮诺榜条目 — one posted pledge as the board shows it on a day: whose it is, its
    terms, its standing and the note that goes with it (a change's or withdrawal's reason,
    or the assessment's outcome and score)."""

    pledger_id: str
    pledger_name: str
    collective: bool
    item_no: int
    owner_name: str
    post: str
    content: str
    target: str
    due: str
    standing: Standing
    note: str


@frozen
class CommitmentBoard:
    """亮诺榜 — a unit's posted commitments for a year, as they stand on a day: members'
    pledges first, then the collective ones, each by pledger and number."""

    unit_id: str
    year: int
    on: date
    pledges: tuple[BoardPledge, ...]

    def count(self, standing: Standing) -> int:
        """How many pledges stand so."""
        return sum(1 for pledge in self.pledges if pledge.standing is standing)


def board(
    unit_id: str, year: int, rows: Iterable[Row], names: Mapping[str, str], on: date
) -> CommitmentBoard:
    """The board from ``commitment_pledges`` rows (only those ever posted) and the names of
    pledgers and owners."""
    entries = [_entry(row, names, on) for row in rows if row["posted_on"]]
    entries.sort(key=lambda e: (e.collective, e.pledger_name, e.pledger_id, e.item_no))
    return CommitmentBoard(unit_id, year, on, tuple(entries))


def _entry(row: Row, names: Mapping[str, str], on: date) -> BoardPledge:
    pledger, owner = str(row["pledger_id"]), str(row["owner_id"])
    found = standing(row, on)
    note = ""
    if found is Standing.ASSESSED:
        note = (
            f"{Fulfilment(str(row['outcome'])).zh} {scoring.show_score(int(row['score'] or 0))} 分"
        )
    elif found is Standing.WITHDRAWN:
        note = f"撤回理由: {row['withdrawn_reason']}"
    if row["changes"] and found is not Standing.WITHDRAWN:
        note = "; ".join(n for n in (note, f"已变更: {row['change_reason']}") if n)
    return BoardPledge(
        pledger,
        names.get(pledger, pledger),
        bool(row["collective"]),
        int(row["item_no"] or 0),
        names.get(owner, owner),
        str(row["post"]),
        str(row["content"]),
        str(row["target"]),
        str(row["due"]),
        found,
        note,
    )


@frozen
class BookCounts:
    """承诺统计 — over one or more books: the units posting, the members with posted
    commitments, and the posted pledges, personal and collective."""

    units: int
    members: int
    pledges: int
    collective_pledges: int


def counts(rows: Iterable[Row]) -> BookCounts:
    """The counts of posted pledges among ``commitment_pledges`` rows (withdrawn ones
    left out)."""
    posted = [r for r in rows if r["status"] == PledgeStatus.POSTED.value]
    members = {(r["unit_id"], r["pledger_id"]) for r in posted if not r["collective"]}
    collective = [r for r in posted if r["collective"]]
    return BookCounts(
        len({r["unit_id"] for r in posted}),
        len(members),
        len(posted) - len(collective),
        len(collective),
    )


@frozen
class ConcludedScore:
    """评诺得分 — a pledger's concluded commitment score (hundredths of a point) in one
    unit's book for a year."""

    unit_id: str
    year: int
    pledger_id: str
    score: int
    position: int

    @property
    def book_id(self) -> str:
        """The book the score was concluded in: ``<unit_id>@<year>``."""
        return book_id(self.unit_id, self.year)


def concluded_score(rows: Iterable[Row]) -> ConcludedScore | None:
    """The latest concluded score among ``commitment_scores`` rows of one pledger and year
    (a member moved between branches may have been assessed in both), or None."""
    found = [
        ConcludedScore(
            str(r["unit_id"]),
            int(r["year"] or 0),
            str(r["pledger_id"]),
            int(r["score"] or 0),
            int(r["position"] or 0),
        )
        for r in rows
    ]
    return max(found, key=lambda s: s.position, default=None)


@frozen
class PledgeExplanation:
    """事项得分说明 — one pledge's parts (each body's weight × grade), the score they add
    up to, and the score and outcome recorded at the conclusion."""

    item_no: int
    content: str
    parts: tuple[ScorePart, ...]
    recorded: int
    outcome: Fulfilment

    @property
    def total(self) -> int:
        """The parts added up (hundredths of a point)."""
        return sum(part.points for part in self.parts)


@frozen
class ScoreExplanation:
    """评诺得分说明 — a concluded score traced to its events: the rule's version, each
    pledge's parts from the bodies' grades, and the mean recorded as the score."""

    unit_id: str
    year: int
    pledger_id: str
    rule_version: int
    rule: AssessmentRule
    pledges: tuple[PledgeExplanation, ...]
    score: int

    @property
    def consistent(self) -> bool:
        """Whether every pledge's parts add up to its recorded score and the recorded score
        is their mean."""
        totals = [p.total for p in self.pledges]
        recorded = [p.recorded for p in self.pledges]
        return totals == recorded and scoring.mean_score(totals) == self.score


def rule_of(row: Row) -> AssessmentRule:
    """The rule a ``commitment_rules`` row records."""
    return AssessmentRule(
        int(row["self_weight"] or 0),
        int(row["meeting_weight"] or 0),
        int(row["representatives_weight"] or 0),
        int(row["partly_value"] or 0),
        int(row["fulfilled_from"] or 0),
        int(row["partly_from"] or 0),
    )


def explain_score(
    score: Row, pledges: Iterable[Row], grades: Iterable[Row], rule: Row
) -> ScoreExplanation:
    """A ``commitment_scores`` row explained by the pledges it scored (``commitment_pledges``
    rows with a recorded score), every body's grades (``commitment_grades``) and the rule
    version it names (``commitment_rules``)."""
    the_rule = rule_of(rule)
    by_pledge: dict[int, dict[AssessorBody, Fulfilment]] = {}
    for row in grades:
        by_pledge.setdefault(int(row["item_no"] or 0), {})[AssessorBody(str(row["body"]))] = (
            Fulfilment(str(row["grade"]))
        )
    explained = tuple(
        _explained(row, the_rule, by_pledge.get(int(row["item_no"] or 0), {}))
        for row in sorted(pledges, key=lambda r: int(r["item_no"] or 0))
        if row["outcome"]
    )
    return ScoreExplanation(
        str(score["unit_id"]),
        int(score["year"] or 0),
        str(score["pledger_id"]),
        int(score["rule_version"] or 0),
        the_rule,
        explained,
        int(score["score"] or 0),
    )


def _explained(
    row: Row, rule: AssessmentRule, grades: Mapping[AssessorBody, Fulfilment]
) -> PledgeExplanation:
    """A pledge's parts; none when a weighted body's grade is missing (a damaged log)."""
    complete = set(scoring.weighted(rule)) <= set(grades)
    return PledgeExplanation(
        int(row["item_no"] or 0),
        str(row["content"]),
        scoring.parts(rule, grades) if complete else (),
        int(row["score"] or 0),
        Fulfilment(str(row["outcome"])),
    )
