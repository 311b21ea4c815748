"""权限原语 — who may do what, as values: a broken rule, and the rules that know no concept.

Each permission function of a concept answers one question with ``None`` (allowed) or the
:class:`Rule` the actor breaks. Deciders raise it (:func:`enforce`); the authority replay
(:mod:`dangjian_core.kernel.audit`) asks the same functions about recorded events, so the
live check and the replay can never disagree. The organisation's rules (roles, the levels
above a unit) are the units concept's: :mod:`dangjian_core.units.permissions`.
"""

from __future__ import annotations

from attrs import frozen

from dangjian_core.kernel.errors import Unauthorized

#: What an action is called in a refusal, in Chinese and English.
What = tuple[str, str]


@frozen
class Rule:
    """权限规则 — a rule of who may do what, broken by an actor: a stable code and a
    message in Chinese and English."""

    code: str
    zh: str
    en: str


def enforce(rule: Rule | None) -> None:
    """Raise :class:`Unauthorized` for a broken rule; do nothing for ``None``."""
    if rule is not None:
        raise Unauthorized(rule.zh, rule.en)


def unknown(subject_id: object) -> Rule:
    """The rule for an event naming a unit, person or thing nobody had recorded."""
    return Rule("unknown", f"{subject_id} 当时不存在", f"{subject_id} did not exist at the time")


def only_self(actor_id: str, person_id: str, what: What) -> Rule | None:
    """Only the person themselves (领办、撤回、提交)."""
    if actor_id == person_id:
        return None
    return Rule(
        "self_only",
        f"{actor_id} 不能替 {person_id} {what[0]}",
        f"{actor_id} may not {what[1]} for {person_id}: only for themselves",
    )


def not_own(actor_id: str, person_id: str) -> Rule | None:
    """Nobody reviews their own work (审核)."""
    if actor_id != person_id:
        return None
    return Rule("self_review", "不能审核本人的领办", f"{actor_id} may not review their own claim")
