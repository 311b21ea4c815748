"""错误与退出码 — every refusal becomes one line (or one JSON object) and an exit code.

This is the one place where error codes map to exit codes:

====  =====================================================================
code  meaning
====  =====================================================================
0     成功 / done (including "no change")
1     重放发现差异 / replay or verify found differences
2     输入有误 / invalid input or usage (bad option, malformed id, reused command id)
3     无权操作 / unauthorized (missing role, reviewing one's own claim)
4     对象不存在 / unknown branch, person or task
5     规则不允许 / refused by a rule (no slots, deadline passed, out of order ...)
6     存储错误 / storage unavailable, busy or corrupt; an export file could not be written
7     核验未通过 / ``audit verify`` found the log, chain or checkpoints not sound
====  =====================================================================
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

import click
from attrs import frozen

from adapters.cli.envelope import envelope
from adapters.escapes import visible
from adapters.storage.errors import StorageError
from dangjian_core.kernel.errors import DangjianError

EXIT_DIFFERENCES = 1
EXIT_INVALID = 2
EXIT_UNAUTHORIZED = 3
EXIT_UNKNOWN = 4
EXIT_REFUSED = 5
EXIT_STORAGE = 6
EXIT_VERIFY_FAILED = 7

EXIT_CODES: dict[str, int] = {
    "usage": EXIT_INVALID,
    "invalid": EXIT_INVALID,
    "duplicate_command": EXIT_INVALID,
    "store_url": EXIT_INVALID,
    "unauthorized": EXIT_UNAUTHORIZED,
    "self_review": EXIT_UNAUTHORIZED,
    "unknown": EXIT_UNKNOWN,
    "key_file": EXIT_INVALID,
    "bad_bundle": EXIT_INVALID,
    "checkpoint_refused": EXIT_VERIFY_FAILED,
    "export": EXIT_STORAGE,
}
"""Exit codes by error code; other domain refusals exit 5, other storage errors 6."""

_USAGE_ZH = {
    "MissingParameter": "缺少必填参数",
    "BadParameter": "参数值不对",
    "NoSuchOption": "没有这个选项",
    "NoSuchCommand": "没有这个命令",
}


def exit_code_for(error: DangjianError) -> int:
    """The process exit code for a refusal."""
    if error.code in EXIT_CODES:
        return EXIT_CODES[error.code]
    return EXIT_STORAGE if isinstance(error, StorageError) else EXIT_REFUSED


@frozen
class Refusal:
    """拒绝 — a refused command as shown: one line on stderr, or one JSON object on stdout."""

    code: str
    zh: str
    en: str
    exit_code: int
    as_json: bool

    @classmethod
    def of(cls, error: DangjianError, *, as_json: bool) -> Refusal:
        """The refusal for a domain or storage error."""
        return cls(error.code, error.zh, error.en, exit_code_for(error), as_json)

    @classmethod
    def of_usage(cls, error: click.UsageError, *, as_json: bool) -> Refusal:
        """The refusal for a command line click could not parse."""
        zh = _USAGE_ZH.get(type(error).__name__, "命令用法不对")
        hint = f" (see: {error.ctx.command_path} --help)" if error.ctx else ""
        return cls("usage", zh, error.format_message() + hint, EXIT_INVALID, as_json)

    def document(self) -> dict[str, Any]:
        """The JSON error object."""
        error = {"code": self.code, "zh": self.zh, "en": self.en, "exit_code": self.exit_code}
        return {"ok": False, "error": error}

    def show(self) -> None:
        """Print the refusal: ``错误: <zh> / <en>`` on stderr, or a JSON object on stdout."""
        if self.as_json:
            click.echo(json.dumps(envelope(self.document()), ensure_ascii=False))
        else:
            click.echo(f"错误: {_one_line(self.zh)} / {_one_line(self.en)}", err=True)

    def exit(self) -> NoReturn:
        """Show the refusal and end the command with its exit code."""
        self.show()
        raise click.exceptions.Exit(self.exit_code)


def _one_line(text: str) -> str:
    """One line, with any control character an input carried shown as an escape (a NUL or
    an ANSI escape in a refused id never reaches the operator's terminal raw)."""
    return visible(" ".join(text.split()))
