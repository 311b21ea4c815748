"""命令行: 述职擂台赛 — ``contest …`` on a SQLite file: 举办 → 评分细则 → 报名、述职报告、
评委 → 述职、密封评分、亮分 → 更正 → 实地考察、点评 → 公示, and the board's export (seed 002,
大泽镇)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

SETUP = "--as xinhui --at 2021-12-01T09:00"
SCHEME = Path(__file__).resolve().parents[2] / "examples" / "contests" / "daze.toml"
DAY = "2022-01-12"
MARKS = "--mark 陈述内容={} --mark 语言表达={} --mark 临场应变={} --mark 举止仪态={}"


def marks(*values: str) -> str:
    return MARKS.format(*values)


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """大泽镇党委 with 同和村 and 李苑村; 宁路庚 the town's secretary, 李敏 its organizing
    member; four judges (黄评委 lives in 同和村); 2022's 元旦 and 春节 declared by hand."""
    v = Village(tmp_path / "daze.db")
    v.ok(f"unit found daze --name 大泽镇党委 --kind 党委 {SETUP}")
    for unit, name in (("tonghe", "同和村党支部"), ("liyuan", "李苑村党支部")):
        v.ok(f"unit found {unit} --name {name} --parent daze {SETUP}")
    people = (
        ("ning", "宁路庚", "daze"),
        ("limin", "李敏", "daze"),
        ("liang", "梁同和", "tonghe"),
        ("lily", "李立远", "liyuan"),
        ("zhang", "张评委", "daze"),
        ("wang", "王评委", "daze"),
        ("zhao", "赵评委", "daze"),
        ("huang", "黄评委", "tonghe"),
    )
    for pid, name, unit in people:
        v.ok(f"person register {pid} --branch {unit} --name {name} --status full {SETUP}")
    for unit, pid, role in (
        ("daze", "ning", "书记"),
        ("daze", "limin", "组织委员"),
        ("tonghe", "liang", "书记"),
        ("liyuan", "lily", "书记"),
    ):
        v.ok(f"unit appoint {unit} {pid} --role {role} {SETUP}")
    v.ok(
        "calendar declare-holidays 2022-01-01..2022-01-03 --name 元旦 --unit daze --as ning --at 2021-12-02T09:00"
    )
    v.ok(
        "calendar declare-holidays 2022-01-31..2022-02-06 --name 春节 --unit daze --as ning --at 2021-12-02T09:00"
    )
    return v


def field(v: Village) -> Village:
    """The contest, its scheme, the two entries with reports, the inspection and the panel."""
    v.ok(
        "contest open daze-2021 --host daze --title 2021年村书记述职擂台赛 --on 2022-01-12 --live "
        "--as ning --at 2021-12-20T09:00"
    )
    v.ok(f"contest scheme daze-2021 {SCHEME} --as limin --at 2021-12-20T10:00")
    entries = (("tonghe", "liang"), ("liyuan", "lily"))
    for order, (unit, pid) in enumerate(entries, start=1):
        v.ok(
            f"contest enter daze-2021 {unit} --person {pid} --order {order} "
            "--as limin --at 2021-12-22T09:00"
        )
    for order, (unit, _) in enumerate(entries, start=1):
        v.ok(f"contest inspect daze-2021 {unit} --score 9{order} --as limin --at 2021-12-28T09:00")
    for judge in ("zhang", "wang", "zhao"):
        v.ok(f"contest judge daze-2021 {judge} --as limin --at 2022-01-05T09:00")
    v.ok("contest judge daze-2021 huang --home tonghe --as limin --at 2022-01-05T09:00")
    for unit, pid in entries:
        v.ok(
            f"contest report daze-2021 {unit} --highlights 红色资源 --measures 联合共建 "
            f"--results 成效明显 --shortcomings 特色不够 --next-steps 打造品牌 "
            f"--attachment 述职.pptx --as {pid} --at 2022-01-10T09:00"
        )
    return v


def scored(v: Village, unit: str, sheets: dict[str, tuple[str, ...]], hour: int) -> None:
    at = f"--at {DAY}T{hour:02d}:00"
    v.ok(f"contest open-round daze-2021 {unit} --as limin {at}")
    for judge, values in sheets.items():
        v.ok(f"contest score daze-2021 {unit} {marks(*values)} --as {judge} {at}")
    v.ok(f"contest close-round daze-2021 {unit} --as limin {at}")


