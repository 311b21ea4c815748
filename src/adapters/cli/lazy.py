"""按需加载 — command families imported only when they run, so ``dangjian --help`` and
every command start without importing the whole library (the catalog, every concept,
the storage backends and the web stack took about 3 s on a loaded 2-core machine).

A :class:`Lazy` entry names a command the root lists by name and short help without
importing it; :class:`LazyGroup` imports its module the first time the command is
asked for (to run it, or to show its own ``--help``).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

import click
from attrs import frozen

from adapters.cli.help_format import DisplayWidthContext, fit_help


@frozen
class Lazy:
    """A command to load on demand: its short help, and either ``"module:attribute"`` (a
    command object) or module names whose ``COMMANDS`` make up a group of that name."""

    help: str
    target: str = ""
    modules: tuple[str, ...] = ()

    def load(self, name: str) -> click.Command:
        """Import and build the command."""
        if self.target:
            module, _, attribute = self.target.partition(":")
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        group = click.Group(name, help=self.help)
        for module in self.modules:
            for command in importlib.import_module(module).COMMANDS:
                group.add_command(command)
        return group


class LazyGroup(click.Group):
    """A group whose commands in :attr:`lazy` are imported only when asked for."""

    context_class = DisplayWidthContext
    lazy: Mapping[str, Lazy] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002
        """Every command's name, loaded or not, in order."""
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:  # noqa: ARG002
        """The command, imported (and its help laid out by display width) on first use."""
        if cmd_name not in self.commands and cmd_name in self.lazy:
            command = self.lazy[cmd_name].load(cmd_name)
            fit_help(command)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands with their short help, without importing any of them."""
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(200)))
            else:
                rows.append((name, self.lazy[name].help))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
