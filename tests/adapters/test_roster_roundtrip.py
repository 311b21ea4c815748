"""花名册往返 — import → export → import into a fresh store → export gives equal files;
a corrupted cell anywhere names its row and column and writes nothing."""

from __future__ import annotations

import random
from pathlib import Path

from examples.pingshan_structure import SEED, roster
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.app import open_app
from adapters.roster import RosterError, import_roster, read_roster, snapshot, tables, write_roster
from adapters.roster.columns import SHEETS
from tests.adapters.roster_support import AT, COUNTY, example, workbook_cells, written

LATER = AT.replace(year=2019)


def export_of(url: str, source: list[Path], target: Path, actor: str = COUNTY) -> Path:
    """Import ``source`` into the store at ``url`` and export it to ``target``."""
    with open_app(url) as app:
        import_roster(app, read_roster(source), actor_id=actor, at=AT)
        write_roster(target, tables(snapshot(app.store), LATER))
    return target


def test_a_csv_round_trip_gives_byte_equal_files(tmp_path: Path) -> None:
    first = export_of("memory://", written(tmp_path, example()), tmp_path / "first")
    second = export_of(f"sqlite:///{tmp_path / 'b.db'}", [first], tmp_path / "second")

    for sheet in SHEETS:
        assert (first / sheet.file_name).read_bytes() == (second / sheet.file_name).read_bytes()


def test_an_xlsx_round_trip_gives_equal_workbooks(tmp_path: Path) -> None:
    source = written(tmp_path, example(), xlsx=True)
    first = export_of("memory://", source, tmp_path / "first.xlsx")
    second = export_of("memory://", [first], tmp_path / "second.xlsx")

    assert workbook_cells(first) == workbook_cells(second)
    assert workbook_cells(source[0]) == workbook_cells(first)


def test_the_pingshan_roster_round_trips(tmp_path: Path) -> None:
    rows = roster(random.Random(SEED))
    first = export_of("memory://", written(tmp_path, rows), tmp_path / "first")
    second = export_of("memory://", [first], tmp_path / "second")

    for sheet in SHEETS:
        assert (first / sheet.file_name).read_bytes() == (second / sheet.file_name).read_bytes()
    assert [91, 1462, 92, 64, 0] == [
        len((first / s.file_name).read_text(encoding="utf-8-sig").splitlines()) - 1 for s in SHEETS
    ]


#: Cells of the 人员 sheet a typo can break, and a value each cannot take.
CORRUPTIONS = {
    0: "编号 有空格",
    2: "no-such-unit",
    3: "党员?",
    4: "2017-13-01",
    5: "未知",
    6: "18",
    8: "12345",
}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    count=st.integers(min_value=1, max_value=30),
    data=st.data(),
)
def test_a_corrupted_cell_names_its_row_and_column_and_writes_nothing(
    tmp_path_factory: object, count: int, data: st.DataObject
) -> None:
    rows = example()
    people = [
        [f"p{i}", f"党员{i}", "ps-dawa", "正式党员", "2010-07-01", "女", 1980, "", ""]
        for i in range(count)
    ]
    rows["人员"] += people
    index = data.draw(st.integers(min_value=0, max_value=len(rows["人员"]) - 1), label="row")
    column = data.draw(st.sampled_from(sorted(CORRUPTIONS)), label="column")
    rows["人员"][index][column] = CORRUPTIONS[column]
    folder = Path(str(tmp_path_factory.mktemp("roster")))  # type: ignore[attr-defined]

    with open_app("memory://") as app:
        try:
            import_roster(app, read_roster(written(folder, rows)), actor_id=COUNTY, at=AT)
        except RosterError as error:
            where = (error.where.file, error.where.row, error.where.column)
        else:
            raise AssertionError("the corrupted roster was imported")

        header = SHEETS[1].headers[column]
        assert ("人员.csv", index + 2, header) == where
        assert 0 == app.store.max_position()
