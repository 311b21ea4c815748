"""证明文件 — ``audit prove``, ``audit consistency`` and ``audit check-proof`` as a villager
and an inspector run them: proofs verify offline and a changed byte makes them fail."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_inspector import Inspected, inspected
from tests.e2e.test_cli_story import AT, village
from tests.support import LANZHI, XINGCAN

pytestmark = pytest.mark.e2e
__all__ = ["inspected", "village"]


def _flip_first_hash(text: str, key: str) -> str:
    document = json.loads(text)
    target = document["entries"][0] if key == "entries" else document
    raw = bytearray(base64.b64decode(target["proof"][0]))
    raw[0] ^= 1
    target["proof"][0] = base64.b64encode(bytes(raw)).decode()
    return json.dumps(document)


def test_an_inclusion_proof_file_checks_offline_and_fails_once_altered(
    inspected: Inspected, tmp_path: Path
) -> None:
    village = inspected.village
    proof = tmp_path / "proof.json"
    proof.write_text(village.ok("audit prove --position 2 --position 5"), encoding="utf-8")

    checked = village(f"audit check-proof {proof} --pin {inspected.pin}")
    proof.write_text(_flip_first_hash(proof.read_text(encoding="utf-8"), "entries"))
    altered = village(f"audit check-proof {proof} --pin {inspected.pin}")

    assert checked.exit_code == 0, checked.stderr
    assert "第 2 条 (事件 2) 在检查点之内" in checked.stdout
    assert altered.exit_code == 7
    assert "证明不成立" in altered.stdout


def test_a_consistency_proof_links_two_posted_checkpoints(
    inspected: Inspected, tmp_path: Path
) -> None:
    village = inspected.village
    village.issue("T9")
    village.ok(f"task claim T9 --as {XINGCAN} --at {AT}")
    second = tmp_path / "checkpoint-2.txt"
    second.write_text(village.ok(f"audit checkpoint --key {inspected.key}"), encoding="utf-8")
    proof = tmp_path / "consistency.json"
    proof.write_text(village.ok(f"audit consistency {inspected.held} {second}"), encoding="utf-8")

    checked = village(f"--json audit check-proof {proof} --pin {inspected.pin}")
    proof.write_text(_flip_first_hash(proof.read_text(encoding="utf-8"), "proof"))
    altered = village(f"audit check-proof {proof} --pin {inspected.pin}")

    assert json.loads(checked.stdout)["ok"] is True
    assert altered.exit_code == 7


def test_a_persons_ledger_lines_are_proved_together(inspected: Inspected, tmp_path: Path) -> None:
    village = inspected.village
    proof = tmp_path / "lanzhi.json"
    proof.write_text(village.ok(f"audit prove --person {LANZHI} --cycle 2021-10"), "utf-8")

    checked = village(f"--json audit check-proof {proof} --pin {inspected.pin}")

    assert json.loads(checked.stdout)["ok"] is True
    assert len(json.loads(proof.read_text(encoding="utf-8"))["entries"]) >= 1


def test_a_proof_for_a_missing_event_is_refused(inspected: Inspected) -> None:
    refused = inspected.village("audit prove --position 99999")

    assert refused.exit_code == 2
    assert "没有事件 99999" in refused.stderr
