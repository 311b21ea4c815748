"""账户命令 — ``account invite | close | token-revoke``.

Their time is the server's (the application's clock), never ``--at``: an invitation's
validity and a closing count from when they really happened. The password is set only by
the person themself, on the page the invitation code opens (``/join?code=…``); API
tokens are issued there too, by their holder. The secrets are shown once and kept only as
digests (:mod:`adapters.identity`).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import click

from adapters.app.handling import Outcome
from adapters.cli.messages import NO_CHANGE, answered_again, sentence
from adapters.cli.runtime import current
from adapters.identity import Identity
from adapters.views.documents import event_document
from dangjian_core.accounts.commands import INVITATION_DAYS, MAX_INVITATION_DAYS
from dangjian_core.accounts.events import AccountInvited
from dangjian_core.kernel.ids import PersonId

#: Where the person sets their password, relative to the web service's address.
JOIN_PATH = "/join"


def acting_now(command: Callable[..., None]) -> Callable[..., None]:
    """Add ``--as`` and ``--command-id`` (no ``--at``: the server's clock gives the time);
    the command receives ``actor_id`` and ``command_id``."""

    @click.option("--as", "actor_id", required=True, help="操作人编号 / the acting person's id")
    @click.option(
        "--command-id",
        default=None,
        help="命令编号, 重试时使用同一编号不会重复记录 / id for safe retries",
    )
    @functools.wraps(command)
    def with_actor(*args: Any, actor_id: str, command_id: str | None, **kwargs: Any) -> None:
        command(*args, actor_id=actor_id, command_id=command_id or uuid.uuid4().hex, **kwargs)

    return with_actor


def join_path(code: str) -> str:
    """The page where the invitation's code sets a password: ``/join?code=…``."""
    return f"{JOIN_PATH}?{urlencode({'code': code})}"


@click.command("invite")
@click.argument("person_id")
@click.option(
    "--days",
    type=click.IntRange(1, MAX_INVITATION_DAYS),
    default=INVITATION_DAYS,
    show_default=True,
    help="邀请有效天数 / days the invitation is valid",
)
@acting_now
def invite(person_id: str, days: int, actor_id: str, command_id: str) -> None:
    """邀请开户(或补发, 旧邀请作废): 显示一次性邀请码 / invite a person to an account."""
    runtime = current()
    identity = Identity(runtime.app(must_exist=True))
    issued = identity.invite(
        actor_id,
        person_id,
        command_id=command_id,
        valid_days=days,
        entered_by=runtime.operator(),
    )
    path = join_path(issued.code)
    said = sentence(
        AccountInvited(PersonId(issued.person_id), issued.invitation_id, issued.expires_at)
    )
    notice = "邀请码只显示这一次: 请私下交给本人(不要发到群里), 由本人打开网页设置密码"
    lines = [said, notice, f"邀请码: {issued.code}", f"设置密码的网页: <服务网址>{path}"]
    document = {
        "ok": True,
        "command_id": command_id,
        "person_id": issued.person_id,
        "invitation_id": issued.invitation_id,
        "code": issued.code,
        "path": path,
        "expires_at": issued.expires_at.isoformat(),
        "message": f"{said}\n{notice}",
    }
    runtime.show(document, lines)


@click.command("close")
@click.argument("person_id")
@click.option("--reason", required=True, help="理由 / reason, e.g. 离开本村")
@acting_now
def close(person_id: str, reason: str, actor_id: str, command_id: str) -> None:
    """停用账户: 登录、会话和令牌立即失效 / close a person's account."""
    runtime = current()
    outcome = Identity(runtime.app(must_exist=True)).close(
        actor_id, person_id, reason, command_id=command_id, entered_by=runtime.operator()
    )
    _report(outcome, command_id)


@click.command("token-revoke")
@click.argument("person_id")
@click.argument("token_id")
@click.option("--reason", required=True, help="理由 / reason, e.g. 令牌泄露")
@acting_now
def token_revoke(
    person_id: str, token_id: str, reason: str, actor_id: str, command_id: str
) -> None:
    """吊销令牌: 立即失效 / revoke one of a person's API tokens."""
    runtime = current()
    outcome = Identity(runtime.app(must_exist=True)).revoke_token(
        actor_id, person_id, token_id, reason, command_id=command_id, entered_by=runtime.operator()
    )
    _report(outcome, command_id)


def _report(outcome: Outcome, command_id: str) -> None:
    """Say what the command recorded (or that a retry was answered from its record)."""
    lines = [sentence(recorded.event) for recorded in outcome.events] or [NO_CHANGE]
    if outcome.replayed:
        lines.insert(0, answered_again(command_id))
    document = {
        "ok": True,
        "command_id": command_id,
        "changed": outcome.changed,
        "replayed": outcome.replayed,
        "message": "\n".join(lines),
        "events": [event_document(recorded) for recorded in outcome.events],
    }
    current().show(document, lines)


COMMANDS = (invite, close, token_revoke)
