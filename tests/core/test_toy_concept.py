"""A toy concept, declared here and nowhere else, runs through the catalog's machinery.

植树 (tree planting): a branch's secretary plants a tree; anyone waters it, but only in
their own name. The whole concept — commands, events, state, decide/evolve, permissions
and their replay, a read model, the ``CONCEPT`` — is this module's first half, shaped as
a concept package would be (docs/programming-model.md walks through the same steps).
Added to a tuple of concepts, :func:`dangjian_core.catalog.derive` derives every registry
for it: routing, stored names, guards, projections, audit subjects, the authority replay.
No file of the library changes, and the library's own registry does not see it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar, assert_never

import attrs
import pytest
from attrs import field, frozen

from dangjian_core import catalog
from dangjian_core.kernel.authority import Rule, What, enforce, only_self, unknown
from dangjian_core.kernel.concept import Concept, Projection, Stream, nothing
from dangjian_core.kernel.errors import DomainError, Unauthorized
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import check_id
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.trail import describe, event_title
from dangjian_core.kernel.validation import text
from dangjian_core.units.permissions import hold_role, known
from dangjian_core.units.roles import Role
from tests import support
from tests.core.every_concept import STORIES
from tests.core.given import Village

# --- commands.py ------------------------------------------------------------------


@frozen
class PlantTree:
    """植树 — the branch's secretary plants a tree of a species."""

    tree_id: str = field(validator=check_id)
    branch_id: str = field(validator=check_id)
    species: str = field(validator=text(1, 20))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class WaterTree:
    """浇树 — someone waters a tree, in their own name."""

    tree_id: str = field(validator=check_id)
    by: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


TreeCommand = PlantTree | WaterTree

# --- events.py --------------------------------------------------------------------


@frozen
class TreePlanted:
    """树已种下 — a tree of a species was planted for a branch."""

    TITLE: ClassVar[str] = "树已种下"

    tree_id: str
    branch_id: str
    species: str


@frozen
class TreeWatered:
    """树已浇水 — someone watered a tree."""

    TITLE: ClassVar[str] = "树已浇水"

    tree_id: str
    by: str


TreeEvent = TreePlanted | TreeWatered
EVENTS: Mapping[str, type[TreeEvent]] = {"TreePlanted": TreePlanted, "TreeWatered": TreeWatered}

# --- state.py ---------------------------------------------------------------------


@frozen
class TreeState:
    """树 — a planted tree and who has watered it."""

    planted: TreePlanted
    watered_by: tuple[str, ...] = ()


TREE: Stream[TreeState | None] = Stream("tree", nothing)


class TreeError(DomainError):
    """植树错误 — a tree command was refused."""

    code = "tree"


# --- permissions.py ---------------------------------------------------------------

PLANT: What = ("植树", "plant trees")
WATER: What = ("浇树", "water trees")


def plant_rule(facts: Facts, branch_id: str, actor_id: str, at: datetime) -> Rule | None:
    """Only the branch's secretary plants its trees."""
    unit = known(facts, branch_id)
    return (
        unit if isinstance(unit, Rule) else hold_role(unit, actor_id, (Role.SECRETARY,), at, PLANT)
    )


def replay(recorded: Recorded[TreeEvent], facts: Facts, before: TreeState | None) -> Rule | None:
    """The rule a recorded tree event's actor broke, or None: the same rules as live."""
    event, actor = recorded.event, recorded.actor_id
    match event:
        case TreePlanted():
            return plant_rule(facts, event.branch_id, actor, recorded.at)
        case TreeWatered():
            return unknown(event.tree_id) if before is None else only_self(actor, event.by, WATER)
        case _:
            assert_never(event)


# --- decisions.py -----------------------------------------------------------------


def decide(command: TreeCommand, state: TreeState | None, facts: Facts) -> list[TreeEvent]:
    """Decide a tree command; deciding it again against its outcome decides nothing."""
    match command:
        case PlantTree():
            enforce(plant_rule(facts, command.branch_id, command.actor_id, command.at))
            planted = TreePlanted(command.tree_id, command.branch_id, command.species)
            if state is not None and state.planted != planted:
                raise TreeError(f"树 {command.tree_id} 已种下", f"{command.tree_id} is planted")
            return [] if state is not None else [planted]
        case WaterTree():
            if state is None:
                raise TreeError(f"树 {command.tree_id} 不存在", f"no tree {command.tree_id}")
            enforce(only_self(command.actor_id, command.by, WATER))
            return (
                [] if command.by in state.watered_by else [TreeWatered(command.tree_id, command.by)]
            )
        case _:
            assert_never(command)


def evolve(state: TreeState | None, event: TreeEvent) -> TreeState | None:
    """Fold one tree event; never fails (watering a tree never planted changes nothing)."""
    match event:
        case TreePlanted():
            return state or TreeState(event)
        case TreeWatered():
            return (
                None
                if state is None
                else attrs.evolve(state, watered_by=(*state.watered_by, event.by))
            )
        case _:
            assert_never(event)


# --- projections.py ---------------------------------------------------------------

TREES = Table(
    "trees", key=(Column("tree_id"),), values=(Column("branch_id"), Column("waterings", "int"))
)


