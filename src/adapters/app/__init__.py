"""应用入口 — the one entry point for services, the CLI and the web: :func:`open_app`.

>>> app = open_app("memory://")
>>> outcome = app.handle(command)          # the recorded events, or a typed DomainError
>>> app.attempts()                         # refused commands, kept apart from the events
>>> app.queries.wall("paixilv")            # read models, caught up first
>>> app.follow(after=0)                    # the event feed, from a position
>>> to_json(recorded)                      # one recorded event as JSON (no personal data)

Cut by role: :mod:`~adapters.app.handling` (the write path: lock, recall, fold, decide,
append, remember — one transaction), :mod:`~adapters.app.idempotency` (command ids and
digests), :mod:`~adapters.app.facts` (what a decision reads of other streams),
:mod:`~adapters.app.follow_ups` (commands that follow a recorded event),
:mod:`~adapters.app.bulk` (bulk load of decided history), :mod:`~adapters.app.replay`
(rebuild and diff the views) and :mod:`~adapters.app.application` (:class:`Dangjian`,
which holds them and the read side together).
"""

from adapters.app.application import Dangjian, open_app
from adapters.app.feed import to_json

__all__ = ["Dangjian", "open_app", "to_json"]
