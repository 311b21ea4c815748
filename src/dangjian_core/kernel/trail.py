"""审计轨迹 — an index from every subject an event concerns to the event's position.

Each concept declares which fields of its events name a subject, and of what kind
(:attr:`Concept.subjects`: ``{"task_id": "task", "claimant_id": "person"}``); the index
row is ``kind:id`` → position. The events themselves are read from the log when a trail
is shown, so the views never copy event data. Personal data (:data:`PRIVATE_FIELDS`) is
never written into a description.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert
from dangjian_core.kernel.recorded import Recorded

AUDIT = Table("audit", key=(Column("subject"), Column("position", "int")), values=())
TABLES = (AUDIT,)

#: Fields holding personal data: a description shows that they were recorded, not what.
#: ``marks`` is a contest judge's sealed sheet (shown by the contest's own views once its
#: round closes, 现场亮分), never by a description or feed.
PRIVATE_FIELDS = frozenset(
    {"gender", "birth_year", "contact", "contact_name", "filer_name", "id_number", "marks"}
)
HIDDEN = "(不公开)"


def without_private(fields: Mapping[str, Any], shown: str = HIDDEN) -> dict[str, Any]:
    """The fields with every personal one (:data:`PRIVATE_FIELDS`) that holds a value
    replaced by ``shown``: what public outputs, the attempts log and feeds carry."""
    return {
        name: shown if name in PRIVATE_FIELDS and value not in (None, "") else value
        for name, value in fields.items()
    }


def event_title(event_type: type[Any]) -> str:
    """The Chinese term an event type declares (``TITLE``), e.g. ``任务已领办``."""
    title: str = getattr(event_type, "TITLE", event_type.__name__)
    return title


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _field_names(event_type: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(event_type)
    if names is None:
        names = _FIELD_NAMES[event_type] = tuple(f.name for f in attrs.fields(event_type))
    return names


_SUBJECT_FIELDS: dict[
    tuple[type[Any], int], tuple[Mapping[str, str], tuple[tuple[str, str], ...]]
] = {}


def _subject_fields(
    event_type: type[Any], fields: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    """The declared ``fields`` an event type has, in declaration order (worked out once
    per type and declaration: a rebuild asks for every event)."""
    cached = _SUBJECT_FIELDS.get((event_type, id(fields)))
    if cached is not None and cached[0] is fields:
        return cached[1]
    names = _field_names(event_type)
    found = tuple((name, kind) for name, kind in fields.items() if name in names)
    _SUBJECT_FIELDS[event_type, id(fields)] = (fields, found)
    return found


def subjects_of(event: Any, fields: Mapping[str, str]) -> list[str]:
    """Every subject ``event`` concerns, as ``kind:id``, by the declared ``fields``
    (a field holding a tuple names one subject per item)."""
    found = []
    for name, kind in _subject_fields(type(event), fields):
        value = getattr(event, name)
        values = value if isinstance(value, tuple) else (value,)
        found += [f"{kind}:{item}" for item in values if isinstance(item, str)]
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


def index_rows(recorded: Recorded[Any], fields: Mapping[str, str]) -> list[Change]:
    """One index row per subject the event concerns."""
    return [
        Upsert("audit", {"subject": subject, "position": recorded.position})
        for subject in subjects_of(recorded.event, fields)
    ]
