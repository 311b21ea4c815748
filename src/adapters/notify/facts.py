"""通知所需事实 — what a message says beyond its event: the task as it stood after a claim,
a person's or a unit's name, the development list as an objection was resolved.

Streams are folded straight from the log (never through the views, which catching up
would write to), each cached at the latest version asked for and topped up from there;
asking for an earlier version folds again from the start.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from typing import Any

from adapters.storage.folding import Folded, top_up
from adapters.storage.store import EventStore
from dangjian_core.catalog import concept_of_stream
from dangjian_core.people.state import PERSON
from dangjian_core.units.state import UNIT

#: Streams kept folded at once (a busy county's open tasks, its people and units).
CAPACITY = 5000


class StoreFacts:
    """事实 — streams of one store folded to a version, for the messages."""

    def __init__(self, store: EventStore, capacity: int = CAPACITY) -> None:
        self._store = store
        self._capacity = capacity
        self._folds: OrderedDict[str, Folded] = OrderedDict()

    def state_at(self, stream_id: str, version: int) -> Any:
        """The state of a stream after its event ``version`` (None for a stream of no
        concept)."""
        concept = concept_of_stream(stream_id)
        if concept is None:
            return None
        cached = self._folds.get(stream_id)
        if cached is None or cached.version > version:
            cached = Folded(0, concept.initial())
        rows = self._store.read_stream(stream_id, cached.version)
        folded = top_up(concept, cached, [row for row in rows if row.version <= version])
        self._keep(stream_id, folded)
        return folded.state

    def name_of(self, person_id: str) -> str:
        """A person's name as the roster has it now (their id if no such person)."""
        person = self.state_at(PERSON.id(person_id), sys.maxsize)
        return person_id if person is None else str(person.name)

    def unit_name(self, unit_id: str) -> str:
        """A unit's name now (its id if no such unit)."""
        unit = self.state_at(UNIT.id(unit_id), sys.maxsize)
        return unit_id if unit is None else str(unit.name)

    def _keep(self, stream_id: str, folded: Folded) -> None:
        cached = self._folds.get(stream_id)
        if cached is None or cached.version <= folded.version:
            self._folds[stream_id] = folded
        self._folds.move_to_end(stream_id)
        while len(self._folds) > self._capacity:
            self._folds.popitem(last=False)
