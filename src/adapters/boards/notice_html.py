"""公示落款 — the end of a printed notice: 特此公示, the notice period and whom to call,
the signature with room for the seal, and the signed checkpoint with its QR code.

The QR code is drawn as inline SVG (no image file, nothing loaded): scanning it gives the
checkpoint's signed note, which an inspector checks with ``dangjian audit verify``.
"""

from __future__ import annotations

from html import escape

import segno

from adapters.boards.model import Board

NOTICE_CSS = """
.closing { margin: 3mm 0 0 2em; font-size: 11.5pt; }
.notice-lines { margin: 2mm 0 0; padding: 0; list-style: none; font-size: 10.5pt; }
.end { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm;
  margin: 3mm 0 0; break-inside: avoid; page-break-inside: avoid; }
.checkpoint { display: flex; align-items: flex-end; gap: 3mm; max-width: 110mm; }
.checkpoint svg { width: 24mm; height: 24mm; flex: none; }
.checkpoint pre { margin: 0; font-size: 6.5pt; line-height: 1.25; white-space: pre-wrap;
  word-break: break-all; color: #333; }
.signature { margin: 0 0 0 auto; min-width: 48mm; min-height: 28mm; text-align: center;
  display: flex; flex-direction: column; justify-content: flex-end; }
.signature p { margin: 0 0 1mm; }
"""


def notice_parts(board: Board) -> list[str]:
    """The closing of the page: notice lines when the board is a notice, then the end row
    (checkpoint and QR on the left, the signature with room for the seal on the right)."""
    parts: list[str] = []
    notice = board.notice
    if notice is not None:
        parts.append(f'<p class="closing">{_text(notice.closing)}</p>')
        lines = [f"公示期：{notice.period}", *notice.contacts]
        parts += ['<ul class="notice-lines">', *(f"<li>{_text(line)}</li>" for line in lines)]
        parts.append("</ul>")
    parts.append('<div class="end">')
    if board.link:
        qr = segno.make(board.link, error="m").svg_inline(scale=2, border=2)
        parts += ['<figure class="checkpoint" aria-label="扫码核验 scan to check">', qr]
        parts += [f"<pre>扫码核验 / scan to check\n{escape(board.link)}</pre>", "</figure>"]
    if notice is not None and notice.checkpoint:
        qr = segno.make(notice.checkpoint, error="m").svg_inline(scale=2, border=2)
        parts += ['<figure class="checkpoint" aria-label="签名检查点 signed checkpoint">', qr]
        parts += [f"<pre>{escape(notice.checkpoint)}</pre>", "</figure>"]
    parts += [
        '<footer class="signature">',
        f'<p class="signer">{_text(board.signer)}</p>',
        f'<p class="signed-on">{_text(board.date_text)}</p>',
        "</footer>",
        "</div>",
    ]
    return parts


def _text(value: str) -> str:
    return escape(value, quote=True).replace("\n", "<br>")
