"""Task numbers without --id: the branch, the local year and a count, never colliding —
a number another operator took first is refused as taken and the next one is used."""

from __future__ import annotations

import attrs
import pytest

from adapters.app import Dangjian
from adapters.cli.clock import Actor
from adapters.cli.tasks.numbering import TRIES, task_numbers
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.tasks.state import TaskIdTaken
from tests.support import BRANCH, T0, issue


def _actor(command_id: str = "c-1") -> Actor:
    return Actor("lv-zw", T0, command_id)


def test_the_numbers_run_on_from_the_highest_of_the_year(app: Dangjian) -> None:
    app.handle(issue("paixilv-2021-007"))
    app.handle(issue("paixilv-2020-099"))  # another year's count
    app.handle(issue("T1"))

    numbers = list(task_numbers(app, _actor(), BRANCH))

    assert [f"paixilv-2021-{n:03d}" for n in range(8, 8 + TRIES)] == numbers


def test_a_number_taken_first_by_another_operator_is_refused_and_the_next_is_free(
    app: Dangjian,
) -> None:
    numbers = task_numbers(app, _actor(), BRANCH)
    mine = next(numbers)
    app.handle(issue(mine))  # the other operator, between reading and issuing

    with pytest.raises(TaskIdTaken):
        app.handle(attrs.evolve(issue(mine), title="另一个任务"))
    assert "paixilv-2021-002" == next(numbers)


def test_a_retried_command_id_names_the_task_it_recorded(app: Dangjian) -> None:
    app.handle(issue("paixilv-2021-001"), command_id="c-first")

    assert ["paixilv-2021-001"] == list(task_numbers(app, _actor("c-first"), BRANCH))


def test_a_branch_id_too_long_to_number_after_asks_for_an_id(app: Dangjian) -> None:
    with pytest.raises(InvalidCommand, match="--id"):
        next(task_numbers(app, _actor(), "b" * 60))
