"""事件映射 — events ↔ stored bytes, through cattrs, under stable type names.

A stored event is the eventsourcing ``StoredEvent`` (stream, version, topic, state).
The topic is the event's stable name from the catalog; the state is canonical JSON of
the envelope: the event's data and the facts of its recording.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from attrs import frozen
from cattrs.errors import BaseValidationError
from cattrs.preconf.json import make_converter

from adapters.storage.errors import CorruptEvent
from dangjian_core.catalog import EVENT_NAMES, EVENT_TYPES
from dangjian_core.shared.recorded import Recorded

converter = make_converter()
SCHEMA_VERSION = 1


@frozen
class Envelope:
    """信封 — who recorded an event, when, by which command, and when it was stored."""

    actor_id: str
    at: datetime
    command_id: str
    recorded_at: datetime


def encode(event: Any, envelope: Envelope) -> tuple[str, bytes]:
    """The stable topic and canonical JSON bytes of an event in its envelope."""
    body = {
        "v": SCHEMA_VERSION,
        "actor": envelope.actor_id,
        "at": envelope.at.isoformat(),
        "command": envelope.command_id,
        "recorded": envelope.recorded_at.isoformat(),
        "data": converter.unstructure(event),
    }
    return EVENT_NAMES[type(event)], dumps(body)


def dumps(value: Any) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def decode(
    topic: str, state: bytes, *, position: int, stream_id: str, version: int
) -> tuple[Recorded[Any], Envelope]:
    """Rebuild a recorded event; anything unreadable raises :class:`CorruptEvent`."""
    where = f"position {position} ({stream_id} v{version})"
    try:
        event_type = EVENT_TYPES[topic]
        body = json.loads(state)
        envelope = Envelope(
            body["actor"],
            datetime.fromisoformat(body["at"]),
            body["command"],
            datetime.fromisoformat(body["recorded"]),
        )
        event = converter.structure(body["data"], event_type)
    except KeyError as error:
        raise CorruptEvent(
            f"第 {position} 条事件缺少字段或类型未知:{error}",
            f"event at {where} has an unknown type or misses {error}",
        ) from error
    except (ValueError, TypeError, BaseValidationError) as error:
        raise CorruptEvent(
            f"第 {position} 条事件数据损坏", f"event at {where} cannot be decoded: {error}"
        ) from error
    recorded = Recorded(position, stream_id, version, envelope.actor_id, envelope.at, event)
    return recorded, envelope
