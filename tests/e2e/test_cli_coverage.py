"""命令行: 红色全覆盖 — ``coverage …`` on a SQLite file: 城西新区 lists its above-scale
enterprises, 永康多德士工贸 founds its branch on 9 July, and the coverage ratio moves
(seed 004)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

AT = "--at 2021-07-01T09:00"


@pytest.fixture
def zone(tmp_path: Path) -> Village:
    """城西新区党委 with its secretary, and four enterprises on its register (two covered)."""
    v = Village(tmp_path / "chengxi.db")
    v.ok(f"branch found cx --name 城西新区党委 --as yongkang {AT}")
    v.ok(
        f"person register ye --branch cx --name 叶建永 --status full --since 1999-07-01 --as yongkang {AT}"
    )
    v.ok(f"branch appoint cx ye --role secretary --as yongkang {AT}")
    names = {
        "xinduo": "新多集团",
        "duodeshi": "永康多德士工贸",
        "wujin": "永康五金",
        "jidian": "城西机电",
    }
    for eid, name in names.items():
        v.ok(f"coverage enterprise cx {eid} --name {name} --since 2021-01-01 --as ye {AT}")
    for eid in ("xinduo", "wujin"):
        v.ok(f"coverage founded cx {eid} --on 2021-03-01 --as ye {AT}")
    return v


def test_a_founding_on_the_ninth_raises_the_ratio_from_that_day(zone: Village) -> None:
    # When 多德士工贸 founds its own branch on 9 July
    out = zone.ok(
        "coverage founded cx duodeshi --on 2021-07-09 --form 单独组建 --as ye --at 2021-07-09T18:00"
    )
    assert "已于 2021-07-09 建立党组织: 单独组建" in out

    # Then the coverage on 8 July is 2 of 4, on 9 July 3 of 4, 城西机电 still uncovered
    document = json.loads(zone.ok("--json coverage show cx --on 2021-07-09 --also 2021-07-08"))
    assert [(4, 2), (4, 3)] == [(c["listed"], c["covered"]) for c in document["series"]]
    text = zone.ok("coverage show cx --on 2021-07-09")
    assert "规上企业 4 家, 已建立党组织 3 家, 覆盖率 75.0%" in text
    assert "城西机电" in text


def test_a_member_may_not_keep_the_register(zone: Village) -> None:
    zone.ok(
        f"person register chen --branch cx --name 陈天云 --status full --since 2000-07-01 --as yongkang {AT}"
    )

    refused = zone(f"coverage enterprise cx new1 --name 新企业 --since 2021-01-01 --as chen {AT}")

    assert 0 != refused.exit_code
    assert "chen" in refused.output
