"""花名册导入导出 — a roster becomes the domain's commands, all or nothing; an export reads
the same as what was imported, on every backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from adapters.app import open_app
from adapters.roster import RosterError, import_roster, read_roster, snapshot, tables
from adapters.roster.writing import write_roster
from dangjian_core.catalog import audit
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units.commands import FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests import support
from tests.adapters.roster_support import AT, COUNTY, as_text, example, written


def test_the_example_roster_imports_and_exports_as_the_same_rows(
    store_url: str, tmp_path: Path
) -> None:
    with open_app(store_url) as app:
        report = import_roster(
            app, read_roster(written(tmp_path, example())), actor_id=COUNTY, at=AT
        )

        assert [3, 4, 3, 2, 2] == [s.rows for s in report.sheets]
        assert 25 == report.events == app.store.max_position()
        assert as_text(example()) == as_text(tables(snapshot(app.store), AT))


def test_every_imported_event_passes_the_authority_replay(tmp_path: Path) -> None:
    with open_app("memory://") as app:
        import_roster(app, read_roster(written(tmp_path, example())), actor_id=COUNTY, at=AT)

        assert [] == audit(app.feed())
        assert ["hu-wangjie"] == [
            h.person_id for h in app.queries.holders("ps-dawa", AT) if h.role == Role.SECRETARY
        ]


def test_importing_the_same_roster_again_changes_nothing(tmp_path: Path) -> None:
    with open_app("memory://") as app:
        raw = read_roster(written(tmp_path, example(), xlsx=True))
        import_roster(app, raw, actor_id=COUNTY, at=AT)
        again = import_roster(app, raw, actor_id=COUNTY, at=AT)

        assert 0 == again.events
        assert [3, 4, 3, 2, 2] == [s.unchanged for s in again.sheets]
        assert 25 == app.store.max_position()


def test_a_bad_last_row_writes_nothing_at_all(store_url: str, tmp_path: Path) -> None:
    rows = example()
    rows["网格"][-1][8] = "nobody"  # 代表 of the last small block: not on the roll

    with open_app(store_url) as app:
        with pytest.raises(RosterError) as raised:
            import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

        assert ("网格.csv", 3, "代表") == (
            raised.value.where.file,
            raised.value.where.row,
            raised.value.where.column,
        )
        assert 0 == app.store.max_position()
        assert [] == app.queries.tree(AT)


def test_a_bad_row_leaves_an_existing_store_as_it_was(store_url: str, tmp_path: Path) -> None:
    rows = {"人员": [["p1", "吕新", "paixilv", "群众", "2020-01-01", "", "", "", ""]]}
    rows["人员"].append(["p2", "吕旧", "no-such-unit", "群众", "2020-01-01", "", "", "", ""])
    with open_app(store_url) as app:
        for command in support.setup_commands():
            app.handle(command)
        before = app.store.max_position()

        raw = read_roster(written(tmp_path, rows))
        with pytest.raises(RosterError) as raised:
            import_roster(app, raw, actor_id=support.TOWN, at=support.T0)

        assert "unknown" == raised.value.code
        assert "人员.csv 第 3 行「所在组织编号」" in raised.value.zh
        assert before == app.store.max_position()


#: (sheet, row index in the example, column index, bad value) → (row, column, code)
CASES = {
    "unknown parent": (("单位", 1, 3, "nowhere"), (3, "上级组织编号", "unknown")),
    "kind below its parent": (("单位", 2, 3, "pingshan"), (4, "类别", "unit")),
    "unknown kind": (("单位", 0, 2, "村委会"), (2, "类别", "invalid")),
    "bad month": (("单位", 0, 5, "13"), (2, "积分周期起始月", "invalid")),
    "duplicate person": (("人员", 1, 0, "cheng-jun"), (4, "人员编号", "invalid")),
    "bad date": (("人员", 0, 4, "2017-02-30"), (2, "起始日期", "invalid")),
    "future status": (("人员", 0, 4, "2019-01-01"), (2, "起始日期", "invalid")),
    "roll of a party group": (("人员", 1, 2, "ps-dawa-sishan"), (3, "所在组织编号", "unit")),
    "bad ID number": (("人员", 0, 8, "110101199001011234"), (2, "身份证号码", "invalid")),
    "unknown role": (("职务", 0, 2, "村长"), (2, "职务", "invalid")),
    "role the kind lacks": (("职务", 1, 2, "党小组长"), (3, "职务", "unit")),
    "holder off the roll": (("职务", 2, 1, "wang-jinsheng"), (4, "人员编号", "unknown")),
    "before founding": (("职务", 0, 3, "2016-12-31"), (2, "任职日期", "unit")),
    "post on a large block": (("网格", 0, 5, "hu-wangjie"), (2, "班子成员", "grid")),
    "small block outside": (("网格", 1, 4, "nowhere"), (3, "上级网格编号", "grid")),
}


def test_two_rows_with_one_id_number_are_refused_at_the_second(tmp_path: Path) -> None:
    rows = example()
    rows["人员"][0][8] = "11010519491231002X"
    rows["人员"][2][8] = "11010519491231002X"

    with open_app("memory://") as app:
        with pytest.raises(RosterError) as raised:
            import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

        assert ("人员.csv", 4, "身份证号码", "duplicate_id_number") == (
            raised.value.where.file,
            raised.value.where.row,
            raised.value.where.column,
            raised.value.code,
        )
        assert "wang-jinsheng" in raised.value.zh
        assert 0 == app.store.max_position()


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_bad_cell_is_named_by_file_row_and_column(
    case: tuple[tuple[str, int, int, str], tuple[int, str, str]], tmp_path: Path
) -> None:
    (sheet, index, column, value), (row, header, code) = case
    rows = example()
    rows[sheet][index][column] = value

    with open_app("memory://") as app:
        with pytest.raises(RosterError) as raised:
            import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

        assert (f"{sheet}.csv", row, header, code) == (
            raised.value.where.file,
            raised.value.where.row,
            raised.value.where.column,
            raised.value.code,
        )
        assert raised.value.zh.startswith(f"{sheet}.csv 第 {row} 行「{header}」: ")
        assert raised.value.en.startswith(f"{sheet}.csv row {row}, column {header}: ")
        assert 0 == app.store.max_position()


def test_an_xlsx_problem_names_the_workbook_and_sheet(tmp_path: Path) -> None:
    rows = example()
    rows["人员"][3][4] = "昨天"

    raw = read_roster(written(tmp_path, rows, xlsx=True))
    with open_app("memory://") as app, pytest.raises(RosterError) as raised:
        import_roster(app, raw, actor_id=COUNTY, at=AT)

    assert "roster.xlsx[人员] 第 5 行「起始日期」" in raised.value.zh


def test_an_unknown_column_is_refused_at_the_header(tmp_path: Path) -> None:
    folder = tmp_path / "roster"
    write_roster(folder, example())
    text = (folder / "职务.csv").read_text(encoding="utf-8-sig")
    (folder / "职务.csv").write_text(text.replace("任职日期", "任期"), encoding="utf-8-sig")

    with pytest.raises(RosterError) as raised:
        read_roster([folder])

    assert ("职务.csv", 1, "任期") == (
        raised.value.where.file,
        raised.value.where.row,
        raised.value.where.column,
    )


def test_a_missing_required_cell_is_named(tmp_path: Path) -> None:
    rows = example()
    rows["人员"][2][1] = ""

    with open_app("memory://") as app, pytest.raises(RosterError) as raised:
        import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

    assert "人员.csv 第 4 行「姓名」: 必填项为空" in raised.value.zh


def test_the_actor_needs_the_authority_the_commands_need(tmp_path: Path) -> None:
    people = [["p1", "吕新", "paixilv", "群众", "2020-01-01", "", "", "", ""]]
    with open_app("memory://") as app:
        for command in support.setup_commands():
            app.handle(command)
        raw = read_roster(written(tmp_path, {"人员": people}))

        with pytest.raises(RosterError) as raised:
            import_roster(app, raw, actor_id=support.LANZHI, at=support.T0)
        report = import_roster(app, raw, actor_id=support.SECRETARY, at=support.T0)

        assert ("unauthorized", "所在组织编号") == (raised.value.code, raised.value.where.column)
        assert 1 == report.events


def test_units_are_founded_parents_first_whatever_the_row_order(tmp_path: Path) -> None:
    rows = example()
    rows["单位"].reverse()

    with open_app("memory://") as app:
        import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

        assert ["pingshan", "ps-dawa", "ps-dawa-sishan"] == [
            n.unit_id for n in app.queries.tree(AT)
        ]


def test_a_parent_cycle_is_refused(tmp_path: Path) -> None:
    rows = example()
    rows["单位"][0][3] = "ps-dawa-sishan"

    with pytest.raises(RosterError) as raised:
        import_roster(
            open_app("memory://"), read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT
        )

    assert "上级组织编号" == raised.value.where.column


def test_a_writer_getting_in_first_leaves_only_its_own_event(
    store_url: str, tmp_path: Path
) -> None:
    raw = read_roster(written(tmp_path, example()))
    with open_app(store_url) as app:
        rival = FoundUnit(
            BranchId("pingshan"), UnitKind.BRANCH, "另一个平山", None, 1, "someone-else", AT
        )

        @contextmanager
        def stages(label: str, _total: int) -> Iterator[Callable[[int], None]]:
            if label.startswith("写入") and app.store.max_position() == 0:
                app.handle(rival)  # between deciding the roster and writing it
            yield lambda _count: None

        with pytest.raises(RosterError) as raised:
            import_roster(app, raw, actor_id=COUNTY, at=AT, stages=stages)

        assert ("单位.csv", 2, "组织编号") == (
            raised.value.where.file,
            raised.value.where.row,
            raised.value.where.column,
        )
        assert 1 == app.store.max_position()
        assert ["另一个平山"] == [n.name for n in app.queries.tree(AT)]
