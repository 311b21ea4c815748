"""命令行输出 — JSON for machines; tables that stay aligned in narrow terminals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from adapters.cli.envelope import SCHEMA_PATH
from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.envelope import checked
from tests.support import LANZHI, REVIEWER, XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["village"]

VIEWS = [f"wall {BRANCH}", f"balance {LANZHI}", "trail task:T1", "task show T1",
         f"task list --branch {BRANCH}", f"branch show {BRANCH}"]  # fmt: skip


@pytest.fixture
def scored(village: Village) -> Village:
    """吕兰枝 and 吕星灿 both approved on T1 (5 points, a reduced 3 with a reason)."""
    village.issue("T1")
    for person in (LANZHI, XINGCAN):
        village.ok(f"task claim T1 --as {person} --at {AT}")
        village.ok(f"task submit T1 --note 打扫了村口和祠堂前的空地 --as {person} --at {AT}")
    village.ok(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2021-10-09")
    village.ok(
        f"task approve T1 {XINGCAN} --points 3 --reason 照片不全 --as {REVIEWER} --at 2021-10-09"
    )
    return village


def test_a_recorded_command_prints_one_json_document(scored: Village) -> None:
    out = scored.ok(f"--json task issue --id T2 --branch {BRANCH} --title 巡查 --category 巡查 "
                    f"--points 2 --slots 1 --deadline 2021-11-01 --audience members "
                    f"--as lv-zw --at {AT} --command-id c-7")  # fmt: skip

    document = json.loads(out)

    assert (document["changed"], document["command_id"]) == (True, "c-7")
    assert document["at"] == "2021-10-08T09:00:00+08:00"
    assert [e["type"] for e in document["events"]] == ["TaskIssued"]
    assert document["events"][0]["data"]["slots"] == 1


@pytest.mark.parametrize("line", VIEWS)
def test_every_view_prints_one_json_document(scored: Village, line: str) -> None:
    assert json.loads(scored.ok(f"--json {line}"))


def test_the_json_wall_ranks_and_explains_ties(scored: Village) -> None:
    scored.ok(
        f"points adjust {XINGCAN} --branch {BRANCH} --delta 2 --reason 帮扶 --as wang-sj --at {AT}"
    )

    wall = json.loads(scored.ok(f"--json wall {BRANCH} --status activist"))

    ranked = [
        (e["rank"], e["standing"]["person_id"], e["standing"]["total"]) for e in wall["entries"]
    ]
    assert ranked == [(1, LANZHI, 5), (2, XINGCAN, 5)]
    assert wall["entries"][1]["separated_by"].startswith("先达到该分数者在前")
    assert wall["tie_rules"][0]["key"] == "total"


def test_a_refusal_with_json_is_a_json_error_with_its_code(scored: Village) -> None:
    result = scored(f"--json task claim T1 --as lv-baoyou --at {AT}")

    assert result.exit_code == 5
    assert json.loads(result.stdout)["error"]["code"] == "not_eligible"
    assert result.stderr == ""


@pytest.mark.parametrize("columns", ["80", "40"])
@pytest.mark.parametrize("line", VIEWS)
def test_chinese_tables_stay_aligned_in_a_narrow_terminal(
    scored: Village, line: str, columns: str
) -> None:
    result = scored(line, env={"COLUMNS": columns})

    assert result.exit_code == 0
    tables = _tables(result.stdout)
    assert tables
    for rows in tables:
        assert len({cell_len(row) for row in rows}) == 1, "\n".join(rows)
        assert cell_len(rows[0]) <= int(columns)
        assert (rows[0][-1], rows[-1][-1]) == ("┓", "┘"), "the table was cropped"


def _tables(output: str) -> list[list[str]]:
    """The lines of each box-drawn table in the output, table by table."""
    tables: list[list[str]] = []
    for row in output.splitlines():
        if row.startswith("┏"):
            tables.append([])
        if tables and row[:1] in "┏┃┡│├└":
            tables[-1].append(row)
    return tables


def test_the_published_schema_is_the_one_in_the_docs_and_names_a_unit_unit_id(
    scored: Village,
) -> None:
    shipped = SCHEMA_PATH.read_text(encoding="utf-8")
    published = (Path(__file__).parents[2] / "docs" / "cli-output.schema.json").read_text(
        encoding="utf-8"
    )
    wall = checked(scored(f"--json wall {BRANCH}").stdout)

    assert shipped == published
    assert (True, 1, BRANCH) == (wall["ok"], wall["schema_version"], wall["data"]["unit_id"])
    assert "branch_id" not in json.dumps(wall)


def test_an_output_outside_the_envelope_fails_the_schema() -> None:
    with pytest.raises(AssertionError, match="not in the published envelope"):
        checked(json.dumps({"ok": True, "schema_version": 1, "data": {"branch_id": "x"}}))
    with pytest.raises(AssertionError, match="not in the published envelope"):
        checked(json.dumps({"ok": True, "data": {}}))
