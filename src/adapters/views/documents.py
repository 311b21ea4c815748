"""事件文档 — a recorded event as JSON, for the command line's ``--json``, the HTTP API's
answers and its event feed. Personal data (:data:`~dangjian_core.kernel.trail.PRIVATE_FIELDS`)
is masked unless the reader is entitled to it (the operator at the shell)."""

from __future__ import annotations

from typing import Any

from adapters.storage.mapper import converter
from dangjian_core.catalog import EVENT_NAMES
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.trail import without_private


def event_document(recorded: Recorded[Any], *, private: bool = True) -> dict[str, Any]:
    """A recorded event as JSON: its place in the log, its actor and time, its data
    (with ``private=False``, every personal field that holds a value shows ``HIDDEN``)."""
    data = converter.unstructure(recorded.event)
    if not private:
        data = without_private(data)
    return {
        "position": recorded.position,
        "stream_id": recorded.stream_id,
        "version": recorded.version,
        "type": EVENT_NAMES[type(recorded.event)],
        "actor_id": recorded.actor_id,
        "at": recorded.at.isoformat(),
        "data": data,
    }
