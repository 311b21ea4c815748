"""类型完整的库 — a service that imports dangjian and checks itself with ``mypy --strict``
sees the library's own types (both packages carry a ``py.typed`` marker), not ``Any``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

DOWNSTREAM = """\
from datetime import UTC, datetime

from adapters.app import open_app, to_json
from dangjian_core.kernel.ids import PersonId, TaskId
from dangjian_core.tasks.commands import ClaimTask

claim = ClaimTask(TaskId("T1"), PersonId("lv-lanzhi"), datetime.now(UTC))
reveal_type(claim.task_id)
reveal_type(open_app)
wrong = ClaimTask(TaskId("T1"), 42, datetime.now(UTC))
app = open_app("memory://")
app.handle("claim T1")
reveal_type(to_json)
"""


def test_a_downstream_service_type_checks_against_the_librarys_own_types(tmp_path: Path) -> None:
    (tmp_path / "service.py").write_text(DOWNSTREAM, encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "service.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )

    assert "py.typed" not in done.stdout, done.stdout
    assert 'Revealed type is "dangjian_core.kernel.ids.TaskId"' in done.stdout
    assert "adapters.app.application.Dangjian" in done.stdout  # open_app's return type
    assert 'Argument 2 to "ClaimTask" has incompatible type "int"' in done.stdout
    assert 'Argument 1 to "handle" of "Dangjian" has incompatible type "str"' in done.stdout
    assert "def (recorded: dangjian_core.kernel.recorded.Recorded[Any]" in done.stdout
