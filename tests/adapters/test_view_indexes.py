"""Every query a module of ``src`` puts to a read model is answered by an index: each
``select("table", {...})`` / ``rows(TABLE, {...})`` whose filter columns are written out
is found in the source, and SQLite's plan for it searches an index instead of scanning
the table (views are declared tables, so their indexes are part of the declaration)."""

from __future__ import annotations

import ast
import importlib
import sqlite3
from pathlib import Path

import pytest

from adapters.storage.sql_views import create_statements, table_name
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.kernel.readmodel import Table

SRC = Path(__file__).resolve().parents[2] / "src"
TABLES = {table.name: table for table in ALL_TABLES}

#: Filters built in a variable, read by hand from the modules that put them.
DYNAMIC = {
    ("star_criteria", ("year", "subject_id")),  # views/commitments.py: star_criteria()
    ("ledger", ("person_id", "cycle")),  # views/points.py: explain()
    ("balances", ("person_id", "cycle", "branch_id")),  # views/points.py: explain()
    ("claims", ("task_id", "status")),  # web/pending.py
    ("evaluations", ("unit_id", "cycle")),  # views/evaluation.py: state_of()
    ("eval_deductions", ("unit_id", "cycle")),
    ("dev_ranking", ("unit_id", "cycle", "proposal")),  # views/development.py
    ("work_share_revisions", ("item_id", "unit_id")),  # views/work.py
    ("visits", ("block_id", "household_id", "person_id")),  # views/grids.py
    ("roles", ("person_id",)),  # views/units.py: holdings()
    ("roles", ("branch_id",)),
}


def _table_of(node: ast.expr, module: str) -> str | None:
    """The read model a call's first argument names: a string, or a module's Table."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if node.value in TABLES else None
    if isinstance(node, ast.Name):
        found = getattr(importlib.import_module(module), node.id, None)
        return found.name if isinstance(found, Table) else None
    return None


def _filters_in_source() -> set[tuple[str, tuple[str, ...]]]:
    """Every (table, filter columns) written out in a ``select`` or ``rows`` call."""
    found: set[tuple[str, tuple[str, ...]]] = set()
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("select", "rows")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Dict)
            ):
                continue
            keys = node.args[1].keys
            if not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in keys):
                continue
            table = _table_of(node.args[0], module)
            columns = tuple(str(k.value) for k in keys if isinstance(k, ast.Constant))
            if table is not None and columns:
                found.add((table, columns))
    return found


FILTERS = sorted(_filters_in_source() | DYNAMIC)


def test_the_source_scan_finds_the_queries_it_is_meant_to() -> None:
    # given the modules of src, when their written-out filters are gathered
    # then the well-known ones are among them (the scan is not silently empty)
    assert {("people", ("branch_id",)), ("tasks", ("branch_id",))} <= set(FILTERS)
    assert len(FILTERS) > 40


@pytest.fixture(scope="module")
def views() -> sqlite3.Connection:
    """Every view table, declared as the store declares it, in an empty SQLite database."""
    connection = sqlite3.connect(":memory:")
    for statement in create_statements():
        connection.execute(statement)
    return connection


@pytest.mark.parametrize(("table", "columns"), FILTERS, ids=lambda v: str(v))
def test_every_filtered_query_searches_an_index(
    views: sqlite3.Connection, table: str, columns: tuple[str, ...]
) -> None:
    # given a query on a view filtering these columns
    where = " AND ".join(f"{name} = ?" for name in columns)
    sql = f"SELECT * FROM {table_name(table)} WHERE {where}"

    # when SQLite plans it
    plan = [row[3] for row in views.execute(f"EXPLAIN QUERY PLAN {sql}", [None] * len(columns))]

    # then it searches an index (the primary key or a declared one), never scans the table
    assert any(step.startswith("SEARCH") for step in plan), plan
    assert not any(step.startswith("SCAN") for step in plan), plan
