"""命令行: 公开承诺 — ``commitments …`` on a SQLite file: 承诺 → 审诺 → 亮诺 → 践诺 → 评诺,
the board's XLSX export, the villagers' feedback kept private, and the stars that follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

SETUP = "--as huaining --at 2017-01-03T09:00"
BOOK = "dawa --year 2017"
PLEDGE = "--post 党小组长 --content 义务维修组内路灯 --due 2017-12-31"


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """平山镇党委 → 大洼社区党支部 → 司山党小组; 汪金生 the town's secretary, 檀永福 and
    陈德文 大洼社区's secretary and organizing member, 程军 the group's leader, 胡汪节 a
    member; 大洼社区 has adopted its 2017 rule (20/40/40)."""
    v = Village(tmp_path / "pingshan.db")
    v.ok(f"unit found pingshan --name 平山镇党委 --kind 党委 {SETUP}")
    v.ok(f"unit found dawa --name 大洼社区党支部 --parent pingshan {SETUP}")
    v.ok(f"unit found sishan --name 司山党小组 --kind 党小组 --parent dawa {SETUP}")
    people = (
        ("wang", "汪金生", "pingshan"),
        ("tan", "檀永福", "dawa"),
        ("chen", "陈德文", "dawa"),
        ("cheng", "程军", "dawa"),
        ("hu", "胡汪节", "dawa"),
    )
    for pid, name, unit in people:
        v.ok(f"person register {pid} --branch {unit} --name {name} --status full {SETUP}")
    for unit, pid, role in (
        ("pingshan", "wang", "书记"),
        ("dawa", "tan", "书记"),
        ("dawa", "chen", "组织委员"),
        ("sishan", "cheng", "党小组长"),
    ):
        v.ok(f"unit appoint {unit} {pid} --role {role} {SETUP}")
    v.ok(
        f"commitments rule {BOOK} --self 20 --meeting 40 --representatives 40 "
        "--as tan --at 2017-01-04T09:00"
    )
    return v


def posted(v: Village) -> Village:
    """程军's pledge returned as not measurable, revised, approved and posted; the group's
    绿化 (owner 胡汪节, due 05-31) posted too."""
    v.ok(
        f"commitments draft {BOOK} cheng --no 1 {PLEDGE} --target 修好路灯 --as cheng --at 2017-01-05"
    )
    v.ok(
        f"commitments draft {BOOK} sishan --no 1 --post 党小组 --content 绿化 "
        "--target '沿路植树 500 棵' --due 2017-05-31 --owner hu --as cheng --at 2017-01-05"
    )
    v.ok(f"commitments submit {BOOK} cheng --as cheng --at 2017-01-06")
    v.ok(f"commitments submit {BOOK} sishan --as cheng --at 2017-01-06")
    v.ok(
        f"commitments return {BOOK} cheng --no 1 --ground 目标不可衡量 "
        "--reason 请写明巡查频次 --as chen --at 2017-01-09"
    )
    v.ok(
        f"commitments revise {BOOK} cheng --no 1 {PLEDGE} "
        "--target '组内路灯每月巡查一次, 坏灯三日内修复' --as cheng --at 2017-01-10"
    )
    v.ok(f"commitments submit {BOOK} cheng --as cheng --at 2017-01-11")
    v.ok(f"commitments approve {BOOK} cheng --no 1 --as chen --at 2017-01-12")
    v.ok(f"commitments approve {BOOK} sishan --no 1 --as tan --at 2017-01-12")
    v.ok(f"commitments post {BOOK} cheng --as tan --at 2017-01-13")
    v.ok(f"commitments post {BOOK} sishan --as tan --at 2017-01-13")
    return v


def test_a_pledge_is_returned_revised_approved_and_posted_in_chinese(town: Village) -> None:
    returned = town(
        f"commitments draft {BOOK} cheng --no 1 {PLEDGE} --target 修好路灯 --as cheng "
        "--at 2017-01-05"
    )
    assert returned.exit_code == 0, returned.output
    v = posted(town)

    shown = v.ok(f"commitments show {BOOK}")
    document = json.loads(v.ok(f"--json commitments show {BOOK}"))

    assert "已亮诺" in shown
    statuses = {(r["pledger_id"], r["item_no"]): r["status"] for r in document["pledges"]}
    assert statuses == {("cheng", 1): "posted", ("sishan", 1): "posted"}
    [cheng] = [r for r in document["pledges"] if r["pledger_id"] == "cheng"]
    assert (cheng["revisions"], cheng["ground"]) == (1, "not_measurable")


def test_the_return_and_the_posting_say_what_happened(town: Village) -> None:
    town.ok(
        f"commitments draft {BOOK} cheng --no 1 {PLEDGE} --target 修好 --as cheng --at 2017-01-05"
    )
    town.ok(f"commitments submit {BOOK} cheng --as cheng --at 2017-01-06")

    said = town.ok(
        f"commitments return {BOOK} cheng --no 1 --ground 表述笼统 --reason 写清楚 "
        "--as chen --at 2017-01-09"
    )

    assert "已退回 dawa 2017 年度 cheng 第 1 项 (表述笼统): 写清楚" in said


def test_nobody_vets_their_own_pledge_and_nothing_is_written(town: Village) -> None:
    town.ok(
        f"commitments draft {BOOK} chen --no 1 {PLEDGE} --target 每月巡查 --as chen --at 2017-01-05"
    )
    town.ok(f"commitments submit {BOOK} chen --as chen --at 2017-01-06")
    before = town.events()

    result = town(f"commitments approve {BOOK} chen --no 1 --as chen --at 2017-01-09")

    assert result.exit_code != 0
    assert "不能审核、评议本人的承诺" in result.output
    assert town.events() == before


def test_posting_before_every_pledge_is_approved_is_refused(town: Village) -> None:
    town.ok(
        f"commitments draft {BOOK} cheng --no 1 {PLEDGE} --target 每月巡查 --as cheng --at 2017-01-05"
    )
    town.ok(f"commitments submit {BOOK} cheng --as cheng --at 2017-01-06")

    result = town(f"commitments post {BOOK} cheng --as tan --at 2017-01-09")

    assert result.exit_code != 0
    assert "每一项都审核通过后才能公示" in result.output


def test_overdue_pledges_are_flagged_and_progress_clears_them(town: Village) -> None:
    v = posted(town)

    late = v.ok(f"commitments overdue {BOOK} --on 2017-06-15")
    v.ok(
        f"commitments progress {BOOK} sishan --no 1 --note '植树 520 棵' --evidence trees.jpg "
        "--done --as hu --at 2017-07-10"
    )
    after = json.loads(v.ok(f"--json commitments overdue {BOOK} --on 2017-07-11"))

    assert "绿化" in late
    assert after["overdue"] == []


def test_villagers_feedback_is_moderated_and_their_contact_stays_private(
    town: Village, tmp_path: Path
) -> None:
    v = posted(town)
    v.ok(
        f"commitments feedback {BOOK} cheng --no 1 --id F1 --text '路灯修好了' --name 程大爷 "
        "--contact 13905561234 --as public --at 2017-04-20"
    )
    v.ok(f"commitments feedback {BOOK} cheng --no 1 --id F2 --text '还有一盏没修' --name 汪大妈 "
         "--contact 13905560000 --as public --at 2017-04-21")  # fmt: skip
    v.ok(f"commitments show-feedback {BOOK} F1 --as tan --at 2017-04-22")
    hidden = v.ok(
        f"commitments hide-feedback {BOOK} F2 --reason 已当面答复 --as tan --at 2017-04-22"
    )
    xlsx = tmp_path / "board.xlsx"

    board = v.ok(f"--json commitments board {BOOK} --on 2017-05-01 --xlsx {xlsx}")
    public = v.ok(f"--json commitments feedback-list {BOOK}")
    private = v.ok(f"commitments feedback-list {BOOK} --contacts")
    trail = v.ok("trail branch:dawa")

    assert "已隐藏" in hidden
    assert "群众意见已收到" in trail
    for text in (board, public, trail, xlsx.read_bytes().decode("latin-1")):
        assert "13905561234" not in text
        assert "程大爷" not in text
    assert "13905561234" in private
    assert [f["feedback_id"] for f in json.loads(board)["feedback"]] == ["F1"]
    statuses = {f["feedback_id"]: f["status"] for f in json.loads(public)["feedback"]}
    assert statuses == {"F1": "shown", "F2": "hidden"}


def test_the_board_exports_xlsx_with_formula_like_pledges_kept_as_text(
    town: Village, tmp_path: Path
) -> None:
    town.ok(
        f"commitments draft {BOOK} cheng --no 1 --post 党员 "
        "--content '=HYPERLINK(\"http://e.vil\",\"点我\")' --target '+1 每月一次' "
        "--due 2017-12-31 --as cheng --at 2017-01-05"
    )
    town.ok(f"commitments submit {BOOK} cheng --as cheng --at 2017-01-06")
    town.ok(f"commitments approve {BOOK} cheng --no 1 --as tan --at 2017-01-09")
    town.ok(f"commitments post {BOOK} cheng --as tan --at 2017-01-13")
    path = tmp_path / "dawa.xlsx"

    town.ok(f"commitments board {BOOK} --on 2017-03-01 --xlsx {path} --html {tmp_path / 'b.html'}")

    book = load_workbook(path)
    assert book.sheetnames == ["汇总", "党员承诺", "集体承诺", "群众意见"]
    cells = [c for row in book["党员承诺"].iter_rows() for c in row if c.value]
    [formula] = [c for c in cells if str(c.value).startswith("=HYPERLINK")]
    [plus] = [c for c in cells if str(c.value).startswith("+1")]
    assert (formula.data_type, plus.data_type) == ("s", "s")
    assert "大洼社区党支部 2017 年度党员公开承诺" in (tmp_path / "b.html").read_text("utf-8")


def test_the_assessment_is_concluded_explained_and_counted_in_the_stars(town: Village) -> None:
    v = posted(town)
    for body, actor in (("本人自评", "cheng"), ("党员大会评议", "tan"), ("村民代表评议", "chen")):
        v.ok(
            f"commitments assess {BOOK} cheng --body {body} --grade 1=已兑现 --as {actor} --at 2018-01-05"
        )
    concluded = v.ok(f"commitments conclude {BOOK} cheng --as tan --at 2018-01-05T15:00")
    v.ok(
        "stars standards pingshan --year 2017 --kind 党员 --max-score 100 "
        "--thresholds 60,70,80,90,96 --as huaining --at 2018-01-08"
    )
    v.ok(
        "commitments star-criterion pingshan --year 2017 --points 40 --as huaining --at 2018-01-08"
    )
    v.ok("calendar import-official --year 2018 --unit pingshan --as wang --at 2018-01-09")
    proposed = v.ok("stars propose pingshan cheng --year 2017 --score 52 --as wang --at 2018-01-09")
    explained = v.ok(f"commitments explain {BOOK} cheng")

    assert "得分 100.00" in concluded
    assert "评星项「公开承诺」: 40/40 分" in proposed
    assert "92 分" in proposed
    assert "与记录一致" in explained
    assert "评星项「公开承诺」" in explained


def test_the_county_alone_counts_commitments_in_the_stars(town: Village) -> None:
    town.ok(
        "stars standards pingshan --year 2017 --kind 党员 --max-score 100 "
        "--thresholds 60,70,80,90,96 --as huaining --at 2018-01-08"
    )

    result = town(
        "commitments star-criterion pingshan --year 2017 --points 40 --as wang --at 2018-01-08"
    )

    assert result.exit_code != 0
    assert "无权设定评星标准" in result.output


def test_the_count_adds_up_members_and_collective_pledges(town: Village) -> None:
    v = posted(town)

    said = v.ok("commitments count --year 2017")
    found = json.loads(v.ok("--json commitments count --year 2017 dawa"))

    assert "1 名党员作出承诺" in said
    assert found == {"units": 1, "members": 1, "pledges": 1, "collective_pledges": 1}


def test_posting_with_a_key_cuts_a_signed_checkpoint_to_post_beside_the_board(
    town: Village, tmp_path: Path
) -> None:
    key = tmp_path / "k.pem"
    town.ok(f"audit key generate {key} --name dawa-2017")
    town.ok(
        f"commitments draft {BOOK} cheng --no 1 {PLEDGE} --target 每月巡查 --as cheng --at 2017-01-05"
    )
    town.ok(f"commitments submit {BOOK} cheng --as cheng --at 2017-01-06")
    town.ok(f"commitments approve {BOOK} cheng --no 1 --as tan --at 2017-01-09")

    said = town.ok(f"commitments post {BOOK} cheng --key {key} --as tan --at 2017-01-13")
    again = town.ok(f"commitments post {BOOK} cheng --key {key} --as tan --at 2017-01-13")

    assert "已签发审计检查点 (原因 公示)" in said
    assert "dawa-2017" in said
    assert "检查点" not in again  # nothing posted again, nothing signed again


def test_the_trail_of_a_pledger_lists_their_commitment_from_draft_to_posting(
    town: Village,
) -> None:
    posted(town)

    trail = town.ok("trail pledger:cheng")
    wrong = town("trail pledges:cheng")

    assert "承诺事项已拟定" in trail
    assert "承诺事项已退回" in trail
    assert "承诺已公示" in trail
    assert "绿化" not in trail  # the group's pledge is the group's, not 程军's
    assert 2 == wrong.exit_code
    assert "pledger:编号" in wrong.stderr
