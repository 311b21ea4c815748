"""公示榜 — boards posted on a village notice board, exported to XLSX, printable HTML and
SVG charts: a neutral :class:`Board` model, its renderers and the builders per board."""

from adapters.boards.model import Bar, Board, Cell, Chart, Column, Section, date_zh, signer_of

__all__ = ["Bar", "Board", "Cell", "Chart", "Column", "Section", "date_zh", "signer_of"]
