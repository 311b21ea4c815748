"""已记录事件 — what a projection sees: an event with the facts of its recording.

The adapter's envelope holds the stream, version, position, actor and times; this is the
read-only view of it that pure projections receive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar

from attrs import frozen

E = TypeVar("E")


@frozen
class Recorded(Generic[E]):
    """已记录事件 — one event at its position in the store's global order."""

    position: int
    stream_id: str
    version: int
    actor_id: str
    at: datetime
    event: E
