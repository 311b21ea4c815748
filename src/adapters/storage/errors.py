"""存储错误 — storage failures, typed and bilingual like domain refusals."""

from __future__ import annotations

from dangjian_core.kernel.errors import DangjianError, DomainError


class StorageError(DangjianError):
    """存储错误 — the store could not do what was asked (not a domain refusal)."""

    code = "storage"


class CorruptEvent(StorageError):
    """事件数据损坏 — a stored event cannot be decoded."""

    code = "corrupt"


class DuplicateCommandId(DomainError):
    """命令编号重复 — a command id was reused for a different command (a refusal of bad
    input: nothing was written)."""

    code = "duplicate_command"


class VersionConflict(StorageError):
    """版本冲突 — another writer appended to the stream first; reload and decide again."""

    code = "conflict"


class StoreBusy(StorageError):
    """存储繁忙 — the store stayed locked longer than the lock timeout."""

    code = "busy"


class UnsupportedStore(StorageError):
    """不支持的存储地址 — the store URL names no known backend."""

    code = "store_url"


class OutcomeUnknown(StorageError):
    """结果未知 — the store failed while a command was being committed: it may or may not
    have been recorded. Retrying with the same command id (and time) answers the first
    outcome if it was recorded, and records it once if it was not."""

    code = "outcome_unknown"
