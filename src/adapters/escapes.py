"""转义 — hostile text shown without harm: control characters written as escapes."""

from __future__ import annotations


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x00``, ``\\x1b``,
    ``\\u202e``): a refused value is kept as evidence, but a NUL cannot be stored in
    PostgreSQL's text and no control character should reach an inspector's or operator's
    terminal."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
