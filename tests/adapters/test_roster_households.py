"""花名册的农户表 — households, links and pairs in bulk (seed 003: 平山镇's 327 members
paired with 771 households): one import, decided row by row, written in one transaction;
a bad row writes nothing and names its cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from adapters.app import open_app
from adapters.roster import RosterError, import_roster, read_roster, snapshot, tables
from dangjian_core.catalog import audit
from tests.adapters.roster_support import AT, COUNTY, as_text, example, written

MEMBERS, HOUSEHOLDS = 327, 771


def pingshan() -> dict[str, list[list[Any]]]:
    """The example roster with 327 more members of 大洼社区 and 771 low-income households of
    司山村民组, each linked to one member and paired with another."""
    rows = example()
    rows["人员"] += [
        [f"m{n:03d}", f"党员{n:03d}", "ps-dawa", "正式党员", "2010-07-01", "", "", "", ""]
        for n in range(MEMBERS)
    ]
    rows["农户"] = [
        [
            "ps-dawa-g-sishan",
            f"h{n:03d}",
            f"户主{n:03d}",
            "是",
            f"m{n % MEMBERS:03d}",
            f"m{(n + 1) % MEMBERS:03d}",
        ]
        for n in range(HOUSEHOLDS)
    ]
    return rows


def test_771_households_with_links_and_pairs_are_one_import_in_one_transaction(
    tmp_path: Path,
) -> None:
    # Given the roster of 771 households; when it is imported
    with open_app("memory://") as app:
        batches: list[int] = []
        append = app.store.append_batch

        def counted(rows: Any) -> Any:
            batches.append(len(rows))
            return append(rows)

        app.store.append_batch = counted  # type: ignore[method-assign]
        report = import_roster(
            app, read_roster(written(tmp_path, pingshan())), actor_id=COUNTY, at=AT
        )

        # Then every household, link and pair is written, in one batch
        assert HOUSEHOLDS == report.sheets[-1].rows
        assert [report.events] == batches
        views = app.queries.stale_pairs("ps-dawa", "2018-01-01", "2018-01-02")
        assert HOUSEHOLDS == len(views)
        assert [] == audit(app.feed())


def test_the_households_export_as_they_were_imported(store_url: str, tmp_path: Path) -> None:
    with open_app(store_url) as app:
        import_roster(app, read_roster(written(tmp_path, example())), actor_id=COUNTY, at=AT)

        assert as_text(example())["农户"] == as_text(tables(snapshot(app.store), AT))["农户"]


def test_a_pair_with_a_household_not_low_income_names_its_cell_and_writes_nothing(
    tmp_path: Path,
) -> None:
    rows = example()
    rows["农户"][1][5] = "hu-wangjie"  # 胡大妈 is not a low-income household

    with open_app("memory://") as app, pytest.raises(RosterError) as refused:
        import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

    assert "农户.csv 第 3 行「结对帮扶人」" in refused.value.zh
    assert 0 == app.store.max_position()


def test_an_id_listed_twice_in_a_cell_is_refused_before_anything_is_decided(
    tmp_path: Path,
) -> None:
    rows = example()
    rows["农户"][1][4] = "cheng-jun、cheng-jun"

    with open_app("memory://") as app, pytest.raises(RosterError) as refused:
        import_roster(app, read_roster(written(tmp_path, rows)), actor_id=COUNTY, at=AT)

    assert "「联户党员」" in refused.value.zh
