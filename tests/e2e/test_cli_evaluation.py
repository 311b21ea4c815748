"""命令行: 考评 — ``eval …`` on a SQLite file: the 派溪吕村 scheme caps the tasks at 70,
the town sets the quota, deductions and vetoes count, snapshots answer "what did the wall
say", and the close is refused while reviews are open, then freezes the standings and
cuts a checkpoint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import BRANCH, ISSUE, Village, village  # noqa: F401
from tests.support import LANZHI, REVIEWER, SECRETARY, TOWN, XINGCAN

pytestmark = pytest.mark.e2e

SCHEME = Path(__file__).resolve().parents[2] / "examples" / "schemes" / "paixilv.toml"
EVAL = f"eval {{}} {BRANCH} --cycle 2021-10"


def done(v: Village, task: str, person: str, points: int, day: int) -> None:
    """``person`` claims, submits and is approved for a task worth ``points``."""
    v.ok(f"{ISSUE} --id {task} --slots 3 --points {points} --at 2021-10-{day:02d}T08:00")
    v.ok(f"task claim {task} --as {person} --at 2021-10-{day:02d}T09:00")
    v.ok(f"task submit {task} --note 已完成 --as {person} --at 2021-10-{day:02d}T10:00")
    v.ok(f"task approve {task} {person} --as {REVIEWER} --at 2021-10-{day:02d}T11:00")


@pytest.fixture
def scored(village: Village) -> Village:  # noqa: F811
    """The secretary adopted the scheme; 吕兰枝 earned 50 + 30 task points, 吕星灿 40."""
    village.ok(f"{EVAL.format('adopt-scheme')} {SCHEME} --as {SECRETARY} --at 2021-10-08")
    done(village, "T1", LANZHI, 50, 9)
    done(village, "T2", LANZHI, 30, 10)
    done(village, "T3", XINGCAN, 40, 11)
    return village


def test_the_balance_shows_what_the_scheme_counts_and_the_capped_line(scored: Village) -> None:
    shown = scored.ok(f"balance {LANZHI}")

    assert "合计 80 分 = 各行之和" in shown  # what the reviewers awarded, line by line
    assert "按积分细则计入 90 分" in shown  # base 20 + tasks capped at 70
    assert "计入 20 分: 超出上限 70 分" in shown  # the second task crossed the cap


def test_the_wall_and_the_standings_count_the_scheme_caps(scored: Village) -> None:
    wall = json.loads(scored.ok(f"--json wall {BRANCH}"))
    standings = json.loads(scored.ok(f"--json {EVAL.format('standings')}"))

    by_person = {e["standing"]["person_id"]: e["standing"] for e in wall["entries"]}
    assert 1 == wall["scheme_version"]
    assert 90 == by_person[LANZHI]["total"]  # base 20 + tasks capped at 70
    assert 60 == by_person[XINGCAN]["total"]
    rows = standings["standings"]["rows"]
    earners = [(r["person_id"], r["total"]) for r in rows if r["person_id"] in (LANZHI, XINGCAN)]
    assert [(LANZHI, 90), (XINGCAN, 60)] == earners
    # everyone else on the roll has a standing too: the base 20, nothing earned
    assert {20} == {r["total"] for r in rows if r["person_id"] not in (LANZHI, XINGCAN)}


def test_the_explanation_shows_the_capped_line(scored: Village) -> None:
    out = scored.ok(f"{EVAL.format('explain')} {LANZHI}")

    assert "超出上限 70 分，计入 20 分" in out


def test_only_the_upper_unit_sets_the_quota(scored: Village) -> None:
    refused = scored(f"{EVAL.format('set-quota')} --quota 2 --as {SECRETARY} --at 2021-11-01")

    assert refused.exit_code != 0
    assert "无权下达发展名额" in refused.output
    scored.ok(f"{EVAL.format('set-quota')} --quota 2 --as {TOWN} --at 2021-11-01")
    standings = json.loads(scored.ok(f"--json {EVAL.format('standings')}"))
    assert 2 == standings["quota"]


def test_a_once_a_year_deduction_is_refused_the_second_time(scored: Village) -> None:
    deduct = (
        f"{EVAL.format('deduct')} {XINGCAN} --item false-report --reason 虚报巡查 --as {SECRETARY}"
    )
    scored.ok(f"{deduct} --at 2021-11-02")

    again = scored(f"{deduct} --at 2021-11-03")

    assert again.exit_code != 0
    assert "每年限一次" in again.output
    rows = json.loads(scored.ok(f"--json {EVAL.format('standings')}"))["standings"]["rows"]
    assert 40 == next(r["total"] for r in rows if r["person_id"] == XINGCAN)  # base 20 − 20


def test_a_snapshot_answers_what_the_wall_said_on_a_date(scored: Village) -> None:
    scored.ok(f"{EVAL.format('snapshot')} --quarter 2022Q2 --as {SECRETARY} --at 2022-06-30T18:00")
    scored.ok(
        f"{EVAL.format('veto')} {LANZHI} --item discipline --reason 警告处分 --as {SECRETARY} --at 2022-07-05"
    )

    june = json.loads(scored.ok(f"--json {EVAL.format('standings')} --at 2022-06-30"))
    now = json.loads(scored.ok(f"--json {EVAL.format('standings')}"))
    before = scored.ok(f"{EVAL.format('standings')} --at 2022-03-31")

    assert LANZHI == june["standings"]["rows"][0]["person_id"]
    rows = now["standings"]["rows"]
    assert (XINGCAN, LANZHI, 0) == (rows[0]["person_id"], rows[-1]["person_id"], rows[-1]["total"])
    assert "尚未公布" in before


def test_closing_waits_for_reviews_then_freezes_and_cuts_a_checkpoint(
    scored: Village, tmp_path: Path
) -> None:
    scored.ok(
        f"{ISSUE} --id T4 --slots 3 --points 5 --deadline 2022-09-30T18:00 --at 2022-09-01T08:00"
    )
    scored.ok(f"task claim T4 --as {XINGCAN} --at 2022-09-01T09:00")
    scored.ok(f"task submit T4 --note 已完成 --as {XINGCAN} --at 2022-09-01T10:00")
    close = f"{EVAL.format('close')} --as {SECRETARY} --at 2022-10-08"

    refused = scored(close)

    assert refused.exit_code != 0
    assert f"T4({XINGCAN})" in refused.output
    scored.ok(f"task approve T4 {XINGCAN} --as {REVIEWER} --at 2022-09-02")
    key = tmp_path / "paixilv.key"
    scored.ok(f"audit key generate {key} --name paixilv-2022")
    closed = scored.ok(f"{close} --key {key}")
    assert "周期结束" in closed
    late = scored(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2022-10-09")
    assert late.exit_code != 0
    adjust = scored(
        f"points adjust {LANZHI} --branch {BRANCH} --delta 3 --reason 补记 --as {SECRETARY} --at 2022-09-30"
    )
    assert adjust.exit_code != 0
    assert "已结束" in adjust.output
