"""形状校验 — the attrs validators commands share: bounded, clean text and bounded integers.

Commands check shape only (types, lengths, ranges, the text policy); rules live in the
deciders.

The text policy (文字规则), one for every text field of every command:

- NFC-normalised (the same name is the same bytes, whoever typed it);
- no control characters (C0, DEL, C1): a NUL broke every read of a PostgreSQL store,
  an ANSI escape reached the operator's terminal — except a newline in free text
  (reasons, notes, objections: fields of :data:`LINES_FROM` characters or more), where
  a line break is part of what was written;
- no bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C),
  which can make a name on a public board read as another.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from attrs import validators

#: Text fields this long or longer are free text, where newlines are allowed.
LINES_FROM = 500

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean(value: str, *, lines: bool = False) -> str | None:
    """What is wrong with ``value`` under the text policy (Chinese / English), or None."""
    controls = _CONTROLS_BUT_NEWLINE if lines else _CONTROLS
    if found := controls.search(value):
        return f"含控制字符 / holds a control character U+{ord(found.group()):04X}"
    if found := _BIDI.search(value):
        return f"含文字方向控制符 / holds a bidirectional control U+{ord(found.group()):04X}"
    if not unicodedata.is_normalized("NFC", value):
        return "须为 NFC 规范化文字 / must be NFC-normalised text"
    return None


def _policy(lines: bool) -> Any:
    def check(_instance: object, attribute: Any, value: str) -> None:
        problem = clean(value, lines=lines)
        if problem is not None:
            zh, _, en = problem.partition(" / ")
            raise ValueError(f"{attribute.name} {zh} / {attribute.name} {en}")

    return check


def text(low: int, high: int) -> Any:
    """A ``str`` of ``low`` to ``high`` characters under the text policy (newlines only in
    free text of :data:`LINES_FROM` characters or more)."""
    return [
        validators.instance_of(str),
        validators.min_len(low),
        validators.max_len(high),
        _policy(lines=high >= LINES_FROM),
    ]


def int_between(low: int, high: int) -> Any:
    """An ``int`` from ``low`` to ``high`` inclusive."""
    return [validators.instance_of(int), validators.ge(low), validators.le(high)]
