"""权限重放 — was each recorded event made by someone entitled to make it, then?

:func:`audit` folds a whole log, stream by stream, and asks each event's concept
(:attr:`Concept.authority`) whether its actor was entitled to it at its time, against the
facts as they stood just before it — the same permission functions the deciders enforce.
So an event written straight into the database by someone without the role is flagged.
The inspector's ``verify`` runs it over the store or a bundle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from attrs import frozen

from dangjian_core.kernel.authority import Rule
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.recorded import Recorded


@frozen
class Flag:
    """越权事件 — a recorded event whose actor was not entitled to it at the time."""

    position: int
    stream_id: str
    event_type: str
    actor_id: str
    rule: Rule


def audit(
    log: Iterable[Recorded[Any]],
    concept_of: Callable[[Any], Concept[Any, Any, Any]],
    name_of: Callable[[Any], str],
) -> list[Flag]:
    """Every event in ``log`` (in log order) whose actor lacked the authority then."""
    facts = MemoryFacts()
    flags = []
    for recorded in log:
        concept = concept_of(recorded.event)
        before = facts.states.get(recorded.stream_id, concept.initial())
        try:
            rule = concept.authority(recorded, facts, before)
            facts.states[recorded.stream_id] = concept.evolve(before, recorded.event)
        except Exception as broken:  # a damaged log must be reported, not crash verify
            # Only a log that no decider could have written gets here (an event whose
            # stream was never begun, say, because earlier events are missing or damaged).
            rule = unreplayable(recorded, broken)
        if rule is not None:
            name = name_of(recorded.event)
            flags.append(Flag(recorded.position, recorded.stream_id, name, recorded.actor_id, rule))
    return flags


def unreplayable(recorded: Recorded[Any], broken: Exception) -> Rule:
    """The rule for an event that cannot be replayed on the history before it."""
    return Rule(
        "unreplayable",
        f"第 {recorded.position} 条事件无法按历史重放(此前的事件缺失或损坏),无法核对操作人"
        f" {recorded.actor_id} 的职权",
        f"event at position {recorded.position} cannot be replayed on the history before it "
        f"({type(broken).__name__}); the authority of {recorded.actor_id} cannot be checked",
    )
