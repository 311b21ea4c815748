"""审计轨迹 — every event of a branch, task or person, in order, described in Chinese."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from dangjian_core.shared.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.shared.recorded import Recorded

AUDIT = Table(
    "audit",
    key=(Column("subject"), Column("position", "int")),
    values=(
        Column("stream_id"),
        Column("version", "int"),
        Column("event_type"),
        Column("actor_id"),
        Column("at"),
        Column("summary"),
    ),
)
TABLES = (AUDIT,)

_SUBJECT_FIELDS = {
    "branch_id": "branch",
    "task_id": "task",
    "person_id": "person",
    "claimant_id": "person",
}


def event_title(event_type: type[Any]) -> str:
    """The Chinese term an event's docstring starts with, e.g. ``任务已领办``."""
    doc = event_type.__doc__ or event_type.__name__
    return doc.split(" — ")[0].strip()


def subjects_of(event: Any) -> list[str]:
    """Every branch, task and person an event concerns, as ``kind:id``."""
    found: list[str] = []
    for name, kind in _SUBJECT_FIELDS.items():
        value = getattr(event, name, None)
        if isinstance(value, str):
            found.append(f"{kind}:{value}")
    for person_id in getattr(event, "released", ()):
        found.append(f"person:{person_id}")
    return list(dict.fromkeys(found))


def _show(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    return str(value)


def describe(event: Any) -> str:
    """A one-line account of an event: its Chinese title and its fields."""
    fields = ", ".join(
        f"{field.name}={_show(getattr(event, field.name))}" for field in attrs.fields(type(event))
    )
    return f"{event_title(type(event))}: {fields}"


def project_audit(recorded: Recorded[Any]) -> list[Change]:
    """One audit row per subject the event concerns."""
    values: dict[str, Value] = {
        "stream_id": recorded.stream_id,
        "version": recorded.version,
        "event_type": type(recorded.event).__name__,
        "actor_id": recorded.actor_id,
        "at": recorded.at.isoformat(),
        "summary": describe(recorded.event),
    }
    return [
        Upsert("audit", {"subject": subject, "position": recorded.position}, set=values)
        for subject in subjects_of(recorded.event)
    ]
