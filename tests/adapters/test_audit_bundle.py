"""The inspector bundle: one file that keeps every stored byte, verifies offline like the
store it came from, and whose parser refuses anything else with :class:`BundleError` only."""

from __future__ import annotations

import base64
import contextlib
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.audit.bundle import BundleError, parse
from adapters.audit.evidence import Bundle, of_bundle
from adapters.audit.export import export_bundle
from adapters.audit.rebuild import figures, rebuild
from adapters.audit.verify import verify
from adapters.storage.urls import open_store
from dangjian_core.tasks.commands import ClaimTask
from tests.adapters.audit_support import NOW, Signer, Sql, season_with_checkpoint, signer
from tests.adapters.stores import village_app
from tests.support import LANZHI, later


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Signer, str, bytes]:
    """A season in SQLite with a checkpoint and a refused claim, exported: (url, signer,
    note, bundle bytes)."""
    tmp_path = tmp_path_factory.mktemp("bundle")
    url = f"sqlite:///{tmp_path / 'v.db'}"
    who = signer(tmp_path)
    note = season_with_checkpoint(url, who)
    with village_app(url) as app:
        with pytest.raises(Exception, match="已"):
            app.handle(ClaimTask("T2", LANZHI, later(100)))  # cancelled task: refused, logged
        export_bundle(app.store, tmp_path / "v.bundle", NOW)
    return url, who, note, (tmp_path / "v.bundle").read_bytes()


def test_a_bundle_holds_exactly_what_the_store_holds(
    exported: tuple[str, Signer, str, bytes],
) -> None:
    url, _who, _note, data = exported
    bundle = parse(data)
    store = open_store(url)
    try:
        expected = (
            list(store.iter_log()),
            store.read_chain(0, 1000),
            store.read_checkpoints(),
            store.read_attempts(),
        )
    finally:
        store.close()

    assert expected == (
        list(bundle.rows),
        list(bundle.chain),
        list(bundle.checkpoints),
        list(bundle.attempts),
    )
    assert (1, "dangjian:v") == (len(bundle.attempts), bundle.ledger)


def test_a_bundle_verifies_offline_and_reports_the_rebuilt_balances(
    exported: tuple[str, Signer, str, bytes],
) -> None:
    url, who, note, data = exported

    report = verify(parse(data), [who.verifier], [note])
    with rebuild(open_store(url).iter_log()) as rebuilt:
        live = figures(rebuilt)

    assert (True, 3, None) == (report.ok, report.unanchored, report.replay)
    assert live == report.figures
    assert ("paixilv", "2021-10", "lv-lanzhi", 10) in {attrs.astuple(f) for f in report.figures}


def test_damaged_bytes_survive_the_export_and_are_named_offline(
    sqlite_url: str, tmp_path: Path
) -> None:
    who = signer(tmp_path)
    note = season_with_checkpoint(sqlite_url, who)
    Sql(sqlite_url)("UPDATE stored_events SET state = ? WHERE rowid = 5", (b"\xff\x00not json",))
    store = open_store(sqlite_url)
    export_bundle(store, tmp_path / "b", NOW)
    store.close()

    bundle = parse((tmp_path / "b").read_bytes())
    report = verify(bundle, [who.verifier], [note])

    assert b"\xff\x00not json" == bundle.rows[4].state
    assert (5, 5) == report.first_bad
    assert {("chain", 5), ("canonical", 5), ("decode", 5)} <= {
        (f.check, f.position) for f in report.findings
    }


def test_every_byte_of_an_event_in_a_bundle_is_covered(
    exported: tuple[str, Signer, str, bytes],
) -> None:
    _url, who, note, data = exported
    bundle = parse(data)
    for index in (0, 20):  # the branch founded; 吕兰枝's approval
        row = bundle.rows[index]
        for offset in range(len(row.state)):
            state = bytearray(row.state)
            state[offset] ^= 0x20
            rows = (
                *bundle.rows[:index],
                attrs.evolve(row, state=bytes(state)),
                *bundle.rows[index + 1 :],
            )
            evidence = attrs.evolve(of_bundle(bundle, "b"), rows=lambda rows=rows: iter(rows))
            assert (index + 1, row.position) == verify(evidence, [who.verifier], [note]).first_bad


def _lines(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.splitlines()]


