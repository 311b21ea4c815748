r"""规范 JSON — one byte string per value, so a hash of it means one thing.

The encoding is RFC 8785 (JSON Canonicalization Scheme, JCS) for the values the ledger
holds: UTF-8, object keys sorted by their UTF-16 code units, no insignificant white space,
non-ASCII characters written as themselves, the escapes of JCS (``\"`` ``\\`` ``\b``
``\f`` ``\n`` ``\r`` ``\t``, other controls as lower-case ``\u00xx``), integers only —
written in full, which is what JCS writes for integers of magnitude below 2**53 (JCS
reads numbers as IEEE doubles; the ledger's integers stay far below that). Refused on the
way in and on the way out: floats (and so NaN and infinities), non-string keys, duplicate
keys, lone surrogates, and bytes that are valid JSON but not in this canonical form.

Before RFC 8785 keys were sorted by code point. The two orders differ only where a key
holds a character beyond U+FFFF (``{"（备注）":1,"𠮷":2}``: JCS puts ``𠮷`` first, its
UTF-16 units D842 DFB7 sorting before U+FF08). New bytes follow JCS; :func:`canonical_loads`
also accepts the code-point order, so events stored before still verify (their hashes
cover their stored bytes as they are).
"""

from __future__ import annotations

import json
import re
from typing import Any


class CanonicalError(ValueError):
    """规范 JSON 错误 — a value or byte string outside the canonical subset of JSON."""


_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)
_IN_ORDER = json.JSONEncoder(
    sort_keys=False, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)
#: A character beyond the Basic Multilingual Plane: only then can UTF-16 order differ.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Exact types that need no look inside (subclasses, e.g. a StrEnum, take the slow path).
_PLAIN = frozenset({str, int, bool, type(None)})


def canonical_dumps(value: Any) -> bytes:
    """Encode a value (dict, list, str, int, bool, None) canonically.

    The value is walked once for what JSON's encoder would silently accept or change
    (floats, non-string keys, other types); text that UTF-8 cannot encode (a lone
    surrogate) is refused by the final encoding itself.
    """
    _check(value)
    try:
        return _jcs(value).encode("utf-8")
    except UnicodeEncodeError as error:
        raise CanonicalError(f"lone surrogate in text: {error}") from error


def _jcs(value: Any) -> str:
    """The JCS text: JSON's encoder sorts by code point, which is UTF-16 order unless some
    text holds a character beyond U+FFFF; then the objects are put in UTF-16 order first."""
    text = _ENCODER.encode(value)
    if _ASTRAL.search(text) is None:
        return text
    return _IN_ORDER.encode(_utf16_ordered(value))


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def _utf16_ordered(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _utf16_ordered(value[key]) for key in sorted(value, key=_utf16_key)}
    if isinstance(value, list | tuple):
        return [_utf16_ordered(item) for item in value]
    return value


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
    # Decoded with floats and constants refused, so the value is JSON's own (string keys,
    # lists, no floats) and the C encoder alone gives its canonical bytes.
    try:
        again = _jcs(value).encode("utf-8")
        if again != data and _ASTRAL.search(data.decode("utf-8")):
            again = _ENCODER.encode(value).encode("utf-8")  # stored before JCS key order
    except UnicodeEncodeError as error:
        raise CanonicalError(f"lone surrogate in text: {error}") from error
    if again != data:
        raise CanonicalError("JSON is valid but not in canonical form")
    return value


def _check(value: Any) -> None:
    kind = type(value)
    if kind in _PLAIN:
        return
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                _check_key(key)
            if type(item) not in _PLAIN:
                _check(item)
    elif kind is list or kind is tuple:
        for item in value:
            if type(item) not in _PLAIN:
                _check(item)
    else:
        _check_other(value)


def _check_key(key: Any) -> None:
    if not isinstance(key, str):
        raise CanonicalError(f"object keys must be strings: {key!r}")


def _check_other(value: Any) -> None:
    """Subclasses of the JSON types (a StrEnum, an IntEnum …), or what is not JSON."""
    if isinstance(value, float):
        raise CanonicalError(f"floats are not allowed: {value!r}")
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_key(key)
            _check(item)
    else:
        raise CanonicalError(f"not a JSON value: {type(value).__name__}")


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
