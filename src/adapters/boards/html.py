"""公示页 — a :class:`Board` as one self-contained, printable HTML page.

The page looks like a notice on a village board: the title in red over a red double rule,
the unit, period and date under it, the tables with headers repeated on every printed
page, the footnotes, and the signature (issuer and date) on the right. It is sized for A4
(``@page { size: A4; margin: 18mm }``), names Chinese fonts first, loads nothing from the
network (no scripts, images, links or web fonts), and escapes every text it prints.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from adapters.boards.model import Board, Cell, Section
from adapters.boards.notice_html import NOTICE_CSS, notice_parts

#: Chinese fonts first (Debian's fonts-noto-cjk, Adobe's Source Han, Windows' SimSun).
FONT_STACK = (
    '"Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Source Han Sans SC", '
    '"Songti SC", "SimSun", "STSong", serif'
)

CSS = f"""
@page {{ size: A4; margin: 14mm 18mm; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; font-family: {FONT_STACK}; font-size: 11pt; color: #111; line-height: 1.45; }}
.board {{ max-width: 174mm; margin: 0 auto; }}
header {{ text-align: center; }}
h1 {{ color: #c00000; font-size: 20pt; letter-spacing: 0.08em; margin: 0 0 1.5mm; }}
.rule {{ border: 0; border-top: 2.4pt solid #c00000; border-bottom: 0.8pt solid #c00000;
  height: 2.2pt; margin: 0 0 3mm; }}
.info {{ margin: 0 0 4mm; font-size: 10.5pt; }}
.info span {{ display: inline-block; white-space: nowrap; margin: 0 0.75em; }}
h2 {{ font-size: 13pt; margin: 5mm 0 2mm; color: #c00000; }}
table {{ width: 100%; border-collapse: collapse; margin: 0 0 2mm; font-size: 10pt; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th {{ background: #c00000; color: #fff; font-weight: bold; padding: 1.2mm 1.6mm;
  border: 0.6pt solid #c00000; white-space: nowrap; }}
td {{ border: 0.6pt solid #999; padding: 0.3mm 1.6mm; vertical-align: top; line-height: 1.25; }}
td.num {{ text-align: right; white-space: nowrap; }}
tbody tr:nth-child(even) td {{ background: #fbf3f3; }}
.empty {{ color: #666; text-align: center; }}
.notes {{ font-size: 9.5pt; color: #333; margin: 2mm 0 0; padding-left: 1.2em; }}
"""


def render_html(board: Board) -> str:
    """The printable page as a string."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_text(board.title)}</title>",
        f"<style>{CSS}{NOTICE_CSS}</style>",
        "</head>",
        "<body>",
        f'<main class="board" data-kind="{_text(board.kind)}">',
        "<header>",
        f'<h1 class="title">{_text(board.title)}</h1>',
        '<hr class="rule">',
        '<p class="info">',
        *(
            f'<span class="{_INFO_CLASSES.get(key, "meta")}">{_text(key)}：{_text(value)}</span>'
            for key, value in board.info
        ),
        "</p>",
        "</header>",
    ]
    named = len(board.printed) > 1
    for section in board.printed:
        parts += _section(section, named=named)
    if board.footnotes:
        parts += ['<ul class="notes footnotes">', *map(_item, board.footnotes), "</ul>"]
    parts += notice_parts(board)
    parts += [
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def write_html(board: Board, path: Path) -> None:
    """Write the printable page to ``path`` (UTF-8)."""
    path.write_text(render_html(board), encoding="utf-8")


_INFO_CLASSES = {"单位": "unit", "期间": "period", "日期": "date"}


def _section(section: Section, *, named: bool) -> list[str]:
    parts = ['<section class="section">']
    if named:
        parts.append(f"<h2>{_text(section.title)}</h2>")
    sizes = section.widths(40)
    widths = (round(100 * size / (sum(sizes) or 1), 1) for size in sizes)
    parts += ["<table>", "<colgroup>", *(f'<col style="width: {w}%">' for w in widths)]
    parts += ["</colgroup>", "<thead><tr>"]
    parts += [f"<th>{_text(column.header)}</th>" for column in section.columns]
    parts += ["</tr></thead>", "<tbody>"]
    for row in section.rows:
        cells = (
            f'<td class="num">{_cell(v)}</td>' if column.numeric else f"<td>{_cell(v)}</td>"
            for column, v in zip(section.columns, row, strict=True)
        )
        parts.append(f"<tr>{''.join(cells)}</tr>")
    if not section.rows:
        parts.append(f'<tr><td class="empty" colspan="{len(section.columns)}">（无）</td></tr>')
    parts += ["</tbody>", "</table>"]
    if section.notes:
        parts += ['<ul class="notes">', *map(_item, section.notes), "</ul>"]
    parts.append("</section>")
    return parts


def _item(note: str) -> str:
    return f"<li>{_text(note)}</li>"


def _cell(value: Cell) -> str:
    return "" if value is None else _text(str(value))


def _text(value: str) -> str:
    """Escaped text; a line break in the data stays a line break on the page."""
    return escape(value, quote=True).replace("\n", "<br>")
