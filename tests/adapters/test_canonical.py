"""Canonical JSON and the chain's hashes, pinned by test vectors: the bytes a hash covers
must never drift, or every published checkpoint would stop verifying."""

from __future__ import annotations

import hashlib
from enum import IntEnum, StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.storage.canonical import CanonicalError, canonical_dumps, canonical_loads
from adapters.storage.chain import LinkedEvent, event_bytes, genesis, link

VECTORS = [
    ({"b": 1, "a": [True, None, "中"]}, '{"a":[true,null,"中"],"b":1}'),
    ({"z": {"y": 2, "x": 1}}, '{"z":{"x":1,"y":2}}'),
    ([], "[]"),
    ({"text": 'a"b\\c\n'}, '{"text":"a\\"b\\\\c\\n"}'),
    ({"n": -12345678901234567890}, '{"n":-12345678901234567890}'),
    ({"é": "吕兰枝"}, '{"é":"吕兰枝"}'),
]


@pytest.mark.parametrize(("value", "text"), VECTORS)
def test_values_encode_to_their_pinned_canonical_bytes(value: object, text: str) -> None:
    assert text.encode() == canonical_dumps(value)
    assert value == canonical_loads(text.encode())


@pytest.mark.parametrize(
    "value",
    [1.5, float("nan"), float("inf"), {"a": 0.0}, {1: "key not text"}, "\ud800", {"\udfff": 1}],
    ids=["float", "nan", "infinity", "nested-float", "int-key", "lone-surrogate", "surrogate-key"],
)
def test_values_outside_the_canonical_subset_are_refused(value: object) -> None:
    with pytest.raises(CanonicalError):
        canonical_dumps(value)


class Kind(StrEnum):
    CLAIM = "认领"


class Level(IntEnum):
    HIGH = 3


class Ratio(float):
    pass


def test_subclasses_of_json_types_and_tuples_encode_as_their_plain_values() -> None:
    value = {"kind": Kind.CLAIM, "level": Level.HIGH, "pair": (1, ("a", None)), "ok": True}

    assert '{"kind":"认领","level":3,"ok":true,"pair":[1,["a",null]]}'.encode() == (
        canonical_dumps(value)
    )


@pytest.mark.parametrize(
    "value",
    [
        [1, [2, {"deep": Ratio(0.5)}]],
        {True: 1},
        {None: 1},
        {"when": object()},
        [b"bytes"],
        {"set": {1}},
        {"list": [1, ["\udc80"]]},
    ],
    ids=["deep-float-subclass", "bool-key", "none-key", "object", "bytes", "set", "deep-surrogate"],
)
def test_values_json_would_accept_or_change_are_refused_wherever_they_sit(value: object) -> None:
    with pytest.raises(CanonicalError):
        canonical_dumps(value)


@pytest.mark.parametrize(
    "data",
    [
        b'{"a":1,"a":2}',
        b'{"a":1.5}',
        b'{"a":1e3}',
        b"NaN",
        b"Infinity",
        b'"\\ud800"',
        b'{"b":1,"a":2}',
        b'{ "a":1}',
        b'{"a":"\\u4e2d"}',
        b"\xff",
        b"",
    ],
    ids=[
        "duplicate-key",
        "float",
        "exponent",
        "nan",
        "infinity",
        "lone-surrogate",
        "unsorted",
        "whitespace",
        "escaped-non-ascii",
        "not-utf8",
        "empty",
    ],
)
def test_bytes_that_are_not_canonical_json_are_refused(data: bytes) -> None:
    with pytest.raises(CanonicalError):
        canonical_loads(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(exclude_categories=["Cs"])), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_every_canonical_value_round_trips_to_the_same_bytes(value: object) -> None:
    data = canonical_dumps(value)

    assert data == canonical_dumps(canonical_loads(data))


@given(st.binary(max_size=64))
def test_arbitrary_bytes_either_load_canonically_or_raise_canonical_error(data: bytes) -> None:
    try:
        value = canonical_loads(data)
    except CanonicalError:
        return
    assert data == canonical_dumps(value)


LEDGER = "派溪吕村积分账本"
EVENT = LinkedEvent(
    1,
    "task-T1",
    1,
    "TaskClaimed",
    b'{"actor":"lv-lanzhi","at":"2021-10-08T09:00:05+08:00","command":"c1",'
    b'"data":{"claimant_id":"lv-lanzhi","task_id":"T1"},'
    b'"recorded":"2021-10-08T01:00:05+00:00","v":1}',
)


def test_the_genesis_hash_is_bound_to_the_ledger_name_as_documented() -> None:
    by_the_formula = hashlib.sha256(b"dangjian/genesis/v1\n" + LEDGER.encode()).hexdigest()

    assert "f6b14bb0426bc1469900a88c3cd4366ce9addf58bc5e890bd1b6cea6a03c671c" == by_the_formula
    assert by_the_formula == genesis(LEDGER).hex()
    assert genesis(LEDGER) != genesis(LEDGER + "2")


def test_a_link_covers_its_number_the_previous_hash_and_the_event_bytes_as_documented() -> None:
    covered = b'[1,"task-T1",1,"TaskClaimed",' + EVENT.state + b"]"
    digest = hashlib.sha256(covered).digest()
    by_the_formula = hashlib.sha256(
        b"dangjian/chain/v1\n" + (1).to_bytes(8, "big") + genesis(LEDGER) + digest
    ).hexdigest()

    assert covered == event_bytes(EVENT)
    assert "9889625c4eef9c164e502e6a5448af1e050c3fe1a1c888e9b8cfd8fdca9c547c" == by_the_formula
    assert by_the_formula == link(1, genesis(LEDGER), EVENT).hex()
