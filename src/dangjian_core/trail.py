"""审计轨迹 — every event of a unit, task or person, in order, described in Chinese.

Units are subjects ``branch:ID`` whatever their kind (the name predates units). Personal
data (:data:`PRIVATE_FIELDS`) is never written into a description.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from dangjian_core.shared.readmodel import Change, Column, Table, Upsert
from dangjian_core.shared.recorded import Recorded

#: An index from each subject to the positions of its events; the events themselves are
#: read from the log when a trail is shown, so the views never copy event data.
AUDIT = Table("audit", key=(Column("subject"), Column("position", "int")), values=())
TABLES = (AUDIT,)

_SUBJECT_FIELDS = {
    "branch_id": "branch",
    "unit_id": "branch",
    "parent_id": "branch",
    "into_id": "branch",
    "successor_id": "branch",
    "member_id": "branch",
    "task_id": "task",
    "person_id": "person",
    "claimant_id": "person",
}


def event_title(event_type: type[Any]) -> str:
    """The Chinese term an event's docstring starts with, e.g. ``任务已领办``."""
    doc = event_type.__doc__ or event_type.__name__
    return doc.split(" — ")[0].strip()


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _field_names(event_type: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(event_type)
    if names is None:
        names = _FIELD_NAMES[event_type] = tuple(f.name for f in attrs.fields(event_type))
    return names


def _subject_fields(event_type: type[Any]) -> tuple[tuple[str, str], ...]:
    names = _field_names(event_type)
    return tuple((name, kind) for name, kind in _SUBJECT_FIELDS.items() if name in names)


#: Fields holding personal data: a description shows that they were recorded, not what.
PRIVATE_FIELDS = frozenset({"gender", "birth_year", "contact", "id_number"})
HIDDEN = "(不公开)"


def subjects_of(event: Any) -> list[str]:
    """Every unit, task and person an event concerns, as ``kind:id``."""
    found = [
        f"{kind}:{getattr(event, name)}"
        for name, kind in _subject_fields(type(event))
        if getattr(event, name) is not None
    ]
    found += [f"person:{person_id}" for person_id in getattr(event, "released", ())]
    return list(dict.fromkeys(found))


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    return str(value)


def describe(event: Any) -> str:
    """A one-line account of an event: its Chinese title and its fields (personal data
    hidden)."""
    fields = ", ".join(
        f"{name}={HIDDEN if name in PRIVATE_FIELDS else _show(getattr(event, name))}"
        for name in _field_names(type(event))
    )
    return f"{event_title(type(event))}: {fields}"


def project_audit(recorded: Recorded[Any]) -> list[Change]:
    """One index row per subject the event concerns."""
    return [
        Upsert("audit", {"subject": subject, "position": recorded.position})
        for subject in subjects_of(recorded.event)
    ]
