"""形状校验 — the attrs validators commands share: bounded text and bounded integers.

Commands check shape only (types, lengths, ranges); rules live in the deciders.
"""

from __future__ import annotations

from typing import Any

from attrs import validators


def text(low: int, high: int) -> Any:
    """A ``str`` of ``low`` to ``high`` characters."""
    return [validators.instance_of(str), validators.min_len(low), validators.max_len(high)]


def int_between(low: int, high: int) -> Any:
    """An ``int`` from ``low`` to ``high`` inclusive."""
    return [validators.instance_of(int), validators.ge(low), validators.le(high)]
