"""积分查询 — the wall (积分墙), a person's balance and every line behind it, and the
cycles with points, from the ``balances``, ``category_totals`` and ``ledger`` read models."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one
from adapters.views.units import roll
from dangjian_core.points.queries import Explanation, Standing, line_of


def cycles(views: Selecting, branch_id: str) -> list[str]:
    """Cycles in which the branch has any points, oldest first."""
    rows = views.select("balances", {"branch_id": branch_id})
    return sorted({str(row["cycle"]) for row in rows})


def standings(
    views: Selecting, branch_id: str, cycle: str, statuses: tuple[str, ...] = ()
) -> list[Standing]:
    """Everyone on the branch's roll (optionally only some statuses) with their raw
    figures for the cycle, unranked."""
    people = roll(views, branch_id)
    balances = views.select("balances", {"branch_id": branch_id, "cycle": cycle})
    totals = views.select("category_totals", {"branch_id": branch_id, "cycle": cycle})
    return list(_standings(people, balances, totals, statuses))


def explain(views: Selecting, person_id: str, cycle: str) -> Explanation:
    """A person's balance for a cycle and every ledger line behind it."""
    person = one(views.select("people", {"person_id": person_id}), "人员", person_id)
    where = {"person_id": person_id, "cycle": cycle}
    lines = views.select("ledger", where, order_by=("position",))
    balance = views.select("balances", {**where, "branch_id": person["branch_id"]})
    totals = views.select("category_totals", {**where, "branch_id": person["branch_id"]})
    return Explanation(
        person_id,
        str(person["name"]),
        str(person["branch_id"]),
        cycle,
        int(balance[0]["total"] or 0) if balance else 0,
        {str(t["category"]): int(t["total"] or 0) for t in totals},
        tuple(line_of(row) for row in lines),
    )


def _standings(
    people: Rows, balances: Rows, totals: Rows, statuses: tuple[str, ...]
) -> Iterator[Standing]:
    by_person = {row["person_id"]: row for row in balances}
    categories: dict[object, dict[str, int]] = {}
    for row in totals:
        categories.setdefault(row["person_id"], {})[str(row["category"])] = int(row["total"] or 0)
    for person in people:
        if statuses and person["status"] not in statuses:
            continue
        balance = by_person.get(person["person_id"], {})
        yield Standing(
            str(person["person_id"]),
            str(person["name"]),
            str(person["status"]),
            int(balance.get("total") or 0),
            int(balance.get("credits") or 0),
            int(balance.get("last_position") or 0),
            categories.get(person["person_id"], {}),
        )
