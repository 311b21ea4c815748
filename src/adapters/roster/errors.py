"""花名册错误 — a bad row stops the whole import; the error names where and what.

Every problem is located as the user sees it in the sheet: the file (and sheet), the row
number counted from 1 with the header as row 1, and the column's header.
"""

from __future__ import annotations

from attrs import frozen

from dangjian_core.kernel.errors import DangjianError


@frozen
class Where:
    """位置 — a file (or ``workbook[sheet]``), a row as numbered in the sheet, a column."""

    file: str
    row: int
    column: str

    @property
    def zh(self) -> str:
        """``人员.csv 第 12 行「所在组织编号」``."""
        column = f"「{self.column}」" if self.column else ""
        return f"{self.file} 第 {self.row} 行{column}"

    @property
    def en(self) -> str:
        """``人员.csv row 12, column 所在组织编号``."""
        column = f", column {self.column}" if self.column else ""
        return f"{self.file} row {self.row}{column}"


class RosterError(DangjianError):
    """花名册错误 — a roster could not be read or imported; nothing was written.

    ``where`` names the file, row and column; ``problem_zh`` / ``problem_en`` say what is
    wrong there. ``code`` is ``invalid`` for a malformed cell or file, or the code of the
    domain refusal a row ran into (``unauthorized``, ``unknown``, ``unit`` …).
    """

    code = "invalid"

    def __init__(self, where: Where, zh: str, en: str, *, code: str | None = None) -> None:
        super().__init__(f"{where.zh}: {zh}", f"{where.en}: {en}")
        self.where = where
        self.problem_zh = zh
        self.problem_en = en
        if code is not None:
            self.code = code


class CellProblem(ValueError):
    """A cell's value could not be read; the reader adds where it is."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
