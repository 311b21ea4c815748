"""职责查询 — a unit's duties and each one's compliance on a day passed in, from the read
models (the gaps are :func:`dangjian_core.duties.queries.compliance`'s)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Selecting
from adapters.views.reading import one, read
from dangjian_core.duties.events import CadenceUnit
from dangjian_core.duties.queries import Cadence, Compliance, compliance
from dangjian_core.kernel.errors import UnknownSubject


@frozen
class DutyView:
    """职责概况 — one duty, its record on the day asked about."""

    duty_id: str
    unit_id: str
    kind: str
    object_name: str
    details: str
    holder_id: str
    every: int
    cadence: str
    since: str
    ended: str | None
    problems: int
    record: Compliance


@frozen
class PatrolView:
    """巡查记录 — one patrol: day, holder, note, evidence."""

    patrolled_on: str
    holder_id: str
    note: str
    evidence: tuple[str, ...]


def duties(views: Selecting, unit_id: str, on: date, kind: str | None = None) -> list[DutyView]:
    """The unit's duties (of one kind, if given), each with its record on ``on``."""
    where: dict[str, str] = {"unit_id": unit_id}
    if kind is not None:
        where["kind"] = kind
    return [_view(views, row, on) for row in views.select("duties", where, order_by=("duty_id",))]


def duty(views: Selecting, duty_id: str, on: date) -> DutyView | None:
    """One duty with its record on ``on``."""
    rows = views.select("duties", {"duty_id": duty_id})
    return _view(views, rows[0], on) if rows else None


def patrols(views: Selecting, duty_id: str) -> list[PatrolView]:
    """The duty's patrols, in the order they were logged."""
    rows = views.select("duty_patrols", {"duty_id": duty_id}, order_by=("position",))
    return [
        PatrolView(
            str(r["patrolled_on"]),
            str(r["holder_id"]),
            str(r["note"]),
            tuple(str(r["evidence"]).split("\n")) if r["evidence"] else (),
        )
        for r in rows
    ]


def _view(views: Selecting, row: Mapping[str, object], on: date) -> DutyView:
    duty_id = str(row["duty_id"])
    ended = None if row["ended"] in (None, "") else str(row["ended"])
    cadence = Cadence(
        int(str(row["every"])),
        CadenceUnit(str(row["cadence"])),
        date.fromisoformat(str(row["since"])),
        None if ended is None else date.fromisoformat(ended),
    )
    days = [
        date.fromisoformat(str(p["patrolled_on"]))
        for p in views.select("duty_patrols", {"duty_id": duty_id})
    ]
    return DutyView(
        duty_id,
        str(row["unit_id"]),
        str(row["kind"]),
        str(row["object_name"]),
        str(row["details"]),
        str(row["holder_id"]),
        cadence.every,
        cadence.unit.value,
        cadence.since.isoformat(),
        ended,
        int(str(row["problems"] or 0)),
        compliance(cadence, days, on),
    )


class DutyQueries:
    """职责查询 — the duty read models of a store, each query catching them up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def duties(self, unit_id: str, on: date, kind: str | None = None) -> list[DutyView]:
        """The unit's duties with their records on ``on``."""
        with read(self._store) as views:
            one(views.select("units", {"unit_id": unit_id}), "组织", unit_id)
            return duties(views, unit_id, on, kind)

    def names(self, person_ids: list[str]) -> dict[str, str]:
        """The people's names by id (an unknown id keeps itself)."""
        with read(self._store) as views:
            found = {}
            for person_id in set(person_ids):
                rows = views.select("people", {"person_id": person_id})
                found[person_id] = str(rows[0]["name"]) if rows else person_id
            return found

    def duty(self, duty_id: str, on: date) -> tuple[DutyView, list[PatrolView]]:
        """One duty's record on ``on`` and its patrols."""
        with read(self._store) as views:
            found = duty(views, duty_id, on)
            if found is None:
                raise UnknownSubject(f"职责 {duty_id} 不存在", f"duty {duty_id} does not exist")
            return found, patrols(views, duty_id)
