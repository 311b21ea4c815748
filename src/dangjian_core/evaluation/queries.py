"""考评查询 — the facts a close or a snapshot needs, read from the read models.

:func:`cycle_ledger` gathers a unit's ledger lines for a cycle, the completions still
awaiting review and everyone who keeps a standing, from the rows of the points, tasks
and people read models as of the end of the log (``facts.rows``): the same function
answers a decision under the stream's lock, the in-memory village and the views.
"""

from __future__ import annotations

from collections.abc import Mapping

from dangjian_core.evaluation.standings import CycleLedger, PendingReview
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.readmodel import Value
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.projections import PEOPLE
from dangjian_core.points.projections import LEDGER
from dangjian_core.points.queries import LedgerLine
from dangjian_core.tasks.projections import CLAIMS, TASKS
from dangjian_core.tasks.state import ClaimStatus

#: Whose standing the cycle keeps even with no points: activists and party members.
STANDING = frozenset(
    {PartyStatus.ACTIVIST, PartyStatus.CANDIDATE, PartyStatus.PROBATIONARY, PartyStatus.FULL}
)


def line_of(row: Mapping[str, Value]) -> LedgerLine:
    """A ledger row as a ledger line."""
    return LedgerLine(
        int(row["position"] or 0), str(row["at"]), str(row["actor_id"]), str(row["kind"]),
        str(row["category"]), int(row["delta"] or 0), str(row["ref"]), str(row["reason"] or ""),
    )  # fmt: skip


def cycle_ledger(facts: Facts, unit_id: str, cycle: str) -> CycleLedger:
    """A unit's ledger lines for a cycle by person (in log order), its completions
    awaiting review, and everyone on its roll who keeps a standing."""
    lines: dict[PersonId, list[LedgerLine]] = {}
    rows = facts.rows(LEDGER, {"branch_id": unit_id, "cycle": cycle})
    for row in sorted(rows, key=lambda r: int(r["position"] or 0)):
        lines.setdefault(PersonId(str(row["person_id"])), []).append(line_of(row))
    tasks = {str(t["task_id"]) for t in facts.rows(TASKS, {"branch_id": unit_id})}
    submitted = facts.rows(CLAIMS, {"cycle": cycle, "status": ClaimStatus.SUBMITTED.value})
    pending = sorted(
        (str(c["task_id"]), str(c["person_id"])) for c in submitted if c["task_id"] in tasks
    )
    people = facts.rows(PEOPLE, {"branch_id": unit_id})
    return CycleLedger(
        {person: tuple(found) for person, found in sorted(lines.items())},
        tuple(PendingReview(task, PersonId(person)) for task, person in pending),
        facts.position(),
        tuple(
            PersonId(str(p["person_id"]))
            for p in sorted(people, key=lambda p: str(p["person_id"]))
            if p["status"] in STANDING
        ),
    )
