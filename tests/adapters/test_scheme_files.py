"""积分细则文件 — the shipped TOML schemes read into the core's shape; bad files are
refused with the problem named."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.scheme_files import parse_scheme, read_scheme
from dangjian_core.kernel.errors import InvalidCommand
from tests.core.evaluation_given import PAIXILV

SCHEMES = Path(__file__).resolve().parents[2] / "examples" / "schemes"


def test_the_paixilv_file_is_the_scheme_the_core_tests_use() -> None:
    assert PAIXILV == read_scheme(SCHEMES / "paixilv.toml")


def test_the_second_village_caps_tasks_at_60_with_a_base_of_30() -> None:
    scheme = read_scheme(SCHEMES / "sikoulv.toml")

    assert [("基础分", 30), ("任务分", 60), ("奖励分", 10)] == [
        (c.name, c.cap) for c in scheme.categories
    ]
    assert 100 == scheme.total_cap
    assert () == scheme.dimensions


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('name = "x"\n[[categories]]\nname = "任务分"\ncap = 70', "默认"),
        ('name = "x"\n[[categories]]\nname = "任务分"\ncap = "七十"\ndefault = true', "cap"),
        ('name = "x"\nbonus = 1\n[[categories]]\nname = "a"\ncap = 7\ndefault = true', "bonus"),
        ('name = "x"\n[[categories]\n', "无效"),
    ],
)
def test_a_bad_scheme_file_is_refused_naming_the_problem(text: str, problem: str) -> None:
    with pytest.raises(InvalidCommand, match=problem):
        parse_scheme(text)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (PNG, "不是 UTF-8"),
        ('name = "吕村细则"'.encode("gb18030"), "不是 UTF-8"),
        (b"a = " + b"[" * 50_000 + b"]" * 50_000, "嵌套过深"),
        (b"# " + b"x" * 300_000, "超过 256 KB"),
    ],
    ids=["png", "gb18030", "nested", "huge"],
)
def test_a_file_that_is_no_scheme_is_refused_by_name(
    content: bytes, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "scheme.toml"
    path.write_bytes(content)

    with pytest.raises(InvalidCommand, match=problem):
        read_scheme(path)


def test_a_missing_file_or_a_folder_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InvalidCommand, match="无法读取"):
        read_scheme(tmp_path / "none.toml")
    with pytest.raises(InvalidCommand, match="无法读取"):
        read_scheme(tmp_path)
