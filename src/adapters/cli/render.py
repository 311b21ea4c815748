"""呈现 — rich tables for people, one JSON document for machines.

Consoles are made without markup, so text typed by users (``[紧急] 巡查``) prints as typed;
rich measures Chinese characters as two columns, so tables stay aligned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from adapters.cli.envelope import envelope
from adapters.storage.mapper import converter


def make_console(*, stderr: bool = False) -> Console:
    """A console that prints user text verbatim (no markup, emoji or highlighting)."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False)


def table(
    title: str | None,
    columns: Iterable[str],
    *,
    right: Iterable[str] = (),
    whole: Iterable[str] = (),
) -> Table:
    """A table with the given headers.

    Headers in ``right`` are right-aligned numbers, kept on one line like those in
    ``whole`` (times); other cells fold onto more lines rather than lose text to "…".
    """
    numbers, kept = set(right), set(right) | set(whole)
    grid = Table(title=title, title_justify="left")
    for header in columns:
        justify: JustifyMethod = "right" if header in numbers else "left"
        grid.add_column(header, justify=justify, overflow="fold", no_wrap=header in kept)
    return grid


def filled(grid: Table, rows: Iterable[Sequence[str]]) -> Table:
    """The table with the rows added."""
    for row in rows:
        grid.add_row(*row)
    return grid


def heading(text: str) -> Text:
    """A bold line above a table."""
    return Text(text, style="bold")


def signed(value: int) -> str:
    """A points change with its sign: ``+5``, ``-3``."""
    return f"{value:+d}"


def emit_json(document: Any) -> None:
    """Print one JSON document in the envelope (UTF-8, Chinese kept readable)."""
    click.echo(json.dumps(envelope(document), ensure_ascii=False, indent=2, default=str))


def emit(console: Console, renderables: Iterable[RenderableType]) -> None:
    """Print renderables one after another."""
    for renderable in renderables:
        # Sentences are not wrapped at the console width: a pipe or a log keeps them whole.
        console.print(renderable, soft_wrap=isinstance(renderable, str))


def plain(value: Any) -> Any:
    """Attrs values as plain JSON-ready data."""
    return converter.unstructure(value)
