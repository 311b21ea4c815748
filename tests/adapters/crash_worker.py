"""A writer process for the crash test (``python -m tests.adapters.crash_worker URL RUN
[THREADS]``).

It registers villagers, has them claim a big task and adjusts points, one command after
another, catching the views up every few commands, until it is killed. After ``handle``
returns it prints the command id and flushes: a printed id is a command the store
acknowledged, which must survive the kill.
"""

from __future__ import annotations

import itertools
import sys
import threading
from datetime import date
from typing import Any

from adapters.app import Dangjian, open_app
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.state import NoSlotsLeft
from tests.support import BRANCH, ORGANIZER, SECRETARY, T0, later

TASK = "T-crash"


def commands(run: str, n: int) -> list[tuple[str, Any]]:
    """The n-th round of commands of one run, each with its command id."""
    person = f"{run}-p{n}"
    return [
        (
            f"{run}-register-{n}",
            RegisterPerson(
                person, BRANCH, f"村民{n}", PartyStatus.VILLAGER, date(2021, 1, 1), ORGANIZER, T0
            ),
        ),
        (f"{run}-claim-{n}", ClaimTask(TASK, person, later(1))),
        (
            f"{run}-adjust-{n}",
            AdjustPoints(
                f"{run}-a{n}", BRANCH, person, 1 + n % 5, "参加义务劳动", SECRETARY, later(2)
            ),
        ),
    ]


_PRINTING = threading.Lock()


def write(app: Dangjian, run: str) -> None:
    """One writer's rounds, until the process is killed."""
    for n in itertools.count():
        for command_id, command in commands(run, n):
            try:
                app.handle(command, command_id=command_id)
            except NoSlotsLeft:
                # a fast machine fills the task's 1,000 slots before the last kill: the
                # refusal writes nothing, so nothing is acknowledged
                continue
            with _PRINTING:
                sys.stdout.write(f"{command_id}\n")
                sys.stdout.flush()
        if n % 3 == 2:
            app.catch_up()


def main(url: str, run: str, threads: str = "1") -> None:
    """Write until killed: one writer, or ``threads`` writers sharing one application
    (whose commands then share commits)."""
    app = open_app(url)
    if int(threads) == 1:
        write(app, run)
    for number in range(int(threads)):
        threading.Thread(target=write, args=(app, f"{run}t{number}"), daemon=True).start()
    threading.Event().wait()


if __name__ == "__main__":
    main(*sys.argv[1:])
