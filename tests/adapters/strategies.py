"""Hypothesis strategies for every stored event type, derived from their attrs fields.

A field's strategy follows its annotation: ids (``NewType`` over ``str``) match the id
shape, text is any Unicode (Chinese included), datetimes are timezone-aware, enums are
their members, ``tuple[X, ...]`` are tuples of X, ``X | None`` is None or an X. An annotation this module does not
know fails loudly, so a new event type cannot slip past the round-trip property.
"""

from __future__ import annotations

import enum
import typing
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
from hypothesis import strategies as st

from adapters.storage.mapper import Envelope
from dangjian_core.catalog import EVENT_TYPES

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"

ids = st.from_regex(ID_PATTERN, fullmatch=True)
#: Any text that UTF-8 can store (no lone surrogates), with Chinese made likely.
texts = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=20),
    st.sampled_from(["吕兰枝", "环境卫生整治", "核酸检测点秩序维护", ""]),
)
#: Fixed offsets from −23:59 to +23:59, to the minute, as ISO 8601 can write them.
offsets = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
aware_datetimes = st.datetimes(
    min_value=datetime(1949, 10, 1), max_value=datetime(2200, 1, 1), timezones=offsets
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1))


def for_annotation(annotation: Any) -> st.SearchStrategy[Any]:
    """The strategy for a field annotated ``annotation``."""
    if getattr(annotation, "__supertype__", None) is str:
        return ids
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from(list(annotation))
    args = typing.get_args(annotation)
    if type(None) in args and len(args) == 2:  # ``X | None``
        (item,) = (arg for arg in args if arg is not type(None))
        return st.none() | for_annotation(item)
    if typing.get_origin(annotation) is tuple:
        items = typing.get_args(annotation)
        if len(items) == 2 and items[1] is Ellipsis:  # ``tuple[X, ...]``
            return st.lists(for_annotation(items[0]), max_size=4).map(tuple)
        return st.tuples(*(for_annotation(item) for item in items))  # ``tuple[X, Y]``
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: texts,
        int: st.integers(-(2**53), 2**53),
        bool: st.booleans(),
        datetime: aware_datetimes,
        date: dates,
    }
    if annotation in simple:
        return simple[annotation]
    if isinstance(annotation, type) and attrs.has(annotation):  # a value nested in an event
        return event_strategy(annotation)
    raise TypeError(f"no strategy for annotation {annotation!r}: teach tests/adapters/strategies")


def event_strategy(
    event_type: type[Any], **overrides: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Any instance of one event type, built field by field; ``overrides`` replace the
    strategy of the top-level fields they name (e.g. plausible cycles for a reader)."""
    hints = typing.get_type_hints(event_type)
    fields = {
        f.name: overrides[f.name] if f.name in overrides else for_annotation(hints[f.name])
        for f in attrs.fields(event_type)
    }
    return st.builds(event_type, **fields)


EVENT_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    name: event_strategy(event_type) for name, event_type in EVENT_TYPES.items()
}

#: Any event of any stored type.
events = st.one_of(*EVENT_STRATEGIES.values())

envelopes = st.builds(
    Envelope,
    actor_id=ids,
    at=aware_datetimes,
    command_id=st.one_of(ids, st.uuids().map(lambda u: u.hex)),
    recorded_at=aware_datetimes,
)
