"""帮助排版 — help that fits the terminal when it is Chinese.

Click measures and wraps help by characters, but a Chinese character takes two columns
of a terminal, so Chinese help ran to 83–105 columns on an 80-column screen, and a long
choice list (``[full|正式党员|probationary|预备党员|…]``) printed as one 250-column line.
:class:`DisplayWidthFormatter` measures by display width (East Asian wide and fullwidth
characters count two), may break a line between two Chinese characters or after ``|``,
and wraps an option's name column too when it is too long. :func:`fit_help` installs it
on every command of a tree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import click

#: Where a line may break: after spaces, after ``|`` or ``/``, and around wide characters.
_TOKEN = re.compile(r"\s+|[^\s|/\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]*[|/]?|.", re.S)


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes (wide and fullwidth characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _tokens(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text):
        if match.group():
            yield match.group()


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` (one paragraph; runs of white space become one space) in lines of at most
    ``width`` columns where it can break, the first prefixed with ``first``, the others
    with ``rest``."""
    lines: list[str] = []
    line, used, fresh = first, cells(first), True
    for token in _tokens(" ".join(text.split())):
        size = cells(token)
        if token.isspace():
            if not fresh and used + 1 <= width:
                line, used = line + " ", used + 1
            continue
        if used + size > width and not fresh:
            lines.append(line.rstrip())
            line, used = rest, cells(rest)
        line, used, fresh = line + token, used + size, False
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def paragraphs(text: str) -> Iterable[tuple[bool, str]]:
    """Paragraphs separated by blank lines; ``(True, text)`` for one marked ``\\b`` (kept)."""
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        if block.startswith("\b"):
            yield True, block[1:].lstrip("\n")
        else:
            yield False, block


class DisplayWidthFormatter(click.HelpFormatter):
    """A help formatter that wraps by display width (see the module's docstring)."""

    def _wrapped(self, text: str, width: int, first: str, rest: str) -> list[str]:
        out: list[str] = []
        for n, (kept, block) in enumerate(paragraphs(text)):
            if n:
                out.append("")
            if kept:
                out += [rest + line for line in block.splitlines()]
            else:
                out += wrap(block, width, first if n == 0 else rest, rest)
        return out

    def write_text(self, text: str) -> None:
        """Rewrap ``text`` to the width, keeping paragraphs."""
        indent = " " * self.current_indent
        self.write("\n".join(self._wrapped(text, self.width, indent, indent)) + "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, its arguments wrapped under each other."""
        prefix = "Usage: " if prefix is None else prefix
        head = f"{prefix:>{self.current_indent}}{prog} "
        if not args:
            self.write(head.rstrip() + "\n")
            return
        indent = " " * min(cells(head), self.width // 2)
        lines = wrap(args, self.width, head if cells(head) < self.width // 2 else indent, indent)
        if cells(head) >= self.width // 2:
            lines.insert(0, head.rstrip())
        self.write("\n".join(lines) + "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Options or commands: names on the left (wrapped when too long), help on the right."""
        rows = list(rows)
        widest = max((cells(first) for first, _ in rows), default=0)
        first_col = min(widest, col_max) + col_spacing
        indent = " " * self.current_indent
        pad = " " * (first_col + self.current_indent)
        text_width = max(self.width - first_col - self.current_indent, 20)
        for first, second in rows:
            names = wrap(first, self.width, indent, indent + "    ")
            if second and cells(names[-1]) - self.current_indent <= first_col - col_spacing:
                tail = names.pop()
                lead = tail + " " * (first_col + self.current_indent - cells(tail))
            else:
                lead = pad
            for line in names:
                self.write(line + "\n")
            if not second:
                if lead != pad:
                    self.write(lead.rstrip() + "\n")
                continue
            body = self._wrapped(second, text_width, "", "") or [""]
            self.write(lead + body[0] + "\n")
            for line in body[1:]:
                self.write((pad + line).rstrip() + "\n")


class DisplayWidthContext(click.Context):
    """A context whose help is laid out by :class:`DisplayWidthFormatter`."""

    formatter_class = DisplayWidthFormatter


def fit_help(command: click.Command) -> None:
    """Lay out the help of ``command`` and every command under it by display width."""
    command.context_class = DisplayWidthContext
    if isinstance(command, click.Group):
        for child in command.commands.values():
            fit_help(child)
