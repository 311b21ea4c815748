"""花名册的农户表 — households, their links and pairs, in bulk (seed 003: 平山镇's 327
members paired with 771 households).

Each row of 农户 becomes ``AddHousehold``, then ``LinkHousehold`` for each member in
联户党员 and ``PairHousehold`` for each person in 结对帮扶人: ordinary commands, decided by
the real deciders in the import's scratch and written with the rest of the roster in one
transaction — 771 households with their links and pairs are one import, not 1,500
commands at the command line. The export writes the same rows back from the blocks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from adapters.roster import columns as c
from adapters.roster.planning import Looks, Step, build
from adapters.roster.validation import Entry
from dangjian_core.grids.commands import AddHousehold, LinkHousehold, PairHousehold
from dangjian_core.grids.state import BLOCK, BlockState
from dangjian_core.kernel.errors import DomainError, Unauthorized, UnknownSubject

Row = list[Any]


def household_steps(entries: Iterable[Entry], actor_id: str, at: datetime) -> list[Step]:
    """The commands of every 农户 row: the households first, then their links and pairs."""
    rows = list(entries)
    acting: dict[str, Any] = {"actor_id": actor_id, "at": at}
    steps = [
        Step(
            e,
            build(
                e,
                c.HOUSEHOLD_ID,
                AddHousehold,
                block_id=e[c.HOUSE_BLOCK],
                household_id=e[c.HOUSEHOLD_ID],
                head=e[c.HEAD],
                low_income=bool(e[c.LOW_INCOME]),
                **acting,
            ),
            _blame_household,
        )
        for e in rows
    ]
    for header, command_type in ((c.LINKED, LinkHousehold), (c.PAIRED, PairHousehold)):
        steps += [
            Step(
                e,
                build(
                    e,
                    header,
                    command_type,
                    block_id=e[c.HOUSE_BLOCK],
                    household_id=e[c.HOUSEHOLD_ID],
                    person_id=person_id,
                    **acting,
                ),
                _blame_person(header),
            )
            for e in rows
            for person_id in e[header] or ()
        ]
    return steps


def _blame_household(command: AddHousehold, refused: DomainError, scratch: Looks) -> str:
    if isinstance(refused, Unauthorized | UnknownSubject):
        return c.HOUSE_BLOCK
    block = scratch.get(BLOCK, command.block_id)
    return c.HOUSE_BLOCK if block is None else c.HOUSEHOLD_ID


def _blame_person(header: str) -> Any:
    def blame(_command: Any, refused: DomainError, _scratch: Looks) -> str:
        return c.HOUSE_BLOCK if isinstance(refused, Unauthorized | UnknownSubject) else header

    return blame


def household_rows(blocks: Iterable[BlockState]) -> list[Row]:
    """The 农户 rows of the blocks, in the order given, each block's households in the
    order they were added."""
    rows: list[Row] = []
    for block in blocks:
        for household in block.households:
            linked = [p for h, p in block.links if h == household.household_id]
            paired = [p for h, p in block.pairs if h == household.household_id]
            rows.append(
                [
                    block.block_id,
                    household.household_id,
                    household.head,
                    "是" if household.low_income else "否",
                    "、".join(linked),
                    "、".join(paired),
                ]
            )
    return rows
