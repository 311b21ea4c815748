"""运行环境 — the store a command works on, how it prints, and recording one command.

The root command puts a :class:`Runtime` on the click context; commands fetch it with
:func:`current`. The application is opened lazily and closed when the command ends.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import click
from rich.console import Console, RenderableType

from adapters.app import Dangjian, follow_ups, open_app
from adapters.app.handling import Outcome
from adapters.cli.clock import Actor
from adapters.cli.messages import NO_CHANGE, answered_again, sentence
from adapters.cli.render import emit, emit_json, make_console
from adapters.identity import Identity, TokenScope
from adapters.storage.errors import (
    CorruptEvent,
    DuplicateCommandId,
    OutcomeUnknown,
    StorageError,
    StoreBusy,
    VersionConflict,
)
from adapters.storage.urls import DEFAULT_STORE
from adapters.views.documents import event_document
from dangjian_core.accounts.events import Scope

C = TypeVar("C")


class Runtime:
    """运行环境 — the store URL, the output mode and the (lazily opened) application."""

    def __init__(self, store: str | None, *, as_json: bool) -> None:
        self.store = store or DEFAULT_STORE  # click has already read $DANGJIAN_STORE
        self.as_json = as_json
        self.console: Console = make_console()
        self._app: Dangjian | None = None
        self._operator: str | None = None

    def app(self, *, must_exist: bool = False) -> Dangjian:
        """The application on the store; ``must_exist`` refuses to create a new file."""
        if self._app is None:
            self._app = open_app(self.store, create=not must_exist)
            click.get_current_context().call_on_close(self._app.close)
        return self._app

    def operator(self) -> str:
        """录入人 — who is typing: the holder of the API token in ``$DANGJIAN_TOKEN`` (it
        must admit them now, with the write scope), else the shell's user as
        ``shell:<user>`` — an operator nobody authenticated, and recorded as such."""
        if self._operator is None:
            self._operator = operator_of(self.app(), os.environ.get(TOKEN_ENV, ""))
        return self._operator

    def show(self, document: Any, renderables: Iterable[RenderableType]) -> None:
        """Print the JSON document with ``--json``, else the renderables."""
        if self.as_json:
            emit_json(document)
        else:
            emit(self.console, renderables)


#: The operator's API token (``<token id>.<secret>``), issued to their own account.
TOKEN_ENV = "DANGJIAN_TOKEN"


def operator_of(app: Dangjian, token: str) -> str:
    """The person a write token stands for, or ``shell:<os user>`` without a token."""
    if token:
        who = Identity(app).bearer(token)
        if not who.may(Scope.WRITE):
            raise TokenScope(
                f"{TOKEN_ENV} 的令牌没有写入权限", f"the token in {TOKEN_ENV} lacks the write scope"
            )
        return who.person_id
    try:
        name = getpass.getuser()
    except (OSError, KeyError):  # no login name for this uid (a bare container)
        name = f"uid{os.getuid()}"
    user = re.sub(r"[^A-Za-z0-9_.\-]", "_", name)[:50] or "unknown"
    return f"shell:{user}"


def current() -> Runtime:
    """The runtime of the command being run."""
    runtime = click.get_current_context().find_object(Runtime)
    assert runtime is not None, "the root command sets the runtime"
    return runtime


def record(
    command_type: type[C],
    actor: Actor,
    *,
    then: Callable[[Dangjian], str] | None = None,
    **fields: Any,
) -> Outcome:
    """Build, handle and report one command; ``then`` adds a note after a change."""
    runtime = current()
    app = runtime.app()
    command = app.build(
        command_type, command_id=actor.command_id, actor_id=actor.person_id, at=actor.at, **fields
    )
    outcome = _handle(app, command, actor)
    lines = [sentence(recorded.event) for recorded in outcome.events] or [NO_CHANGE]
    if then is not None and outcome.changed:
        lines[-1] = f"{lines[-1]} {then(app)}"
    if outcome.follow_ups:
        lines[-1] = f"{lines[-1]} {follow_ups.summary(outcome.follow_ups)}"
    if outcome.replayed:
        lines.insert(0, answered_again(actor.command_id))
    runtime.show(outcome_document(outcome, actor, lines), lines)
    return outcome


def record_each(commands: Iterable[Any], actor: Actor, *, summary: str) -> list[Outcome]:
    """Handle several built commands as one invocation and report them together.

    Each gets the command id ``<id>/<n>``, so running the invocation again with the same
    ``--command-id`` answers every one of them as before instead of recording twice.
    """
    app = current().app()
    outcomes: list[Outcome] = []
    lines: list[str] = []
    for n, command in enumerate(commands, 1):
        own = attrs.evolve(actor, command_id=f"{actor.command_id}/{n}")
        outcome = _handle(app, command, own)
        outcomes.append(outcome)
        lines += [sentence(recorded.event) for recorded in outcome.events]
    lines.append(summary if lines else f"{NO_CHANGE} {summary}")
    document = {
        "ok": True,
        "command_id": actor.command_id,
        "at": actor.at.isoformat(),
        "entered_by": current().operator(),
        "changed": any(o.changed for o in outcomes),
        "message": "\n".join(lines),
        "events": [event_document(r) for o in outcomes for r in o.events],
    }
    current().show(document, lines)
    return outcomes


def _handle(app: Dangjian, command: Any, actor: Actor) -> Outcome:
    try:
        return app.handle(
            command,
            command_id=actor.command_id,
            entered_by=current().operator(),
            late_reason=actor.late_reason,
        )
    except (StoreBusy, VersionConflict, CorruptEvent):
        raise  # nothing was written: the message says what to do
    except StorageError as error:
        # The connection may have died after COMMIT: say how to retry safely.
        again = f"--command-id {actor.command_id} --at {actor.at.isoformat()}"
        raise OutcomeUnknown(
            f"{error.zh}; 不确定是否已记录, 请原样重试并加上 {again}",
            f"{error.en}; the command may or may not have been recorded: retry it "
            f"unchanged with {again} (a recorded one is answered, not applied twice)",
        ) from error
    except DuplicateCommandId as error:
        if actor.at_given:
            raise
        # The time is part of the command: a retry that let --at default to "now" differs.
        raise DuplicateCommandId(
            f"{error.zh}; 重试时请带上第一次的 --at",
            f"{error.en}; a retry must repeat the first attempt's --at",
        ) from error


def outcome_document(outcome: Outcome, actor: Actor, lines: list[str]) -> dict[str, Any]:
    """A handled command as JSON: its id and time (what a retry repeats), and what it recorded."""
    return {
        "ok": True,
        "command_id": actor.command_id,
        "at": actor.at.isoformat(),
        "entered_by": current().operator(),
        "changed": outcome.changed,
        "replayed": outcome.replayed,
        "message": "\n".join(lines),
        "events": [event_document(recorded) for recorded in outcome.events],
    }
