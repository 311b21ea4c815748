"""标识 — identifiers and their shape rules."""

from __future__ import annotations

import re
from typing import Any, NewType

PersonId = NewType("PersonId", str)
BranchId = NewType("BranchId", str)
TaskId = NewType("TaskId", str)
AdjustmentId = NewType("AdjustmentId", str)

# fullmatch, not match with ``$``: ``$`` also matches before a final newline, which let
# ``"lv-lanzhi\n"`` pass as a second, lookalike id.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}")


def is_valid_id(value: object) -> bool:
    """An id is 1–64 ASCII letters, digits, ``_ . : -``, starting with a letter or digit."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def check_id(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: refuse ids that are not of the documented shape."""
    if not is_valid_id(value):
        raise ValueError(
            f"{attribute.name} 格式不对 / malformed id {value!r}: "
            "1–64 ASCII letters, digits or _.:- expected"
        )
