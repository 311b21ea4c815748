"""名次图 — a standings :class:`Chart` as an SVG horizontal bar chart, in pure Python.

One bar per entry, top to bottom in the chart's order, the label (a name) on the left and
the value at the bar's end; a negative value draws leftwards from the zero line. The SVG
needs nothing but a font with Chinese glyphs where it is shown: no scripts, no links.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from adapters.boards.html import FONT_STACK
from adapters.boards.model import Board, Chart, display_width

WIDTH = 720
ROW = 26
BAR = 16
TOP = 64
FONT = 14
BAR_COLOUR = "#c00000"
_PAD = 12


def render_svg(chart: Chart, *, subtitle: str | None = None) -> str:
    """The chart as an SVG document (a string)."""
    label_width = max([display_width(bar.label) for bar in chart.bars] + [4]) * FONT // 2 + _PAD
    value_width = max([len(str(bar.value)) for bar in chart.bars] + [1]) * FONT // 2 + 4 * _PAD
    low = min([0] + [bar.value for bar in chart.bars])
    # Labels on the left; room for the values at both ends when some are negative.
    left, right = label_width + _PAD + (value_width if low < 0 else 0), WIDTH - value_width
    high = max([0] + [bar.value for bar in chart.bars]) or 1
    scale = (right - left) / (high - low)
    zero = left + round(-low * scale)
    height = TOP + ROW * max(len(chart.bars), 1) + 2 * _PAD
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family={_attr(FONT_STACK)} font-size="{FONT}">',
        f"<title>{_text(chart.title)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text class="title" x="{WIDTH // 2}" y="28" text-anchor="middle" font-size="20" '
        f'font-weight="bold" fill="{BAR_COLOUR}">{_text(chart.title)}</text>',
    ]
    if subtitle:
        out.append(
            f'<text class="subtitle" x="{WIDTH // 2}" y="50" text-anchor="middle" '
            f'font-size="12" fill="#444444">{_text(subtitle)}</text>'
        )
    bottom = TOP + ROW * len(chart.bars)
    out.append(f'<line x1="{zero}" y1="{TOP - 4}" x2="{zero}" y2="{bottom}" stroke="#666666"/>')
    for index, bar in enumerate(chart.bars):
        y = TOP + index * ROW
        length = round(abs(bar.value) * scale)
        x = zero if bar.value >= 0 else zero - length
        middle = y + BAR // 2 + 5
        value_x, anchor = (x + length + 6, "start") if bar.value >= 0 else (x - 6, "end")
        out += [
            f'<g class="bar" data-label={_attr(bar.label)} data-value="{bar.value}">',
            f'<text class="label" x="{label_width}" y="{middle}" '
            f'text-anchor="end">{_text(bar.label)}</text>',
            f'<rect x="{x}" y="{y}" width="{max(length, 1 if bar.value else 0)}" '
            f'height="{BAR}" fill="{BAR_COLOUR}"/>',
            f'<text class="value" x="{value_x}" y="{middle}" text-anchor="{anchor}">'
            f"{bar.value}{_text(chart.unit)}</text>",
            "</g>",
        ]
    if not chart.bars:
        out.append(f'<text x="{WIDTH // 2}" y="{TOP + 16}" text-anchor="middle">（无）</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def board_svg(board: Board) -> str:
    """The board's chart, subtitled with the board's unit, period and date."""
    if board.chart is None:
        raise ValueError(f"{board.title} 没有名次图 / this board has no chart")
    return render_svg(board.chart, subtitle=board.info_text)


def write_svg(board: Board, path: Path) -> None:
    """Write the board's chart to ``path`` (UTF-8)."""
    path.write_text(board_svg(board), encoding="utf-8")


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return f'"{escape(value, quote=True)}"'
