"""请求模型 — the body of each command's endpoint, derived from the core's attrs command:
every field but ``actor_id`` and ``at``, which the server fills in (the authenticated
person, the server's clock). Pydantic models only describe and pre-check the JSON (for
OpenAPI and named field errors); the command is then built by the core's own validators
(:meth:`adapters.app.Dangjian.build`), which stay the judge."""

from __future__ import annotations

import typing
from datetime import date, datetime
from typing import Any

import attrs
from pydantic import BaseModel, ConfigDict, Field, create_model

from adapters.procedure_files import parse_procedure
from adapters.scheme_files import parse_scheme
from adapters.storage.mapper import converter
from dangjian_core.evaluation.scheme import Scheme
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.matters.values import Ballot, Procedure

#: Filled in by the server, never by the client.
SERVER_FIELDS = frozenset({"actor_id", "at"})


class Body(BaseModel):
    """Base of every command body: unknown fields are refused, by name."""

    model_config = ConfigDict(extra="forbid")


def _annotation(hint: Any) -> Any:
    """The JSON-side type of a command field (a scheme is given as its TOML text)."""
    if hint is Scheme or hint is Procedure:
        return str
    if hint == tuple[Ballot, ...]:
        return tuple[dict[str, str], ...]
    return hint


_DESCRIPTIONS: dict[Any, str] = {
    Scheme: "积分细则 TOML 文本 / the points scheme as TOML text (docs/schemes.md)",
    Procedure: "决策程序 TOML 文本 / the decision procedure as TOML text (docs/matters.md)",
    date: "日期 / ISO date, e.g. 2021-10-08",
    datetime: "带时区的时间 / ISO time with offset, e.g. 2021-10-08T09:00:00+08:00",
}


def body_model(command_type: type[Any]) -> type[BaseModel]:
    """The request body model of one command type."""
    hints = typing.get_type_hints(command_type)
    fields: dict[str, Any] = {}
    for field in attrs.fields(command_type):
        if field.name in SERVER_FIELDS:
            continue
        hint = _annotation(hints[field.name])
        description = _DESCRIPTIONS.get(hints[field.name], "")
        if field.default is attrs.NOTHING:
            fields[field.name] = (hint, Field(description=description))
        else:
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            fields[field.name] = (hint, Field(default=default, description=description))
    doc = (command_type.__doc__ or "").strip()
    return create_model(f"{command_type.__name__}Body", __base__=Body, __doc__=doc, **fields)


def command_fields(command_type: type[Any], body: BaseModel) -> dict[str, Any]:
    """The command's fields from a checked body (a scheme parsed from its TOML text)."""
    hints = typing.get_type_hints(command_type)
    values = {name: getattr(body, name) for name in type(body).model_fields}
    for name, value in values.items():
        if hints[name] is Scheme:
            values[name] = parse_scheme(value, name)
        elif hints[name] is Procedure:
            values[name] = parse_procedure(value, name)
        elif hints[name] == tuple[Ballot, ...]:
            values[name] = _ballots(value, name)
    return values


def _ballots(value: Any, name: str) -> tuple[Ballot, ...]:
    """Named ballots from their JSON objects (``{"voter_id": …, "choice": "for"}``)."""
    try:
        return tuple(converter.structure(item, Ballot) for item in value)
    except Exception as error:  # cattrs raises several kinds; all are bad input
        raise InvalidCommand(
            f"{name}: 记名票写成 {{voter_id, choice: for|against|abstain}}",
            f"{name}: each ballot is {{voter_id, choice}}: {error}",
        ) from error
