"""记录说明 — what a recorded event means, in one Chinese sentence.

Each concept spells its own events' sentences (``adapters.cli.<concept>.sentences``);
this module only merges their tables. A new concept adds one line to :data:`CONCEPTS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from adapters.cli.accounts import sentences as accounts
from adapters.cli.calendar import sentences as calendar
from adapters.cli.campaigns import sentences as campaigns
from adapters.cli.commitments import sentences as commitments
from adapters.cli.contests import sentences as contests
from adapters.cli.coverage import sentences as coverage
from adapters.cli.development import sentences as development
from adapters.cli.duties import sentences as duties
from adapters.cli.evaluation import sentences as evaluation
from adapters.cli.grids import sentences as grids
from adapters.cli.matters import sentences as matters
from adapters.cli.people import sentences as people
from adapters.cli.points import sentences as points
from adapters.cli.ratings import sentences as ratings
from adapters.cli.tasks import sentences as tasks
from adapters.cli.units import sentences as units
from adapters.cli.work import sentences as work
from dangjian_core.kernel.trail import describe

#: The sentence module of every concept, in the catalog's order.
CONCEPTS: tuple[ModuleType, ...] = (
    units,
    people,
    calendar,
    grids,
    accounts,
    tasks,
    points,
    evaluation,
    commitments,
    ratings,
    work,
    development,
    contests,
    campaigns,
    duties,
    coverage,
    matters,
)

NO_CHANGE = "无变化 (no change: already so)"


def _merged(modules: tuple[ModuleType, ...]) -> dict[type[Any], Callable[[Any], str]]:
    merged: dict[type[Any], Callable[[Any], str]] = {}
    for module in modules:
        table: Mapping[type[Any], Callable[[Any], str]] = module.SENTENCES
        for event_type, say in table.items():
            if event_type in merged:
                raise AssertionError(f"{event_type.__name__}: two concepts spell its sentence")
            merged[event_type] = say
    return merged


#: The sentence for every event type, keyed by its class.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = _merged(CONCEPTS)


def answered_again(command_id: str) -> str:
    """The note for a command id that was handled before."""
    return (
        f"命令 {command_id} 此前已处理, 以下为当时的记录 "
        f"(answered from the record: command already handled, nothing new written)"
    )


def sentence(event: Any) -> str:
    """One sentence saying what was recorded (an event no concept spells: its fields)."""
    say = SENTENCES.get(type(event))
    return describe(event) if say is None else say(event)
