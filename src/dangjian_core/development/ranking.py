"""排名与资格 — the closed cycle's standings ranked with the points wall's tie rules, and
who may fill the development quota.

The order is :func:`dangjian_core.points.queries.rank` (rules :data:`~dangjian_core.points.
wall.TIE_RULES`): higher total, more approved tasks, reached the total earlier, smaller
id. Only people who were activists at the close are ranked; of them, an activist fills
the quota only if eligible:

- at least one year as activist at the close (from the dated status history: 入党积极分子
  须培养考察一年以上);
- not vetoed (一票否决) in the evaluation;
- still an activist now (not moved on, back or out since the close).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from dangjian_core.development.events import MemberStanding, RankedActivist
from dangjian_core.evaluation.state import EvaluationState
from dangjian_core.evaluation.state import Standing as Figures
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.time import local_date
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.pipeline import add_years, last_start
from dangjian_core.people.state import PERSON, PersonState, StatusPeriod
from dangjian_core.points.queries import Standing, WallEntry, rank


def status_on(history: tuple[StatusPeriod, ...], day: date) -> PartyStatus | None:
    """The party status held on ``day`` (None before the first recorded status)."""
    held = [period.status for period in history if period.since <= day]
    return held[-1] if held else None


def ineligibility(person: PersonState, closed: date, veto: str | None) -> str:
    """Why an activist at the close may not fill the quota; empty when they may."""
    if veto is not None:
        return f"一票否决: {veto} / vetoed"
    history = tuple(period for period in person.history if period.since <= closed)
    since = last_start(history, PartyStatus.ACTIVIST)
    earliest = add_years(since, 1) if since is not None else closed
    if earliest > closed:
        return (
            f"截至 {closed} 任入党积极分子不满一年 (自 {since} 起, 最早 {earliest}) "
            f"/ less than a year as activist at the close"
        )
    if person.status is not PartyStatus.ACTIVIST:
        return f"现为「{person.status.zh}」, 已不是入党积极分子 / no longer an activist"
    return ""


def wall_of(
    rows: Iterable[Figures], people: Mapping[PersonId, PersonState], status: PartyStatus, on: date
) -> list[WallEntry]:
    """The wall of the people who held ``status`` on ``on``, ranked by the tie rules."""
    standings = [
        Standing(
            row.person_id,
            people[row.person_id].name,
            status.value,
            row.total,
            row.credits,
            row.reached_position,
            dict(row.categories),
        )
        for row in rows
        if row.person_id in people and status_on(people[row.person_id].history, on) is status
    ]
    return rank(standings)


def known_people(evaluation: EvaluationState, facts: Facts) -> dict[PersonId, PersonState]:
    """The people of the closed standings the facts know."""
    assert evaluation.closed is not None
    found = {row.person_id: facts.get(PERSON, row.person_id) for row in evaluation.closed.rows}
    return {person_id: person for person_id, person in found.items() if person is not None}


def rank_activists(evaluation: EvaluationState, facts: Facts) -> list[RankedActivist]:
    """The activists at the close, ranked, each with their eligibility and tie-break."""
    assert evaluation.closed is not None
    closed = local_date(evaluation.closed.at)
    people = known_people(evaluation, facts)
    vetoed = {row.person_id: row.veto for row in evaluation.closed.rows if row.vetoed}
    ranked = []
    for entry in wall_of(evaluation.closed.rows, people, PartyStatus.ACTIVIST, closed):
        person_id = PersonId(entry.standing.person_id)
        veto = evaluation.vetoes.get(person_id)
        if veto is None and person_id in vetoed:
            veto = vetoed[person_id] or "(未注明 / not stated)"
        reason = ineligibility(people[person_id], closed, veto)
        ranked.append(
            RankedActivist(
                entry.rank,
                person_id,
                entry.standing.name,
                entry.standing.total,
                entry.standing.credits,
                not reason,
                reason,
                entry.separated_by,
            )
        )
    return ranked


def select(ranking: Iterable[RankedActivist], quota: int) -> tuple[PersonId, ...]:
    """The top ``quota`` eligible activists, best first."""
    return tuple(entry.person_id for entry in ranking if entry.eligible)[:quota]


def full_members(evaluation: EvaluationState, facts: Facts) -> list[MemberStanding]:
    """The full members at the close, ranked by the same tie rules."""
    assert evaluation.closed is not None
    people = known_people(evaluation, facts)
    closed = local_date(evaluation.closed.at)
    return [
        MemberStanding(PersonId(e.standing.person_id), e.standing.name, e.standing.total)
        for e in wall_of(evaluation.closed.rows, people, PartyStatus.FULL, closed)
    ]
