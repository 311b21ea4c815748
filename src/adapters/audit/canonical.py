"""规范 JSON — one byte string per value, so a hash of it means one thing.

The encoding: UTF-8, object keys sorted by code point, no insignificant white space,
non-ASCII characters written as themselves, integers only. Refused on the way in and on
the way out: floats (and so NaN and infinities), non-string keys, duplicate keys, lone
surrogates, and bytes that are valid JSON but not in this canonical form.
"""

from __future__ import annotations

import json
from typing import Any


class CanonicalError(ValueError):
    """规范 JSON 错误 — a value or byte string outside the canonical subset of JSON."""


def canonical_dumps(value: Any) -> bytes:
    """Encode a value (dict, list, str, int, bool, None) canonically."""
    _check(value)
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def canonical_loads(data: bytes) -> Any:
    """Decode bytes that must already be canonical; anything else raises CanonicalError."""
    try:
        value = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise CanonicalError(f"not JSON: {error}") from error
    if canonical_dumps(value) != data:
        raise CanonicalError("JSON is valid but not in canonical form")
    return value


def _check(value: Any) -> None:
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        raise CanonicalError(f"floats are not allowed: {value!r}")
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _check(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(f"object keys must be strings: {key!r}")
            _check_text(key)
            _check(item)
    else:
        raise CanonicalError(f"not a JSON value: {type(value).__name__}")


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise CanonicalError(f"lone surrogate in text: {text!r}") from error


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CanonicalError(f"duplicate key: {key!r}")
        result[key] = value
    return result


def _no_float(text: str) -> Any:
    raise CanonicalError(f"floats are not allowed: {text}")


def _no_constant(text: str) -> Any:
    raise CanonicalError(f"{text} is not allowed")
