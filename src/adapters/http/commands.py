"""命令接口 — ``POST /commands/<Command>`` for every command of the core but the
accounts' own (their secrets need :mod:`adapters.http.accounts`): the body is the
command's fields, the actor is the authenticated person, the time is the server's, and
``Idempotency-Key`` names the command so a retry is answered, not applied again."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel

from adapters.app import Dangjian
from adapters.app.handling import Outcome
from adapters.http.auth import Writer
from adapters.http.errors import ERROR_SCHEMA
from adapters.http.schemas import body_model, command_fields
from adapters.identity import Principal
from adapters.views.documents import event_document
from dangjian_core.accounts import CONCEPT as ACCOUNTS
from dangjian_core.catalog import CONCEPTS
from dangjian_core.kernel.errors import InvalidCommand

router = APIRouter(prefix="/commands")

#: Commands served here: every concept's, but the accounts' (see :mod:`.accounts`).
SERVED: tuple[tuple[str, type[Any]], ...] = tuple(
    (concept.name, command)
    for concept in CONCEPTS
    if concept is not ACCOUNTS
    for command in concept.commands
)

_REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"description": what, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, what in (
        (401, "未登录 / not authenticated"),
        (403, "无权或缺防伪令牌 / not allowed, or CSRF token missing"),
        (404, "对象不存在 / unknown subject"),
        (409, "规则拒绝 / refused by a rule"),
        (422, "内容不对 / malformed, or the key reused for another command"),
        (503, "存储繁忙 / store busy, retry"),
    )
}


def app_of(request: Request) -> Dangjian:
    """The application the server holds."""
    found: Dangjian = request.app.state.dangjian
    return found


def command_id_of(who: Principal, key: str | None) -> str:
    """The command id of a request: its ``Idempotency-Key``, scoped to the person (so two
    people's keys never collide), or a fresh one (returned in the answer)."""
    if key is None:
        return f"http-{uuid.uuid4().hex}"
    if not 1 <= len(key) <= 200 or not key.isascii() or not key.isprintable():
        raise InvalidCommand(
            "Idempotency-Key 须为 1–200 个可打印 ASCII 字符",
            "Idempotency-Key must be 1–200 printable ASCII characters",
        )
    return "http-" + hashlib.sha256(f"{who.person_id}\0{key}".encode()).hexdigest()[:40]


def outcome_document(outcome: Outcome, command_id: str) -> dict[str, Any]:
    """A handled command's answer: its id, whether it changed anything or was answered
    again, and what it recorded (personal data masked)."""
    return {
        "command_id": command_id,
        "changed": outcome.changed,
        "replayed": outcome.replayed,
        "events": [event_document(r, private=False) for r in outcome.events],
        "follow_ups": [
            {"command_id": f.command_id, "command": f.command, "ok": f.ok, "error": f.error}
            for f in outcome.follow_ups
        ],
    }


def _endpoint(command_type: type[Any]) -> Callable[..., dict[str, Any]]:
    model = body_model(command_type)

    def handle(
        body: BaseModel,
        request: Request,
        who: Writer,
        idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
    ) -> dict[str, Any]:
        command_id = command_id_of(who, idempotency_key)
        fields = command_fields(command_type, body)
        outcome = app_of(request).submit(
            command_type,
            command_id=command_id,
            fresh=idempotency_key is None,
            actor_id=who.person_id,
            **fields,
        )
        return outcome_document(outcome, command_id)

    handle.__annotations__["body"] = model
    handle.__name__ = command_type.__name__
    return handle


for _concept, _command in SERVED:
    router.add_api_route(
        f"/{_command.__name__}",
        _endpoint(_command),
        methods=["POST"],
        tags=[f"命令 {_concept}"],
        summary=(_command.__doc__ or _command.__name__).strip().splitlines()[0],
        responses=_REFUSALS,
        operation_id=_command.__name__,
    )
