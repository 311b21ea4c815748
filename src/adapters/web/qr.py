"""二维码 — a QR code drawn as inline SVG by segno, on this server: no picture fetched
from a QR service (the village may have no internet, and an invitation's code must not
leave the server), no inline style (the pages' policy forbids it), only a path.

The SVG's one ``<path>`` draws each row's dark modules as horizontal strokes; a test
reads it back into the module matrix and compares it with segno's own (:func:`matrix`).
"""

from __future__ import annotations

import segno
from markupsafe import Markup, escape

#: Error correction M (15 %): a card may be creased or a poster a little faded.
ERROR = "m"
#: The quiet zone around the code, in modules (the standard asks for 4).
BORDER = 4


def qr_svg(data: str, label: str) -> Markup:
    """The QR code of ``data`` as an inline ``<svg>`` that scales to its box (CSS sets the
    size), named ``label`` for screen readers."""
    code = segno.make(data, error=ERROR, micro=False)
    svg = code.svg_inline(
        scale=1,
        border=BORDER,
        omitsize=True,
        svgclass="qr",
        lineclass=None,
        title=label,
        dark="#000",
        light="#fff",
    )
    # segno escapes the title; the SVG holds nothing else taken from the request.
    named = Markup('<svg role="img" aria-label="{}" ').format(escape(label))
    return Markup(svg.replace("<svg ", named, 1))


def matrix(data: str) -> list[list[bool]]:
    """The dark (True) and light modules of ``data``'s QR code, quiet zone included."""
    code = segno.make(data, error=ERROR, micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix_iter(border=BORDER)]
