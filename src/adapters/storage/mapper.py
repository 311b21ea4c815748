"""事件映射 — events ↔ stored bytes, through cattrs, under stable type names.

A stored event is the eventsourcing ``StoredEvent`` (stream, version, topic, state).
The topic is the event's stable name from the catalog; the state is canonical JSON of
the envelope: the event's data and the facts of its recording.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

import attrs
from attrs import frozen
from cattrs.errors import BaseValidationError
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from adapters.storage.canonical import CanonicalError, canonical_dumps
from adapters.storage.errors import CorruptEvent
from adapters.storage.store import StoredRow
from dangjian_core.catalog import EVENT_NAMES, EVENT_TYPES
from dangjian_core.evaluation.scheme import Scheme
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import TaskIssued

converter = make_converter()
SCHEMA_VERSION = 1


def _exactly(kind: type[Any]) -> Callable[[Any, Any], Any]:
    """A structure hook that takes JSON values of ``kind`` itself and nothing else.

    cattrs' default hooks coerce (``int("5")``, ``int(5.7)``, ``str(None) == "None"``),
    which would read a damaged or tampered event as a different one. ``cls`` may be a
    subclass (a ``StrEnum``) or a ``NewType`` of ``kind``: it is built from the value.
    """

    def structure(value: Any, cls: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value if cls is kind else cls(value)

    return structure


def _stored_time(value: Any, _cls: Any) -> datetime:
    """Only what :func:`encode` writes: an ISO 8601 time with its UTC offset."""
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 time, got {value!r}")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None or parsed.isoformat() != value:
        raise ValueError(f"not a stored time with a UTC offset: {value!r}")
    return parsed


def _is_variadic_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple and typing.get_args(cls)[1:] == (Ellipsis,)


def _tuple_of(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    """``tuple[X, ...]`` from a JSON array only (cattrs would take a string or an object)."""
    item = typing.get_args(cls)[0]

    def structure(value: Any, _cls: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected an array, got {type(value).__name__} {value!r}")
        return tuple(converter.structure(element, item) for element in value)

    return structure


for _kind in (str, int, bool):
    converter.register_structure_hook(_kind, _exactly(_kind))
converter.register_structure_hook(datetime, _stored_time)
converter.register_structure_hook_factory(_is_variadic_tuple, _tuple_of)


def _omitting_defaults(kind: type[Any]) -> None:
    """A field added to an event later (with a default, at the end) is left out while it
    holds its default, so an event that does not use it is stored exactly as before the
    field. Reading refuses such a field stored *at* its default: that is not how it was
    written, and re-encoding would not give the stored bytes back."""
    converter.register_unstructure_hook(
        kind, make_dict_unstructure_fn(kind, converter, _cattrs_omit_if_default=True)
    )
    strict = converter.get_structure_hook(kind)
    defaults = {
        f.name: f.default.factory() if isinstance(f.default, attrs.Factory) else f.default  # type: ignore[arg-type]
        for f in attrs.fields(kind)
        if f.default is not attrs.NOTHING
    }

    def structure(data: Any, cls: type[Any]) -> Any:
        event = strict(data, cls)
        for name, default in defaults.items():
            if name in data and getattr(event, name) == default:
                raise ValueError(
                    f"{name} is stored at its default, which is written by leaving it out"
                )
        return event

    converter.register_structure_hook(kind, structure)


_omitting_defaults(TaskIssued)
# A scheme's no-show rule (added later) is left out while None: schemes adopted without
# one are stored exactly as before (their other defaults are stored, so no strict read).
converter.register_unstructure_hook(
    Scheme, make_dict_unstructure_fn(Scheme, converter, no_show=override(omit_if_default=True))
)


@frozen
class Envelope:
    """信封 — who recorded an event, when, by which command, and when it was stored; for
    an entry made by someone for the actor (代录), who entered it (``entered_by``, empty
    when the actor entered it themself); for an entry recorded after its time (补录), the
    reason given (``late_reason``, empty otherwise)."""

    actor_id: str
    at: datetime
    command_id: str
    recorded_at: datetime
    entered_by: str = ""
    late_reason: str = ""


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
    if envelope.entered_by:
        # Only proxy entries carry the key: events entered by their actor are stored
        # exactly as before proxy entry was recorded.
        body["entered"] = envelope.entered_by
    if envelope.late_reason:
        # Likewise only late entries with a reason carry it.
        body["late"] = envelope.late_reason
    return EVENT_NAMES[type(event)], dumps(body)


def dumps(value: Any) -> bytes:
    """Canonical JSON (see :mod:`adapters.storage.canonical`): what the hash chain covers.

    Text UTF-8 cannot encode (a lone surrogate, which a ``str`` may hold) is refused as
    an invalid command: it could never be stored, or read back, as written.
    """
    try:
        return canonical_dumps(value)
    except CanonicalError as error:
        raise InvalidCommand(
            f"内容无法按规范保存:{error}", f"the command cannot be stored canonically: {error}"
        ) from error


def decode(
    topic: str, state: bytes, *, position: int, stream_id: str, version: int
) -> tuple[Recorded[Any], Envelope]:
    """Rebuild a recorded event and its envelope; anything unreadable raises
    :class:`CorruptEvent` naming the position."""
    with _corruption(position, stream_id, version):
        body = json.loads(state)
        envelope = converter.structure(
            {
                "actor_id": body["actor"],
                "at": body["at"],
                "command_id": body["command"],
                "recorded_at": body["recorded"],
                "entered_by": body.get("entered", ""),
                "late_reason": body.get("late", ""),
            },
            Envelope,
        )
        if "entered" in body and envelope.entered_by in ("", envelope.actor_id):
            raise ValueError("entered is stored only for an entry made for someone else")
        if "late" in body and not envelope.late_reason:
            raise ValueError("late is stored only with a reason for a late entry")
        event = converter.structure(body["data"], EVENT_TYPES[topic])
    recorded = Recorded(position, stream_id, version, envelope.actor_id, envelope.at, event)
    return recorded, envelope


def decode_recorded(
    topic: str, state: bytes, *, position: int, stream_id: str, version: int
) -> Recorded[Any]:
    """Just the recorded event (what projections and folds need), without the envelope.

    The hot path of every replay and fold: one structure function per topic, looked up
    once, and no context manager (a failure is turned into :class:`CorruptEvent` the
    same way, by :func:`_corruption`).
    """
    try:
        body = _decode_json(state.decode("utf-8"))
        event = _structure_fn(topic)(body["data"])
        at = _stored_time_cached(body["at"])
        actor = body["actor"]
        if type(actor) is not str:
            raise TypeError(f"expected str, got {type(actor).__name__} {actor!r}")
    except _DECODE_ERRORS:
        with _corruption(position, stream_id, version):
            raise
    return Recorded(position, stream_id, version, actor, at, event)


_decode_json = json.JSONDecoder().decode
_DECODE_ERRORS = (KeyError, ValueError, TypeError, RecursionError, BaseValidationError)


@cache
def _structure_fn(topic: str) -> Callable[[Any], Any]:
    """The converter's structure function for a topic's event type (KeyError: unknown)."""
    kind = EVENT_TYPES[topic]
    hook = converter.get_structure_hook(kind)
    return lambda data: hook(data, kind)


@lru_cache(maxsize=65_536)
def _stored_time_cached(value: Any) -> datetime:
    """:func:`_stored_time` for the times a replay meets again and again (a ``str`` only:
    anything else is not hashable or not a time, and fails the same way uncached)."""
    return _stored_time(value, datetime)


def recorded_of(row: StoredRow) -> Recorded[Any]:
    """The recorded event in a stored row."""
    return decode_recorded(
        row.topic, row.state, position=row.position, stream_id=row.stream_id, version=row.version
    )


_exact_str = _exactly(str)


@contextmanager
def _corruption(position: int, stream_id: str, version: int) -> Iterator[None]:
    where = f"position {position} ({stream_id} v{version})"
    try:
        yield
    except KeyError as error:
        raise CorruptEvent(
            f"第 {position} 条事件缺少字段或类型未知:{error}",
            f"event at {where} has an unknown type or misses {error}",
        ) from error
    except (ValueError, TypeError, RecursionError, BaseValidationError) as error:
        raise CorruptEvent(
            f"第 {position} 条事件数据损坏", f"event at {where} cannot be decoded: {error}"
        ) from error
