"""事件流 — a recorded event as JSON for other services (:func:`to_json`), the shape the
event feed (``app.follow``), ``GET /events`` and ``--json`` outputs share."""

from __future__ import annotations

from typing import Any

from adapters.views.documents import event_document
from dangjian_core.kernel.recorded import Recorded


def to_json(recorded: Recorded[Any], *, personal: bool = False) -> dict[str, Any]:
    """``recorded`` as a JSON-ready dict: ``position``, ``stream_id``, ``version``, ``type``
    (its stable stored name), ``actor_id``, ``at`` (ISO 8601) and ``data`` (its fields).

    Personal fields (ID number, phone, …) show ``(不公开)`` unless ``personal=True``: a
    feed leaves this library without them unless the caller is entitled to see them.
    """
    return event_document(recorded, private=personal)
