"""A forking writer for the audit crash test: many SIGKILLs at little cost per kill.

``python -m tests.adapters.audit_crash_worker URL DIR`` imports everything once, then for
each ``go RUN`` line on standard input forks a writer and prints its pid; for each
``reap`` line it waits for that writer (killed by the test) and prints ``reaped``. A writer
opens the store and registers villagers and adjusts their points until it is killed, appending each command id to ``DIR/RUN.acks`` (one ``write`` call per id) once
``handle`` has returned: a complete line is an acknowledged command.
"""

from __future__ import annotations

import itertools
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from adapters.app import open_app
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.points.commands import AdjustPoints
from tests.support import BRANCH, ORGANIZER, SECRETARY, T0, later


def commands(run: str, n: int) -> list[tuple[str, Any]]:
    """The n-th round of a run: register a villager, adjust their points."""
    person, since = f"{run}-p{n}", date(2021, 1, 1)
    register = RegisterPerson(
        person, BRANCH, f"村民{n}", PartyStatus.VILLAGER, since, ORGANIZER, T0
    )
    adjust = AdjustPoints(f"{run}-a{n}", BRANCH, person, 1 + n % 5, "义务劳动", SECRETARY, later(2))
    return [(f"{run}-register-{n}", register), (f"{run}-adjust-{n}", adjust)]


def write_until_killed(url: str, acks: Path, run: str) -> None:
    """The forked writer's life."""
    fd = os.open(acks, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    app = open_app(url)
    for n in itertools.count():
        for command_id, command in commands(run, n):
            app.handle(command, command_id=command_id)
            os.write(fd, f"{command_id}\n".encode())
        if n % 3 == 2:
            app.catch_up()


def main(url: str, directory: str) -> None:
    """Fork a writer per ``go`` line; reap it on ``reap``."""
    child = 0
    for line in sys.stdin:
        word, _, run = line.strip().partition(" ")
        if word == "go":
            child = os.fork()
            if child == 0:
                try:
                    write_until_killed(url, Path(directory) / f"{run}.acks", run)
                finally:
                    os._exit(1)
            print(child, flush=True)
        elif word == "reap":
            os.waitpid(child, 0)
            print("reaped", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
