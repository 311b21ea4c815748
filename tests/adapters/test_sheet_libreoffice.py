"""A name typed as a formula stays text when a town office opens the file: the wall's
XLSX and a roster's CSV, opened by LibreOffice (headless) and saved again, hold the name
as it was typed and no formula (OWASP, CSV injection). Skipped without LibreOffice
(``bash .ci/run`` installs ``libreoffice-calc-nogui``)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from adapters.app import open_app
from adapters.boards.wall import wall_board
from adapters.boards.xlsx import write_xlsx
from adapters.roster import import_roster, read_roster, snapshot, tables, write_roster
from dangjian_core.points.queries import Standing, rank
from tests.adapters.roster_support import AT, COUNTY, example, written
from tests.adapters.test_sheet_injection import HOSTILE

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice 不可用 / no soffice: apt-get install libreoffice-calc-nogui",
)


#: LibreOffice's CSV filter options: comma, double quote, UTF-8 (76).
CSV_UTF8 = "44,34,76"


def converted(source: Path, to: str, folder: Path) -> Path:
    """``source`` opened by LibreOffice and saved as ``to`` (csv or xlsx) in ``folder``;
    CSV read and written as UTF-8 with the import's defaults otherwise."""
    assert SOFFICE is not None
    profile = folder / "profile"
    target = f"csv:Text - txt - csv (StarCalc):{CSV_UTF8}" if to == "csv" else to
    reading = [f"--infilter=CSV:{CSV_UTF8}"] if source.suffix == ".csv" else []
    subprocess.run(
        [
            SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            *reading, "--convert-to", target, "--outdir", str(folder), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / f"{source.stem}.{to}"


def test_libreoffice_reads_the_wall_xlsx_names_as_text(tmp_path: Path) -> None:
    standings = [
        Standing(f"p{n}", name, "activist", 5 - n, 1, n, {"卫生整治": 5 - n})
        for n, name in enumerate(HOSTILE)
    ]
    path = tmp_path / "wall.xlsx"
    write_xlsx(wall_board("派溪吕村党支部", "2021-10", rank(standings), date(2021, 11, 22)), path)

    out = converted(path, "csv", tmp_path / "lo")

    with out.open(encoding="utf-8", errors="replace", newline="") as handle:
        cells = {cell for row in csv.reader(handle) for cell in row}
    assert set(HOSTILE) <= cells


def test_libreoffice_opens_a_roster_csv_without_running_a_name(tmp_path: Path) -> None:
    rows = example()
    hostile = HOSTILE[: len(rows["人员"])]
    for row, name in zip(rows["人员"], hostile, strict=True):
        row[1] = name
    with open_app("memory://") as app:
        import_roster(app, read_roster(written(tmp_path / "in", rows)), actor_id=COUNTY, at=AT)
        write_roster(tmp_path / "out", tables(snapshot(app.store), AT))

    out = converted(tmp_path / "out" / "人员.csv", "xlsx", tmp_path / "lo")

    book = load_workbook(out)
    formulas = [
        c.coordinate
        for s in book.worksheets
        for r in s.iter_rows()
        for c in r
        if c.data_type == "f"
    ]
    texts = {str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r}
    assert [] == formulas
    assert all(any(name in text for text in texts) for name in hostile)
