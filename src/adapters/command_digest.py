"""命令摘要 — the fingerprint that tells a retried command from a different one.

A command id may be sent again (a retry after a timeout); the store answers it from the
record if the command is the same, and refuses it if the id was used for another command.
"Same" is decided by a SHA-256 digest of the command's canonical JSON.

Commands grow: a field added later goes last, with a default (``grid_block``, then
``reserved_for`` on ``IssueTask``). A command recorded before the field existed was
digested without it, so the retry of that command must still match. :func:`digests`
gives the current digest first, then the digests of the same command as each earlier
version would have written it — its trailing default-valued fields dropped one by one.
"""

from __future__ import annotations

import hashlib
from typing import Any

import attrs

from adapters.storage.mapper import converter, dumps


def digests(command: Any) -> tuple[str, ...]:
    """The command's digest, then its digests without each run of trailing defaults."""
    data = converter.unstructure(command)
    found = [_digest(data)]
    for field in reversed(attrs.fields(type(command))):
        if not _at_default(field, getattr(command, field.name)):
            break
        data = {k: v for k, v in data.items() if k != field.name}
        found.append(_digest(data))
    return tuple(found)


def _digest(data: Any) -> str:
    return hashlib.sha256(dumps(data)).hexdigest()


def _at_default(field: Any, value: Any) -> bool:
    default = field.default
    if default is attrs.NOTHING:
        return False
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return False
        return bool(value == default.factory())
    return bool(value == default)
