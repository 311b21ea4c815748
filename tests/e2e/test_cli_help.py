"""帮助排版 — every command's ``--help`` fits an 80-column terminal, Chinese counted as
two columns (Click alone counts characters: Chinese help ran to 83–105 columns)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from adapters.cli.help_format import cells, wrap
from adapters.cli.main import cli

pytestmark = pytest.mark.e2e


def every_command(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            yield from every_command(command, (*path, name))
        else:
            yield (*path, name)


def test_every_help_fits_eighty_columns() -> None:
    runner = CliRunner()
    too_wide = {}
    for path in every_command(cli):
        result = runner.invoke(cli, [*path, "--help"], env={"COLUMNS": "80"})
        assert 0 == result.exit_code, (path, result.output)
        widest = max(cells(line) for line in result.output.splitlines())
        if widest > 80:
            too_wide[" ".join(path)] = widest
    assert {} == too_wide


def test_a_long_choice_list_is_wrapped_at_its_bars() -> None:
    runner = CliRunner()

    shown = runner.invoke(cli, ["wall", "--help"], env={"COLUMNS": "80"}).output

    status = [line for line in shown.splitlines() if "正式党员" in line or "--status" in line]
    assert len(status) >= 2
    assert all(cells(line) <= 80 for line in status)


def test_wrapping_counts_chinese_as_two_columns_and_breaks_between_characters() -> None:
    lines = wrap("积分墙" * 20 + " / the points wall", 30)

    assert all(cells(line) <= 30 for line in lines)
    assert "".join(lines).replace(" ", "") == ("积分墙" * 20 + "/thepointswall")
    assert ["a b"] == wrap("a   b", 30)


def test_the_root_help_lists_every_command_without_importing_them() -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from adapters.cli.main import cli\n"
        "shown = CliRunner().invoke(cli, ['--help']).output\n"
        "heavy = [m for m in ('dangjian_core.catalog', 'adapters.app', 'fastapi') if m in sys.modules]\n"
        "print(heavy, 'wall' in shown, 'calendar' in shown)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )

    assert "[] True True" == done.stdout.strip()
