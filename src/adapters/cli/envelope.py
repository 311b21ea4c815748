"""JSON 信封 — every ``--json`` output in one envelope, with one key for one thing.

    {"ok": true,  "schema_version": 1, "data": {...}}       a command that answered
    {"ok": false, "schema_version": 1, "data": {...}}       a check that found problems
    {"ok": false, "schema_version": 1, "error": {"code", "zh", "en", "exit_code"}}

``data`` is the command's own document. Keys name the same thing the same way in every
output: a unit is ``unit_id`` everywhere (the read models' older ``branch_id`` is renamed
on the way out). The published JSON Schema is :data:`SCHEMA_PATH`
(``adapters/cli/schema/output.schema.json``, also in ``docs/``); a test validates every
command's output the tests run against it. ``schema_version`` changes when a key does.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
SCHEMA_PATH = Path(__file__).with_name("schema") / "output.schema.json"
#: Keys renamed on the way out, so that one thing has one name in every output.
RENAMED: Mapping[str, str] = {"branch_id": "unit_id"}


def same_keys(value: Any) -> Any:
    """``value`` with every key in :data:`RENAMED` renamed, at any depth (a key already
    present under the new name wins)."""
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = RENAMED.get(key, key) if isinstance(key, str) else key
            if name in out and name != key:
                continue
            out[name] = same_keys(item)
        return out
    if isinstance(value, list | tuple):
        return [same_keys(item) for item in value]
    return value


def envelope(document: Any) -> dict[str, Any]:
    """``document`` in the envelope (an error document keeps its ``error``)."""
    if isinstance(document, Mapping) and "error" in document and document.get("ok") is False:
        return {"ok": False, "schema_version": SCHEMA_VERSION, "error": document["error"]}
    data = dict(document) if isinstance(document, Mapping) else {"value": document}
    ok = bool(data.pop("ok", True))
    return {"ok": ok, "schema_version": SCHEMA_VERSION, "data": same_keys(data)}
