"""领域错误 — the root of every refusal the core can give.

Every refusal carries a stable ``code`` (for machines and exit codes) and a message in
Chinese then English that names the problem.
"""

from __future__ import annotations

from typing import Any, TypeVar

_C = TypeVar("_C", bound=Any)


class DangjianError(Exception):
    """党建错误 — every error this library raises on purpose: a stable ``code`` and a
    message in Chinese (``zh``) and English (``en``)."""

    code = "error"

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class DomainError(DangjianError):
    """拒绝 — a command was refused by a rule of the domain; nothing was written."""

    code = "refused"


class Unauthorized(DomainError):
    """无权操作 — the actor does not hold a role that allows this command."""

    code = "unauthorized"


class UnknownSubject(DomainError):
    """对象不存在 — the command names a branch, person or task that does not exist."""

    code = "unknown"


class InvalidCommand(DomainError):
    """命令无效 — the command is malformed (wrong type, out of range, missing reason)."""

    code = "invalid"


class FutureTime(InvalidCommand):
    """时间在未来 — a command dated ahead of the server's clock beyond the allowed skew."""

    code = "future_time"


class LateEntryRefused(DomainError):
    """补录被拒 — an entry recorded after its time beyond what the rules for late entries
    allow: outside the unit's window, without a reason, typed in by someone without a role
    that may enter late for the unit, or history entered after the store's first month."""

    code = "late_entry"


class OutOfTimeOrder(DomainError):
    """时间倒序 — a command dated before the latest event of the stream it changes: each
    subject's history is recorded in time order, so first come is first recorded."""

    code = "time_order"


def build(command_type: type[_C], /, **fields: object) -> _C:
    """Construct a command, turning shape errors (wrong type, out of range) into
    :class:`InvalidCommand` that names the command and the problem."""
    try:
        command: _C = command_type(**fields)
        return command
    except (TypeError, ValueError) as error:
        zh, _, en = str(error).partition(" / ")
        raise InvalidCommand(
            f"{command_type.__name__} 参数无效:{zh}",
            f"invalid {command_type.__name__}: {en or zh}",
        ) from error
