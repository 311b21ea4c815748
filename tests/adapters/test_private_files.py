"""Files holding personal data — roster exports and inspectors' bundles — are readable by
their owner only (0600, new folders 0700), whatever the umask; an existing file written
over loses any wider permission it had."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.audit.export import export_bundle
from adapters.roster.writing import write_roster
from tests.adapters.stores import village_app


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_roster_exported_as_csv_is_private_in_a_private_folder(tmp_path: Path) -> None:
    folder = tmp_path / "导出" / "花名册"

    written = write_roster(folder, {})

    assert written
    assert {0o600} == {mode(path) for path in written}
    assert 0o700 == mode(folder)


def test_a_roster_workbook_written_over_a_readable_file_becomes_private(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(b"old")
    path.chmod(0o644)

    write_roster(path, {})

    assert 0o600 == mode(path)
    assert path.read_bytes().startswith(b"PK")  # a real workbook, not the old bytes


def test_an_inspectors_bundle_is_private(tmp_path: Path) -> None:
    app = village_app("memory://")
    out = tmp_path / "bundle.jsonl"

    export_bundle(app.store, out, datetime.now(UTC))

    assert 0o600 == mode(out)