def test_a_contest_from_entry_to_the_published_board(town: Village, tmp_path: Path) -> None:
    v = field(town)
    v.ok(f"contest open-round daze-2021 tonghe --as limin --at {DAY}T09:00")

    own = v(
        f"contest score daze-2021 tonghe {marks('99', '99', '99', '99')} --as huang --at {DAY}T09:00"
    )
    assert own.exit_code != 0
    assert "评委回避" in own.output
    v.ok(
        f"contest score daze-2021 tonghe {marks('88', '95', '90', '90')} --as zhang --at {DAY}T09:00"
    )
    sealed = v.ok("contest sheets daze-2021 tonghe")
    assert "密封" in sealed
    assert "95" not in sealed
    assert "尚未亮分" in v.ok("contest explain daze-2021 tonghe")
    again = v(
        f"contest score daze-2021 tonghe {marks('95', '88', '90', '90')} --as zhang --at {DAY}T09:00"
    )
    assert "提交后不可更改" in again.output
    corrected = v.ok(
        f"contest correct daze-2021 tonghe {marks('95', '88', '90', '90')} --reason 两项填反 "
        f"--as zhang --at {DAY}T09:05"
    )
    assert "(亮分前密封); 理由: 两项填反" in corrected
    early = v(f"contest close-round daze-2021 tonghe --as limin --at {DAY}T09:10")
    assert "尚有评委未对 tonghe 评分: wang、zhao" in early.output
    for judge, values in (("wang", ("90",) * 4), ("zhao", ("80",) * 4)):
        v.ok(f"contest score daze-2021 tonghe {marks(*values)} --as {judge} --at {DAY}T09:10")
    shown = v.ok(f"contest close-round daze-2021 tonghe --as limin --at {DAY}T09:15")
    assert "tonghe 现场亮分: wang: 陈述内容 90" in shown
    scored(
        v,
        "liyuan",
        {"zhang": ("92",) * 4, "wang": ("91",) * 4, "zhao": ("93",) * 4, "huang": ("94",) * 4},
        10,
    )
    v.ok(
        "contest review daze-2021 --reviewer 陈溢利 --title 区委组织部四级调研员 --strength 主题好 "
        f"--strength 工作好 --strength 组织好 --expectation 挖掘亮点 --expectation 调整心态 --as limin --at {DAY}T17:00"
    )
    published = v.ok(
        "contest publish daze-2021 --start 2022-01-13 --days 5 --as limin --at 2022-01-13T09:00"
    )
    assert "结果公示 2022-01-13 至 2022-01-19 (5 个工作日)" in published

    standings = v.ok("contest standings daze-2021")
    # 李苑村: sheets 92, 91, 93, 94 → drop 91 and 94 → 92.50; inspection 92 → 92.25.
    # 同和村: 91.8 (张, corrected), 90, 80 → drop both ends → 90.00; inspection 91 → 90.50.
    assert "92.25" in standings
    assert "90.50" in standings
    assert standings.index("李苑村党支部") < standings.index("同和村党支部")
    explained = v.ok("contest explain daze-2021 tonghe")
    assert "陈述内容 95, 语言表达 88" in explained
    assert "(最低分, 去掉)" in explained
    document = json.loads(v.ok("--json contest explain daze-2021 liyuan"))
    assert document["lines"][-1] == "总分 92.25, 第 1 名"

    xlsx = tmp_path / "contest.xlsx"
    html = tmp_path / "contest.html"
    out = v.ok(f"contest standings daze-2021 --xlsx {xlsx} --html {html} --date 2022-01-13")
    assert "已导出" in out
    assert load_workbook(xlsx).sheetnames == ["排名", "评分明细", "点评"]
    page = html.read_text(encoding="utf-8")
    assert "2022年1月13日至2022年1月19日（5个工作日）" in page
    assert "陈溢利" in page
    late = v(
        f"contest correct daze-2021 liyuan {marks('60', '60', '60', '60')} --reason 迟到 --as zhang --at 2022-01-14T09:00"
    )
    assert "已公示" in late.output


def test_a_scheme_file_with_unknown_keys_is_refused(town: Village, tmp_path: Path) -> None:
    town.ok(
        "contest open daze-2021 --host daze --title 擂台赛 --on 2022-01-12 --as ning --at 2021-12-20T09:00"
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "细则"\ncolour = "红"\n[[criteria]]\nname = "陈述内容"\nweight = 100\n',
        encoding="utf-8",
    )

    result = town(f"contest scheme daze-2021 {bad} --as limin --at 2021-12-20T10:00")

    assert result.exit_code != 0
    assert "未知的键: colour" in result.output
