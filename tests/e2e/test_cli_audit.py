"""命令行核查 — replay and verify catch tampered views and corrupt events; a real process runs."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest

from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.envelope import data_of
from tests.support import LANZHI, REVIEWER

pytestmark = pytest.mark.e2e
__all__ = ["village"]


@pytest.fixture
def scored(village: Village) -> Village:
    """吕兰枝 earned 5 points on T1."""
    village.issue("T1")
    village.ok(f"task claim T1 --as {LANZHI} --at {AT}")
    village.ok(f"task submit T1 --note 已完成 --as {LANZHI} --at {AT}")
    village.ok(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2021-10-09")
    village.ok(f"wall {BRANCH}")  # catches the views up, so tampering finds rows to change
    return village


def _execute(village: Village, sql: str) -> None:
    with sqlite3.connect(village.store) as db:
        db.execute(sql)


def test_replay_and_verify_pass_on_an_untouched_store(scored: Village) -> None:
    assert "一致" in scored.ok("replay")
    assert "每条事件均可解码" in scored.ok("verify")


def test_replay_exits_1_and_names_the_row_after_a_view_is_tampered(scored: Village) -> None:
    _execute(scored, "UPDATE view_balances SET total = total + 10")

    replay = scored("replay")
    verify = scored("--json verify")

    assert replay.exit_code == 1
    assert "balances" in replay.stdout
    assert "15 → 应为 5" in replay.stdout
    assert verify.exit_code == 1
    assert data_of(verify.stdout)["replay"]["differences"][0]["table"] == "balances"


def test_a_balance_that_disagrees_with_its_lines_says_so(scored: Village) -> None:
    _execute(scored, "UPDATE view_balances SET total = 99")

    result = scored(f"balance {LANZHI}")

    assert result.exit_code == 1
    assert "≠ 各行之和 5" in result.stdout


def test_verify_reports_a_corrupt_event_and_replay_refuses_in_one_line(scored: Village) -> None:
    last = scored.events()
    _execute(
        scored, f"UPDATE stored_events SET state = CAST('{{\"v\":1}}' AS BLOB) WHERE rowid = {last}"
    )

    verify = scored("verify")
    replay = scored("replay")

    assert verify.exit_code == 6
    assert re.search(rf"│ +{last} │ task-T1 ", verify.stdout)
    assert replay.exit_code == 6
    assert replay.stderr.startswith("错误: ")
    assert len(replay.stderr.splitlines()) == 1


def test_verify_notices_an_event_deleted_from_the_middle_of_a_stream(scored: Village) -> None:
    with sqlite3.connect(scored.store) as db:
        [(position,)] = db.execute(
            "SELECT rowid FROM stored_events WHERE originator_id = 'task-T1' "
            "AND originator_version = 2"
        ).fetchall()
        db.execute(f"DELETE FROM stored_events WHERE rowid = {position}")

    verify = scored("--json verify")

    assert verify.exit_code == 6
    [problem] = data_of(verify.stdout)["problems"]
    assert (problem["kind"], problem["stream_id"], problem["version"]) == ("gap", "task-T1", 3)


def test_the_installed_command_runs_as_a_real_process(scored: Village) -> None:
    env = {**os.environ, "COLUMNS": "80", "DANGJIAN_STORE": str(scored.store)}

    def dangjian(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "adapters.cli.main", *args]
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)

    wall = dangjian("wall", BRANCH)
    refused = dangjian("task", "claim", "T1", "--as", "nobody", "--at", AT)
    replay = dangjian("--json", "replay")

    assert (wall.returncode, refused.returncode, replay.returncode) == (0, 5, 0)
    assert "吕兰枝" in wall.stdout
    assert refused.stderr.startswith("错误: ")
    assert "Traceback" not in refused.stderr
    assert json.loads(replay.stdout)["ok"] is True
