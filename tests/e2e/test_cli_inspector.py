"""督查命令行 — the inspector's walk-through of docs/inspector-guide.md, command by command:
a key, a posted checkpoint, a bundle, ``audit verify`` live and offline, a tampered store
failing with the first bad entry named, ``explain`` down to the chain, ``as-of`` and
``attempts``."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.envelope import checked
from tests.support import LANZHI, REVIEWER, XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["village"]


class Inspected:
    """The village with a key (its verifier text), a posted checkpoint and a bundle."""

    def __init__(self, village: Village, tmp_path: Path) -> None:
        self.village = village
        self.key = tmp_path / "paixilv-2021.pem"
        self.held = tmp_path / "checkpoint-公示.txt"
        self.bundle = tmp_path / "paixilv.bundle"
        generated = json.loads(
            village.ok(f"--json audit key generate {self.key} --name paixilv-2021")
        )
        self.pin = generated["keys"]["验证公钥 / verifier key"]
        self.held.write_text(
            village.ok(f"audit checkpoint --key {self.key} --reason 公示"), encoding="utf-8"
        )
        village.ok(f"audit bundle {self.bundle}")

    def verify(self, extra: str = "") -> object:
        """``audit verify`` with the key pinned and the checkpoint held."""
        return self.village(f"audit verify --pin {self.pin} --held {self.held} {extra}")


@pytest.fixture
def inspected(village: Village, tmp_path: Path) -> Inspected:
    """吕兰枝 earned 5 points on T1 (approved on 9 October); a checkpoint was posted."""
    village.issue("T1")
    village.ok(f"task claim T1 --as {LANZHI} --at {AT}")
    village.ok(f"task submit T1 --note 已完成 --as {LANZHI} --at {AT}")
    village.ok(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2021-10-09")
    village.ok(f"wall {BRANCH}")
    return Inspected(village, tmp_path)


def test_a_posted_checkpoint_is_a_signed_note(inspected: Inspected) -> None:
    note = inspected.held.read_text(encoding="utf-8")
    key = inspected.key.stat().st_mode & 0o777

    assert re.fullmatch(
        r"dangjian:paixilv\n\d+\n[A-Za-z0-9+/]{43}=\n\n— paixilv-2021 [A-Za-z0-9+/=]+\n", note
    )
    assert 0o600 == key


def test_an_untouched_store_and_its_bundle_verify(inspected: Inspected) -> None:
    live = inspected.verify()
    offline = inspected.verify(f"--bundle {inspected.bundle}")

    assert (0, 0) == (live.exit_code, offline.exit_code), live.stdout + offline.stdout
    assert "结论: 通过" in live.stdout
    assert "[✓] 哈希链 / hash chain" in live.stdout
    assert "[✓] 操作人职权" in live.stdout
    assert re.search(r"│ paixilv +│ 2021-10 +│ lv-lanzhi +│ +5 │", offline.stdout)


def test_a_held_note_saved_with_windows_line_ends_still_verifies(inspected: Inspected) -> None:
    inspected.held.write_bytes(inspected.held.read_bytes().replace(b"\n", b"\r\n"))

    assert 0 == inspected.verify().exit_code


def test_a_rewritten_event_fails_verification_naming_the_first_bad_entry(
    inspected: Inspected,
) -> None:
    with sqlite3.connect(inspected.village.store) as db:
        [(position,)] = db.execute(
            "SELECT rowid FROM stored_events WHERE topic = 'CompletionApproved'"
        ).fetchall()
        db.execute(
            "UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), '\"points\":5', '\"points\":50') AS BLOB) WHERE rowid = ?",
            (position,),
        )

    text = inspected.verify()
    envelope = checked(
        inspected.village(
            f"--json audit verify --pin {inspected.pin} --held {inspected.held}"
        ).stdout
    )
    document = {**envelope["data"], "ok": envelope["ok"]}

    assert 7 == text.exit_code
    assert f"第一处问题 (seq {position} / position {position})" in text.stdout
    assert (False, "bad_link", position) == (
        document["ok"],
        document["first_problem"]["code"],
        document["first_problem"]["position"],
    )
    assert {"chain", "checkpoints", "held", "views"} <= {f["check"] for f in document["findings"]}


def test_a_balance_is_explained_down_to_its_chain_entry(inspected: Inspected) -> None:
    out = inspected.village.ok(f"audit explain {LANZHI}")

    assert re.search(r"│ +\d+ │ +\d+ │ [0-9a-f]{16}… │ ✓ +│", out)
    assert "covered by the checkpoint of size" in out
    assert "合计 5 分 = 各行之和" in out


def test_a_wall_as_of_a_date_and_the_attempts_log(inspected: Inspected) -> None:
    inspected.village(f"task claim T1 --as nobody --at {AT}")  # refused: logged

    before = inspected.village.ok(f"audit as-of 2021-10-08 wall {BRANCH}")
    after = inspected.village.ok(
        f"audit as-of 2021-10-09 wall {BRANCH} --bundle {inspected.bundle}"
    )
    balance = inspected.village.ok(f"audit as-of 2021-10-09T12:00 balance {LANZHI}")
    attempts = inspected.village.ok("audit attempts")

    assert not re.search(r"吕兰枝 +│ 入党积极分子 │ +5 │", before)
    assert re.search(r"吕兰枝 +│ 入党积极分子 │ +5 │", after)
    assert "合计 5 分" in balance
    assert "nobody" in attempts
    assert "ClaimTask" in attempts


def test_bad_inputs_are_refused_in_one_line(inspected: Inspected, tmp_path: Path) -> None:
    (tmp_path / "bad.bundle").write_bytes(b'{"format":"x"}\n')
    inspected.key.chmod(0o644)

    results = {
        "key": inspected.village(f"audit checkpoint --key {inspected.key}"),
        "bundle": inspected.village(
            f"audit verify --bundle {tmp_path / 'bad.bundle'} --pin {inspected.pin}"
        ),
        "pin": inspected.village("audit verify --pin nonsense"),
        "held": inspected.village(
            f"audit verify --pin {inspected.pin} --held {tmp_path / 'bad.bundle'}"
        ),
    }

    assert dict.fromkeys(results, 2) == {name: r.exit_code for name, r in results.items()}
    assert "chmod 600" in results["key"].stderr
    assert all(1 == len(r.stderr.splitlines()) for r in results.values())


def test_the_old_commands_and_a_real_process_still_work(inspected: Inspected) -> None:
    inspected.village.ok(f"task claim T1 --as {XINGCAN} --at 2021-10-09T10:00")
    env = {**os.environ, "COLUMNS": "100", "DANGJIAN_STORE": str(inspected.village.store)}
    argv = [
        sys.executable,
        "-m",
        "adapters.cli.main",
        "audit",
        "verify",
        "--pin",
        inspected.pin,
        "--held",
        str(inspected.held),
    ]

    verified = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)

    assert 0 == verified.returncode, verified.stderr
    assert "1 event(s) lie after the last held checkpoint" in verified.stdout
    assert "一致" in inspected.village.ok("replay")
    assert "一致" in inspected.village.ok("audit replay")
    assert "每条事件均可解码" in inspected.village.ok("verify")


def test_a_rotated_key_cosigns_and_both_keys_verify_their_checkpoints(
    inspected: Inspected, tmp_path: Path
) -> None:
    new_key = tmp_path / "paixilv-2022.pem"
    rotated = json.loads(
        inspected.village.ok(
            f"--json audit key rotate {inspected.key} {new_key} --name paixilv-2022"
        )
    )
    new_pin = rotated["keys"]["新公钥 / new key"]
    inspected.village.ok(f"task claim T1 --as {XINGCAN} --at 2021-10-09T10:00")
    second = tmp_path / "checkpoint-2.txt"
    second.write_text(
        inspected.village.ok(f"audit checkpoint --key {new_key} --cosign {inspected.key}"),
        encoding="utf-8",
    )
    (tmp_path / "keys.txt").write_text(
        f"# 派溪吕村\n{inspected.pin}\n{new_pin}\n", encoding="utf-8"
    )

    both = inspected.village(
        f"audit verify --pins {tmp_path / 'keys.txt'} --held {inspected.held} --held {second}"
    )
    only_new = inspected.village(
        f"audit verify --pin {new_pin} --held {inspected.held} --held {second}"
    )

    assert 0 == both.exit_code, both.stdout
    assert 7 == only_new.exit_code  # the first checkpoint was signed by the old key alone
    assert "签名公钥未登记" in only_new.stdout


def test_explain_and_attempts_work_offline_from_the_bundle(inspected: Inspected) -> None:
    explained = inspected.village.ok(f"audit explain {LANZHI} --bundle {inspected.bundle}")
    attempts = inspected.village.ok(f"audit attempts --bundle {inspected.bundle}")

    assert "合计 5 分 = 各行之和" in explained
    assert "✓" in explained
    assert "被拒命令 0 条" in attempts