def project_trees(recorded: Recorded[Any]) -> list[Change]:
    """A row per tree: its branch and how often it was watered."""
    match recorded.event:
        case TreePlanted() as event:
            return [Upsert("trees", {"tree_id": event.tree_id}, set={"branch_id": event.branch_id})]
        case TreeWatered() as event:
            return [Upsert("trees", {"tree_id": event.tree_id}, add={"waterings": 1})]
        case _:
            return []


# --- __init__.py ------------------------------------------------------------------

CONCEPT: Concept[TreeCommand, TreeEvent, TreeState | None] = Concept(
    name="trees",
    stream=TREE,
    subject=lambda command: command.tree_id,
    commands=(PlantTree, WaterTree),
    events=EVENTS,
    decide=decide,
    evolve=evolve,
    subjects={"tree_id": "tree", "branch_id": "branch", "by": "person"},
    authority=replay,
    projections=(Projection("trees", (TREES,), project_trees, tuple(EVENTS.values())),),
)

# --- the catalog, with one more line ----------------------------------------------

WITH_TREES = catalog.derive((*catalog.CONCEPTS, CONCEPT))
GINKGO = "ginkgo-1"
AT = support.T0 + timedelta(days=1)


def plant(actor: str = support.SECRETARY) -> PlantTree:
    """The seed branch's secretary (or ``actor``) plants a ginkgo."""
    return PlantTree(GINKGO, support.BRANCH, "银杏", actor, AT)


def play(*commands: Any) -> tuple[list[Recorded[Any]], Any]:
    """The seed village's log with ``commands`` decided and recorded through the derived
    catalog, and the tree's state."""
    village = Village.seeded()
    log, state = list(village.log), None
    facts = village.directory()
    for command in commands:
        for event in WITH_TREES.decide(command, state, facts):
            state = CONCEPT.evolve(state, event)
            version = sum(1 for r in log if r.stream_id == TREE.id(GINKGO)) + 1
            stream = TREE.id(GINKGO)
            log.append(Recorded(len(log) + 1, stream, version, command.actor_id, command.at, event))
    return log, state


def test_the_derived_catalog_routes_the_toy_concepts_commands_and_events() -> None:
    assert CONCEPT is WITH_TREES.concept_of(plant())
    assert CONCEPT is WITH_TREES.concept_of_event(TreeWatered(GINKGO, support.LANZHI))
    assert CONCEPT is WITH_TREES.concept_of_stream("tree-ginkgo-1")
    assert "tree-ginkgo-1" == WITH_TREES.stream_of(plant())


def test_the_toy_gets_stored_names_and_the_library_keeps_its_own_unchanged() -> None:
    assert TreePlanted is WITH_TREES.event_types["TreePlanted"]
    assert "TreeWatered" == WITH_TREES.event_names[TreeWatered]
    assert {**catalog.EVENT_TYPES, **EVENTS} == dict(WITH_TREES.event_types)
    assert "TreePlanted" not in catalog.EVENT_TYPES
    with pytest.raises(TypeError, match="not a dangjian command"):
        catalog.concept_of(plant())


def test_the_toy_decides_evolves_and_decides_nothing_when_asked_again() -> None:
    water = WaterTree(GINKGO, support.LANZHI, support.LANZHI, AT)
    log, state = play(plant(), water)

    assert [TreePlanted(GINKGO, support.BRANCH, "银杏"), TreeWatered(GINKGO, support.LANZHI)] == [
        r.event for r in log[-2:]
    ]
    assert (support.LANZHI,) == state.watered_by
    assert [] == WITH_TREES.decide(plant(), state, Village.seeded().directory())
    assert [] == WITH_TREES.decide(water, state, Village.seeded().directory())


def test_the_live_check_refuses_and_the_replay_flags_the_same_actor() -> None:
    honest, _ = play(plant())
    forged = [*honest[:-1], attrs.evolve(honest[-1], actor_id=support.LANZHI)]

    with pytest.raises(Unauthorized):
        play(plant(actor=support.LANZHI))
    assert [] == WITH_TREES.audit(honest)
    [flag] = WITH_TREES.audit(forged)
    assert ("TreePlanted", support.LANZHI, "role") == (
        flag.event_type,
        flag.actor_id,
        flag.rule.code,
    )


def test_the_toy_events_have_titles_audit_subjects_and_read_model_rows() -> None:
    log, _ = play(plant(), WaterTree(GINKGO, support.LANZHI, support.LANZHI, AT))
    planted, watered = log[-2:]

    assert "树已种下" == event_title(TreePlanted)
    assert describe(planted.event).startswith("树已种下: tree_id=ginkgo-1")
    assert ["tree:ginkgo-1", "branch:paixilv"] == WITH_TREES.subjects_of(planted.event)
    assert ["tree:ginkgo-1", "person:lv-lanzhi"] == WITH_TREES.subjects_of(watered.event)
    assert TREES in WITH_TREES.all_tables
    assert [
        Upsert("trees", {"tree_id": GINKGO}, add={"waterings": 1}),
        Upsert("audit", {"subject": "tree:ginkgo-1", "position": watered.position}),
        Upsert("audit", {"subject": "person:lv-lanzhi", "position": watered.position}),
    ] == WITH_TREES.project_all(watered)


def test_a_new_concept_without_a_story_is_named_by_the_every_concept_check() -> None:
    assert ["trees"] == [c.name for c in WITH_TREES.concepts if c.name not in STORIES]
