"""逐事件核查 — checks that look at every event in log order, as a list: one line adds one.

A check is made fresh for each verification (so it may keep state, e.g. the organisation
as it stood at each event), is shown every event — decoded, or with ``recorded`` None
when it could not be decoded — and is asked for any last findings at the end.

:data:`AUTHORITY_CHECKS` re-checks that every event's actor held the authority for it at
that time: ``dangjian_core.catalog.audit`` judges the whole log, folding the role
history as it goes, and returns flags with ``position``, ``actor_id`` and a ``rule``.
Another whole-log judge is added with one line, ``AUTHORITY_CHECKS.append(batch_check(j))``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from attrs import frozen

from adapters.audit.report import Finding
from adapters.storage.mapper import Envelope
from adapters.storage.store import StoredRow
from dangjian_core import catalog
from dangjian_core.kernel.recorded import Recorded


@frozen
class Seen:
    """所见事件 — a stored row and, when it decodes, its event and envelope."""

    row: StoredRow
    recorded: Recorded[Any] | None
    envelope: Envelope | None


class EventCheck(Protocol):
    """逐事件核查 — sees every event in log order, then finishes."""

    def see(self, event: Seen) -> Iterable[Finding]:
        """Problems with this event, given those before it."""
        ...

    def finish(self) -> Iterable[Finding]:
        """Problems only visible at the end."""
        ...


class EventIds:
    """事件编号 — an event is (stream, version): unique, and numbered 1, 2, 3 … per stream."""

    def __init__(self) -> None:
        """No stream seen yet."""
        self._last: dict[str, int] = {}

    def see(self, event: Seen) -> Iterable[Finding]:
        """A repeated or skipped version."""
        row = event.row
        previous = self._last.get(row.stream_id, 0)
        self._last[row.stream_id] = max(previous, row.version)
        where = f"{row.stream_id} v{row.version}"
        if row.version <= previous:
            yield Finding(
                "ids",
                "duplicate_event",
                f"事件编号重复或倒序: {where}",
                f"event id repeated or out of order: {where}",
                None,
                row.position,
            )
        elif row.version != previous + 1:
            yield Finding(
                "ids",
                "version_gap",
                f"流内版本不连续 (缺 v{previous + 1}, 事件被删除?): {where}",
                f"version gap before {where} (an event deleted?)",
                None,
                row.position,
            )

    def finish(self) -> Iterable[Finding]:
        """Nothing more."""
        return ()


class CommandRuns:
    """命令编号 — a command id's events are one run of consecutive versions in one stream."""

    def __init__(self) -> None:
        """No command seen yet."""
        self._runs: dict[str, tuple[str, int]] = {}  # command id → (stream, last version)
        self._last_command: dict[str, str] = {}  # stream → command id of its last event

    def see(self, event: Seen) -> Iterable[Finding]:
        """A command id seen again outside its run."""
        if event.envelope is None:
            return
        command, row = event.envelope.command_id, event.row
        run = self._runs.get(command)
        if run is not None and (
            run != (row.stream_id, row.version - 1)
            or self._last_command.get(row.stream_id) != command
        ):
            yield Finding(
                "ids",
                "command_reused",
                f"命令编号 {command} 在 {run[0]} 之外再次出现: {row.stream_id} v{row.version}",
                f"command id {command} reappears outside its run: {row.stream_id} v{row.version}",
                None,
                row.position,
            )
        self._runs[command] = (row.stream_id, row.version)
        self._last_command[row.stream_id] = command

    def finish(self) -> Iterable[Finding]:
        """Nothing more."""
        return ()


class BatchCheck:
    """整体核查 — a judge of the whole decoded log as an :class:`EventCheck`: each flag it
    returns (``position``, ``actor_id``, ``rule`` with ``code``, ``zh``, ``en``) becomes an
    ``"authority"`` finding."""

    def __init__(self, judge: Callable[[list[Recorded[Any]]], Iterable[Any]]) -> None:
        """Nothing seen yet."""
        self._judge = judge
        self._log: list[Recorded[Any]] = []

    def see(self, event: Seen) -> Iterable[Finding]:
        """Keep the decoded event for the judge."""
        if event.recorded is not None:
            self._log.append(event.recorded)
        return ()

    def finish(self) -> Iterable[Finding]:
        """The judge's flags."""
        for flag in self._judge(self._log):
            rule = flag.rule
            zh = f"{flag.actor_id} 当时无权这样做: {rule.zh}"
            en = f"{flag.actor_id} had no authority for this then: {rule.en}"
            yield Finding("authority", str(rule.code), zh, en, None, int(flag.position))


CheckFactory = Callable[[], EventCheck]


def batch_check(judge: Callable[[list[Recorded[Any]]], Iterable[Any]]) -> CheckFactory:
    """A check factory for a whole-log judge (see :class:`BatchCheck`)."""
    return lambda: BatchCheck(judge)


EVENT_CHECKS: list[CheckFactory] = [EventIds, CommandRuns]
"""The identity checks run on every verification."""

AUTHORITY_CHECKS: list[CheckFactory] = [batch_check(catalog.audit)]
"""Re-check each actor's authority at the time of the event (findings with check
``"authority"``), by replaying the role history with :func:`dangjian_core.catalog.audit`."""
