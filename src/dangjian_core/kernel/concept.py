"""概念 — one kind of aggregate, described by itself.

A concept package (``dangjian_core/<concept>/``) exports one :class:`Concept`: its name,
the prefix of its streams, how a command names its subject, its decider (``initial``,
``decide``, ``evolve``), the stable stored names of its events, the audit subjects its
events concern, its authority replay, its projections, the commands that must follow its
events in other streams, and the rules it imposes on other concepts' events. Every
registry the adapters use is derived from these declarations (``dangjian_core.catalog``),
so adding a concept adds one package and one line, and no shared file grows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from attrs import field, frozen

from dangjian_core.kernel.readmodel import Change, Table
from dangjian_core.kernel.recorded import Recorded

if TYPE_CHECKING:
    from dangjian_core.kernel.authority import Rule
    from dangjian_core.kernel.facts import Facts

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@frozen
class Projection:
    """投影 — a read model: its tables, the pure function that changes them, the event
    types it listens to (None: every event) and a version, raised whenever the function
    changes what it writes, so stores rebuild the model from the log when next opened."""

    name: str
    tables: tuple[Table, ...]
    project: Callable[[Recorded[Any]], list[Change]]
    listens_to: tuple[type[Any], ...] | None = None
    version: int = 1


@frozen
class FollowUp:
    """后续命令 — a command another stream must decide after an event, with the
    deterministic command id that makes running it again safe."""

    command_id: str
    command: Any


@frozen
class Guard:
    """约束 — a rule one concept imposes on what other concepts decide: a closed evaluation
    cycle admits no more points; an appointee must be on the roll. ``on`` names command or
    event types; ``check`` raises the refusal. A guard on a command runs before the
    command's own decision (so even a repeat is refused), a guard on an event on each
    such event the decision produced; both before anything is written, against the same
    facts as the decision. So a concept below never needs to know the concept above that
    constrains it."""

    on: tuple[type[Any], ...]
    check: Callable[[Any, Facts], None]


def _no_follow_ups(_recorded: Recorded[Any]) -> Sequence[FollowUp]:
    return ()


def nothing() -> None:
    """The state of a stream before its first event, for most concepts: none."""
    return


@frozen
class Stream(Generic[S]):
    """事件流 — a kind of stream: the prefix of its ids and its state before any event.

    Declared in the concept's ``state`` module, so another concept can ask for its states
    (``facts.get(UNITS, "paixilv")``) without importing the concept's decisions.
    """

    prefix: str
    initial: Callable[[], S]

    def id(self, subject_id: str) -> str:
        """The stream holding a subject's events, e.g. ``task-T1``."""
        return f"{self.prefix}-{subject_id}"

    def subject_of(self, stream_id: str) -> str | None:
        """The subject id of one of these streams (None for another kind's)."""
        head = f"{self.prefix}-"
        return stream_id[len(head) :] if stream_id.startswith(head) else None


@frozen(kw_only=True)
class Concept(Generic[C, E, S]):
    """概念 — one aggregate kind: streams, commands, events, decider and what follows.

    ``S`` is the state of one stream (``None`` before its first event for most concepts);
    another concept reads it through ``facts.get(stream, subject_id)``, never through this
    concept's decisions. ``follow_ups`` sees every recorded event, of any concept, and
    names the commands that must follow it. ``subjects`` maps an event field to the audit subject kind it names
    (``{"task_id": "task", "claimant_id": "person"}``).
    """

    name: str
    stream: Stream[S]
    subject: Callable[[C], str]
    commands: tuple[type[C], ...]
    events: Mapping[str, type[E]]
    decide: Callable[[C, S, Facts], Sequence[E]]
    evolve: Callable[[S, E], S]
    subjects: Mapping[str, str]
    authority: Callable[[Recorded[E], Facts, S], Rule | None]
    projections: tuple[Projection, ...] = ()
    follow_ups: Callable[[Recorded[Any]], Sequence[FollowUp]] = _no_follow_ups
    guards: tuple[Guard, ...] = field(default=())

    @property
    def stream_prefix(self) -> str:
        """The prefix of the concept's stream ids (``task`` in ``task-T1``)."""
        return self.stream.prefix

    def initial(self) -> S:
        """The state of one of the concept's streams before its first event."""
        return self.stream.initial()

    def stream_id(self, subject_id: str) -> str:
        """The stream holding a subject's events, e.g. ``task-T1``."""
        return self.stream.id(subject_id)

    def stream_of(self, command: C) -> str:
        """The stream a command of this concept is decided against."""
        return self.stream.id(self.subject(command))

    def fold(self, events: Sequence[E], state: S | None = None) -> S:
        """The state ``events`` leave, from ``state`` or the initial state."""
        current: S = self.initial() if state is None else state
        for event in events:
            current = self.evolve(current, event)
        return current
