"""The ``--json`` envelope in tests: every output a test reads is first checked against
the published JSON Schema (``adapters/cli/schema/output.schema.json``), then its ``data``
(or, for a refusal, the whole envelope) is handed to the test."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from adapters.cli.envelope import SCHEMA_PATH


@cache
def validator() -> Draft202012Validator:
    """The published schema's validator."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def checked(text: str) -> dict[str, Any]:
    """The envelope printed as ``text``, after checking it against the schema."""
    document: dict[str, Any] = json.loads(text)
    errors = sorted(validator().iter_errors(document), key=str)
    assert not errors, (
        f"not in the published envelope: {errors[0].message} at {list(errors[0].path)}"
    )
    return document


def data_of(text: str) -> Any:
    """The ``data`` of an envelope (checked against the schema); a refusal's whole
    envelope (``ok``, ``error``) when it has no data."""
    document = checked(text)
    return document.get("data", document)
