"""命令行的记录说明 — every stored event type has exactly one Chinese sentence, spelled by
its own concept, and any instance of it renders without falling back to the field list."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.cli import messages
from adapters.cli.messages import SENTENCES, sentence
from dangjian_core.catalog import EVENT_TYPES
from dangjian_core.kernel.trail import describe
from tests.adapters.strategies import event_strategy

#: What a reader is shown is a recorded event, so its cycle is one the core can name
#: (``YYYY-MM``) and its stars a rating's (0–5); every other field is as wild as stored.
PLAUSIBLE = {
    "cycle": st.builds("{:04d}-{:02d}".format, st.integers(1921, 2200), st.integers(1, 12)),
    "stars": st.integers(0, 5),
}


def _name(event_type: type[Any]) -> str:
    return event_type.__name__


def test_every_event_type_has_a_sentence_and_nothing_else_does() -> None:
    stored = set(EVENT_TYPES.values())

    missing = sorted(map(_name, stored - set(SENTENCES)))
    extra = sorted(map(_name, set(SENTENCES) - stored))

    assert [] == missing, "event types without a sentence"
    assert [] == extra, "sentences for types that are not stored events"


@pytest.mark.parametrize("module", messages.CONCEPTS, ids=lambda module: module.__name__)
def test_a_concept_spells_only_its_own_events(module: Any) -> None:
    concept = module.__name__.split(".")[-2]

    foreign = [
        _name(event_type)
        for event_type in module.SENTENCES
        if event_type.__module__ != f"dangjian_core.{concept}.events"
    ]

    assert [] == foreign


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_any_event_renders_as_its_own_sentence(name: str, data: st.DataObject) -> None:
    event = data.draw(event_strategy(EVENT_TYPES[name], **PLAUSIBLE))

    said = sentence(event)

    assert type(event) in SENTENCES
    assert said.strip()
    assert describe(event) != said
