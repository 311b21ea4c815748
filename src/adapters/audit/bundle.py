"""核查包 — one file with the ledger's events, chain, checkpoints and attempts, for inspectors.

Format ``dangjian-inspector-bundle`` version 1: UTF-8 lines, each one canonical JSON
object (:mod:`adapters.storage.canonical`), ending with a newline::

    {"exported_at":"…","format":"dangjian-inspector-bundle","ledger":"…","version":1}
    {"kind":"event","position":1,"state":"<base64 of the bytes>","stream_id":"…","topic":"…",
     "version":1}   (one line)
    {"hash":"<hex>","kind":"chain","position":1,"seq":1}
    {"cut_at":"…","head":"<hex>","kind":"checkpoint","note":"…","reason":"公示","size":1}
    {"actor_id":"…","at":"…","code":"…","command":"…","command_id":"…","command_type":"…",
     "id":1,"kind":"attempt","reason":"…","recorded_at":"…","stream_id":"…"}   (one line)
    {"attempts":1,"chain":1,"checkpoints":1,"events":1,"kind":"end"}

Records come in that order (events, chain, checkpoints, attempts), each in the store's
order; the end line counts them, so a cut-off file is refused. Event states are base64 so
their exact bytes survive, damaged or not. :func:`parse` checks every field's type and
raises nothing but :class:`BundleError`.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from typing import Any

from adapters.audit.evidence import Bundle
from adapters.storage.canonical import CanonicalError, canonical_loads
from adapters.storage.chain import ChainEntry
from adapters.storage.store import Attempt, CheckpointRecord, StoredRow
from dangjian_core.kernel.errors import DangjianError

FORMAT = "dangjian-inspector-bundle"
VERSION = 1
KINDS: dict[str, Any] = {
    "event": StoredRow,
    "chain": ChainEntry,
    "checkpoint": CheckpointRecord,
    "attempt": Attempt,
}
"""Each record kind, in the order they come, and what it is read as."""
_HEX = re.compile(r"(?:[0-9a-f]{2})*")
_TEXT = ("recorded_at", "at", "actor_id", "command_type", "stream_id", "command_id", "code")
HEADER = {"format": str, "version": int, "ledger": str, "exported_at": str}
FIELDS: dict[str, dict[str, type]] = {
    "event": {"position": int, "stream_id": str, "version": int, "topic": str, "state": bytes},
    "chain": {"seq": int, "position": int, "hash": bytes},
    "checkpoint": {"size": int, "head": bytes, "note": str, "reason": str, "cut_at": str},
    "attempt": {"id": int, **dict.fromkeys(_TEXT, str), "reason": str, "command": str},
    "end": {"events": int, "chain": int, "checkpoints": int, "attempts": int},
}


class BundleError(DangjianError):
    """核查包无效 — a bundle file that is not a well-formed bundle of this version."""

    code = "bad_bundle"


def parse(data: bytes) -> Bundle:
    """Read a bundle; any departure from the format raises :class:`BundleError`."""
    if not data.endswith(b"\n"):
        raise _error(0, "文件不完整 (未以换行结束)", "file is cut off (no final newline)")
    lines = iter(enumerate(data[:-1].split(b"\n"), start=1))
    header = _fields(*_next(lines), HEADER)
    if header["format"] != FORMAT or header["version"] != VERSION:
        raise _error(1, "不是第 1 版核查包", f"not a {FORMAT} version {VERSION}")
    found: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    at = 0
    for number, line in lines:
        record = _record(number, line)
        kind = record.get("kind")
        if kind == "end":
            end = _fields(number, line, FIELDS["end"], record)
            if next(lines, None) is not None:
                raise _error(number + 1, "结束行之后还有内容", "data after the end line")
            break
        if not isinstance(kind, str) or kind not in KINDS or list(KINDS).index(kind) < at:
            raise _error(
                number, f"记录类型或顺序不对: {kind!r}", f"unexpected record kind {kind!r}"
            )
        at = list(KINDS).index(kind)
        found[kind].append(_fields(number, line, FIELDS[kind], record))
    else:
        raise _error(0, "文件不完整 (缺少结束行)", "file is cut off (no end line)")
    counts = {kind: len(found[kind]) for kind in KINDS}
    if [end[k] for k in ("events", "chain", "checkpoints", "attempts")] != list(counts.values()):
        raise _error(
            0, f"记录数与结束行不符: {counts}", f"record counts differ from the end line: {counts}"
        )
    built = [tuple(read(**fields) for fields in found[kind]) for kind, read in KINDS.items()]
    return Bundle(header["ledger"], header["exported_at"], *built)


def _next(lines: Iterator[tuple[int, bytes]]) -> tuple[int, bytes]:
    """The header line."""
    first = next(lines, None)
    if first is None:
        raise _error(1, "缺少文件头", "no header line")
    return first


def _record(number: int, line: bytes) -> dict[str, Any]:
    """One line as a JSON object."""
    try:
        record = canonical_loads(line)
    except (CanonicalError, RecursionError) as error:
        raise _error(number, "不是规范 JSON", f"not canonical JSON: {error}") from error
    if not isinstance(record, dict):
        raise _error(number, "不是 JSON 对象", "not a JSON object")
    return record


def _fields(
    number: int, line: bytes, spec: dict[str, type], record: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The record's fields, each of its declared type (bytes: base64 or hex per field)."""
    record = _record(number, line) if record is None else record
    expected = set(spec) | ({"kind"} if "kind" in record else set())
    if set(record) != expected:
        raise _error(
            number, f"字段不对: {sorted(record)}", f"fields {sorted(record)} ≠ {sorted(expected)}"
        )
    fields: dict[str, Any] = {}
    for name, kind in spec.items():
        value = record[name]
        if kind is bytes:
            fields[name] = _bytes(number, name, value)
        elif type(value) is not kind:
            raise _error(number, f"字段 {name} 类型不对", f"field {name} must be {kind.__name__}")
        else:
            fields[name] = value
    return fields


def _bytes(number: int, name: str, value: Any) -> bytes:
    """A bytes field: the state in canonical base64, hashes in lower-case hex."""
    raw, canonical = b"", False
    try:
        if name == "state":
            raw = base64.b64decode(value.encode("ascii"), validate=True)
            canonical = base64.b64encode(raw).decode() == value
        else:
            raw, canonical = bytes.fromhex(value), _HEX.fullmatch(value) is not None
    except (AttributeError, TypeError, ValueError, binascii.Error):
        canonical = False
    if not canonical:
        raise _error(number, f"字段 {name} 编码不对", f"field {name} is not canonically encoded")
    return raw


def _error(number: int, zh: str, en: str) -> BundleError:
    """A BundleError naming the line."""
    where_zh = f"第 {number} 行: " if number else ""
    where_en = f"line {number}: " if number else ""
    return BundleError(f"核查包无效: {where_zh}{zh}", f"bad inspector bundle: {where_en}{en}")