def _dump(records: list[dict[str, object]]) -> bytes:
    return b"".join(
        json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
        for r in records
    )


def test_duplicated_and_reordered_records_in_a_bundle_are_named(
    exported: tuple[str, Signer, str, bytes],
) -> None:
    _url, who, note, data = exported
    records = _lines(data)
    events = [i for i, r in enumerate(records) if r.get("kind") == "event"]
    chain = [i for i, r in enumerate(records) if r.get("kind") == "chain"]
    duplicated = [*records[: chain[5]], records[chain[4]], *records[chain[5] :]]
    duplicated[-1] = {**duplicated[-1], "chain": len(chain) + 1}
    swapped = list(records)
    swapped[chain[7]], swapped[chain[8]] = swapped[chain[8]], swapped[chain[7]]
    twice = [*records[: events[-1] + 1], records[events[-1]], *records[events[-1] + 1 :]]
    twice[-1] = {**twice[-1], "events": len(events) + 1}

    found = [
        {(f.code, f.seq) for f in verify(parse(_dump(r)), [who.verifier], [note]).findings}
        for r in (duplicated, swapped, twice)
    ]

    assert ("duplicate_entry", 5) in found[0]
    assert {("reordered_entry", 8), ("bad_link", 8)} <= found[1]
    assert ("duplicate_event", 32) in found[2]


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r[:-1],  # no end line
        lambda r: [*r[:-1], {**r[-1], "events": 1}],  # counts differ
        lambda r: [{**r[0], "version": 2}, *r[1:]],
        lambda r: [{**r[0], "version": True}, *r[1:]],
        lambda r: [r[0], {**r[1], "extra": 1}, *r[2:]],
        lambda r: [r[0], {**r[1], "position": "1"}, *r[2:]],
        lambda r: [r[0], {**r[1], "state": r[1]["state"] + "\n"}, *r[2:]],
        lambda r: [r[0], {**r[1], "state": "QR=="}, *r[2:]],  # non-canonical base64
        lambda r: [*r[:-1], {**r[-2], "kind": "event"}, r[-1]],  # an event after the attempts
        lambda r: [*r, r[-1]],  # after the end line
    ],
)
def test_the_parser_refuses_every_departure_from_the_format(
    exported: tuple[str, Signer, str, bytes], change: object
) -> None:
    records = _lines(exported[3])

    with pytest.raises(BundleError):
        parse(_dump(change(records)))  # type: ignore[operator]


def test_the_parser_refuses_upper_case_hex_and_a_cut_off_file(
    exported: tuple[str, Signer, str, bytes],
) -> None:
    data = exported[3]
    first_hash = json.loads(next(line for line in data.splitlines() if b'"kind":"chain"' in line))[
        "hash"
    ]

    for bad in (
        data.replace(first_hash.encode(), first_hash.upper().encode()),
        data[:-1],
        data[: len(data) // 2],
        b"",
    ):
        with pytest.raises(BundleError):
            parse(bad)


FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_raise_bundle_error(data: bytes) -> None:
    header = b'{"exported_at":"x","format":"dangjian-inspector-bundle","ledger":"l","version":1}\n'
    for candidate in (data, header + data):
        with contextlib.suppress(BundleError):
            assert isinstance(parse(candidate), Bundle)


@FUZZ
@given(st.data())
def test_a_mutated_bundle_parses_or_raises_bundle_error(
    exported: tuple[str, Signer, str, bytes], data: st.DataObject
) -> None:
    bundle = exported[3]
    at = data.draw(st.integers(0, len(bundle) - 1))
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
    if kind == "flip":
        mutated = (
            bundle[:at] + bytes([bundle[at] ^ data.draw(st.integers(1, 255))]) + bundle[at + 1 :]
        )
    elif kind == "cut":
        mutated = bundle[:at]
    elif kind == "insert":
        mutated = bundle[:at] + data.draw(st.binary(min_size=1, max_size=8)) + bundle[at:]
    else:
        mutated = bundle[:at] + bundle[at + data.draw(st.integers(1, 40)) :]
    with contextlib.suppress(BundleError):
        parse(mutated)


def test_state_is_base64_of_the_exact_bytes(exported: tuple[str, Signer, str, bytes]) -> None:
    first_event = _lines(exported[3])[1]

    assert base64.b64decode(str(first_event["state"])) == parse(exported[3]).rows[0].state
