"""幂等 — a repeated command id is answered from the command log, not applied twice.

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

from adapters.storage.errors import DuplicateCommandId
from adapters.storage.mapper import converter, dumps, recorded_of
from adapters.storage.store import CommandRecord, WriteTransaction
from dangjian_core.kernel.recorded import Recorded


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


def answer_again(
    tx: WriteTransaction, record: CommandRecord, digests: tuple[str, ...]
) -> tuple[Recorded[Any], ...]:
    """What the command recorded the first time, if it is the same command (one of its
    ``digests``); a different command under a used id is refused."""
    # A command recorded before a field was added matches one of its earlier digests.
    if record.digest not in digests:
        raise DuplicateCommandId(
            f"命令编号 {record.command_id} 已用于另一条命令",
            f"command id {record.command_id} was already used for a different command",
        )
    return recorded_again(tx, record)


def recorded_again(tx: WriteTransaction, record: CommandRecord) -> tuple[Recorded[Any], ...]:
    """The events a handled command recorded, read back from its stream."""
    rows = tx.read_stream(record.stream_id, record.first_version - 1)[: record.count]
    return tuple(recorded_of(row) for row in rows)
