"""事实 — what a decision reads of other streams and read models, answered from the store
under the command's own lock (:class:`dangjian_core.kernel.facts.Facts`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from adapters.storage.folding import StateCache, ViewRows, top_up
from adapters.storage.store import EventStore, WriteTransaction
from dangjian_core.catalog import concept_of_prefix
from dangjian_core.kernel.concept import Stream
from dangjian_core.kernel.facts import Row
from dangjian_core.kernel.readmodel import Table, Value

S = TypeVar("S")


class StoreFacts(ViewRows):
    """事实 — what a decision reads of other streams and read models, from the store.

    Streams are read in the command's own transaction as facts (so no writer of them
    commits between the decision and its commit: :meth:`WriteTransaction.read_fact`), folded onto
    the shared cache; stream ids by prefix come from the events' primary key; read-model
    rows as :class:`ViewRows` gives them.
    """

    def __init__(self, tx: WriteTransaction, cache: StateCache, store: EventStore) -> None:
        super().__init__(store)
        self._tx = tx
        self._cache = cache

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """The stream's state now, topped up under the transaction."""
        concept = concept_of_prefix(stream.prefix)
        stream_id = stream.id(subject_id)
        cached = self._cache.get(concept, stream_id)
        folded = top_up(concept, cached, self._tx.read_fact(stream_id, cached.version))
        self._cache.put(stream_id, folded)
        found: S = folded.state
        return found

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]:
        """Rows of a read model, read once no other decision reading them can commit
        before this one."""
        self._tx.guard_rows(table.name)
        return super().rows(table, where)

    def ids(self, stream: Stream[Any]) -> list[str]:
        """Every subject with a stream of this kind."""
        head = len(stream.prefix) + 1
        return [stream_id[head:] for stream_id in self._tx.stream_ids(stream.prefix)]
