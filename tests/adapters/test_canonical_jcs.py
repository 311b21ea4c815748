"""Canonical JSON is RFC 8785 (JCS) for the ledger's values: keys in UTF-16 order, JCS's
escapes — pinned by the RFC's own examples and by vectors where the orders differ; and
bytes stored before, in code-point order, still read."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.storage.canonical import canonical_dumps, canonical_loads

#: RFC 8785 §3.2.3: the properties of this object sort to the order below.
RFC_SORTING = {
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\U0001f600": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis",
}
RFC_ORDER = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]

VECTORS = [
    ({"（备注）": 1, "𠮷": 2}, '{"𠮷":2,"（备注）":1}'),
    ({"a": {"\uffff": 1, "\U00010000": 2}}, '{"a":{"\U00010000":2,"\uffff":1}}'),
    ({"ctl": "\u000f\u001f\b"}, '{"ctl":"\\u000f\\u001f\\b"}'),
    ({"𠮷": [{"z": 1, "吕": 2}]}, '{"𠮷":[{"z":1,"吕":2}]}'),
]


def test_the_rfc_8785_sorting_example_sorts_as_the_rfc_says() -> None:
    encoded = canonical_dumps(RFC_SORTING)

    assert list(json.loads(encoded)) == RFC_ORDER


@pytest.mark.parametrize(("value", "text"), VECTORS)
def test_vectors_where_utf16_and_code_point_order_differ(value: object, text: str) -> None:
    assert text.encode() == canonical_dumps(value)
    assert value == canonical_loads(text.encode())


def test_bytes_stored_in_the_earlier_code_point_order_still_read() -> None:
    earlier = '{"（备注）":1,"𠮷":2}'.encode()

    assert {"（备注）": 1, "𠮷": 2} == canonical_loads(earlier)


keys = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=4)


@given(st.dictionaries(keys, st.integers(-(2**53) + 1, 2**53 - 1), max_size=8))
def test_keys_are_in_utf16_order_and_the_bytes_read_back(value: dict[str, int]) -> None:
    encoded = canonical_dumps(value)

    assert list(json.loads(encoded)) == sorted(value, key=lambda k: k.encode("utf-16-be"))
    assert canonical_loads(encoded) == value


def test_the_rfc8785_package_agrees_when_installed() -> None:
    rfc8785 = pytest.importorskip("rfc8785", reason="rfc8785 未安装 / not installed")
    for value, _text in [(RFC_SORTING, ""), *VECTORS]:
        assert rfc8785.dumps(value) == canonical_dumps(value)
