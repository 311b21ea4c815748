"""One text policy for every text field of every command: NFC, no control characters
(newlines only in free text), no bidirectional controls; ids match whole, never with a
trailing newline."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given as for_all
from hypothesis import strategies as st

from dangjian_core.kernel.errors import InvalidCommand, build
from dangjian_core.kernel.ids import is_valid_id
from dangjian_core.kernel.validation import clean
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import SubmitCompletion
from tests.support import BRANCH, LANZHI, ORGANIZER, T0

HOSTILE = {
    "NUL": "吕\x00兰枝",
    "ANSI escape": "\x1b[31m吕兰枝",
    "C1 control": "吕\x85兰枝",
    "DEL": "吕\x7f兰枝",
    "right-to-left override": "\u202e枝兰吕",
    "isolate": "吕\u2067兰枝",
    "newline in a name": "吕兰枝\n吕星灿",
    "not NFC": "Ame\u0301lie",
}


def register(name: str) -> RegisterPerson:
    fields = {
        "person_id": "p1",
        "branch_id": BRANCH,
        "name": name,
        "status": PartyStatus.VILLAGER,
        "status_since": T0.date(),
        "actor_id": ORGANIZER,
        "at": T0,
    }
    return build(RegisterPerson, **fields)


@pytest.mark.parametrize("name", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_name_is_refused_naming_the_field(name: str) -> None:
    with pytest.raises(InvalidCommand, match="name"):
        register(name)


def test_free_text_may_hold_newlines_but_no_other_control() -> None:
    note = "上午清扫村口\n下午清理水沟"
    fields = {"task_id": "T1", "photos": (), "actor_id": LANZHI, "at": T0}

    assert note == build(SubmitCompletion, note=note, **fields).note
    with pytest.raises(InvalidCommand, match="note"):
        build(SubmitCompletion, note="完成\x1b[2J", **fields)


@for_all(st.text(max_size=40))
def test_the_policy_accepts_exactly_the_clean_nfc_text(value: str) -> None:
    bad = any(
        unicodedata.category(c) == "Cc"
        or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
        for c in value
    ) or not unicodedata.is_normalized("NFC", value)

    assert bad == (clean(value) is not None)


@pytest.mark.parametrize("lookalike", ["lv-lanzhi\n", "lv-lanzhi\r\n", " lv-lanzhi", "吕"])
def test_a_lookalike_id_is_refused(lookalike: str) -> None:
    assert not is_valid_id(lookalike)
    assert is_valid_id("lv-lanzhi")
