"""后续命令结果 — how each command that followed a recorded event went (ADR 0010)."""

from __future__ import annotations

from attrs import frozen


@frozen
class FollowUpResult:
    """后续命令结果 — a follow-up's id, command, stream, and how it went."""

    command_id: str
    command: str
    stream_id: str
    ok: bool
    replayed: bool = False
    #: Recorded something now (False when answered again from the command id).
    changed: bool = False
    error: str = ""


def summary(results: tuple[FollowUpResult, ...] | list[FollowUpResult]) -> str:
    """后续: one clause per follow-up command, in Chinese."""
    if not results:
        return "(无后续命令)"
    parts = []
    for result in results:
        state = "已执行" if result.changed else "已存在" if result.ok else f"被拒绝: {result.error}"
        parts.append(f"{result.command} {result.stream_id} {state}")
    return "后续: " + "; ".join(parts)
