"""被拒尝试 — what the attempts log keeps of a refused command: who tried what, when, why,
and the command itself with its personal data masked (the log is handed to inspectors).

Both kinds of refusal are kept: a command refused by a rule or an authority check (it had
a valid shape and was decided), and one refused for its shape when it was built from
untrusted input (:meth:`adapters.app.Dangjian.build`), which never reached a decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from adapters.escapes import visible
from adapters.storage.mapper import converter, dumps
from adapters.storage.store import Attempt
from dangjian_core.kernel.errors import DangjianError
from dangjian_core.kernel.trail import without_private

#: What a masked personal field reads as in the attempts log.
MASK = "***"


def masked(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields with every personal one (:data:`PRIVATE_FIELDS`) that holds a value
    replaced by :data:`MASK`."""
    return without_private(fields, MASK)


def decided(
    command: Any, stream_id: str, command_id: str, refusal: DangjianError, now: datetime
) -> Attempt:
    """A command refused when it was decided."""
    return Attempt(
        0,
        now.isoformat(),
        command.at.isoformat(),
        command.actor_id,
        type(command).__name__,
        stream_id,
        command_id,
        refusal.code,
        str(refusal),
        dumps(masked(converter.unstructure(command))).decode(),
    )


def shaped(
    command_type: type[Any],
    fields: Mapping[str, Any],
    command_id: str,
    refusal: DangjianError,
    now: datetime,
) -> Attempt:
    """A command refused for its shape before it could be built: the fields as given
    (shown as text where they are not plain values), personal ones masked."""
    at = fields.get("at")
    return Attempt(
        0,
        now.isoformat(),
        at.isoformat() if isinstance(at, datetime) else visible(str(at or ""))[:100],
        visible(str(fields.get("actor_id") or ""))[:100],
        command_type.__name__,
        "",
        visible(command_id),
        refusal.code,
        visible(str(refusal)),
        dumps({k: _plain(v) for k, v in masked(fields).items()}).decode(),
    )


def _plain(value: Any) -> Any:
    try:
        plain = converter.unstructure(value)
        dumps(plain)
    except Exception:
        return str(value)
    return plain
