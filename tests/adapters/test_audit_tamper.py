"""Attacks on the stored log, as someone with database access could make them: each one is
detected by ``verify``, with the chain entry and event position named.

The store holds a village's season (31 events) and a checkpoint of size 28 that the
inspector also holds; 3 events follow it. Attacks that are plain SQL run on SQLite and
PostgreSQL alike.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from adapters.audit.evidence import of_store
from adapters.audit.report import VerifyReport
from adapters.audit.verify import verify
from adapters.storage.chain import LinkedEvent, extend, genesis
from adapters.storage.urls import open_store
from tests.adapters.audit_support import Signer, Sql, checked, codes, season_with_checkpoint, signer
from tests.adapters.stores import backend_url

SIZE, EVENTS = 28, 31
APPROVAL = 21  # task-T1 v8: 吕兰枝's 5 points


@attrs.define
class Sealed:
    """A store with a held checkpoint, and the means to attack it."""

    url: str
    who: Signer
    note: str
    sql: Sql

    def verify(self, held: tuple[str, ...] | None = None) -> VerifyReport:
        """Verify from a fresh connection with the key pinned and the note held."""
        return checked(self.url, [self.who.verifier], (self.note,) if held is None else held)


def _sealed(url: str, tmp_path: Path) -> Sealed:
    who = signer(tmp_path)
    return Sealed(url, who, season_with_checkpoint(url, who), Sql(url))


@pytest.fixture
def sealed(sqlite_url: str, tmp_path: Path) -> Sealed:
    """On SQLite."""
    return _sealed(sqlite_url, tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sealed_any(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Sealed]:
    """On SQLite and on PostgreSQL."""
    with backend_url(request.param, tmp_path) as url:
        yield _sealed(url, tmp_path)


def _problems(report: VerifyReport) -> set[tuple[str, int | None, int | None]]:
    return {(f.code, f.seq, f.position) for f in report.findings}


def _recompute_chain(url: str, sql: Sql) -> None:
    """What an attacker with database access does after editing: relink everything."""
    store = open_store(url)
    try:
        rows = [
            LinkedEvent(r.position, r.stream_id, r.version, r.topic, r.state)
            for r in store.iter_log()
        ]
        entries = list(extend(0, genesis(store.ledger), rows))
    finally:
        store.close()
    sql("DELETE FROM dangjian_chain")
    for e in entries:
        sql("INSERT INTO dangjian_chain VALUES (?, ?, ?)", (e.seq, e.position, e.hash.hex()))


def test_an_untouched_store_verifies_clean_and_counts_the_unanchored_tail(
    sealed_any: Sealed,
) -> None:
    report = sealed_any.verify()

    assert (True, EVENTS, SIZE, EVENTS - SIZE) == (
        report.ok,
        report.events,
        report.anchored,
        report.unanchored,
    )


def test_a_flipped_byte_in_any_stored_event_names_that_entry(sealed: Sealed) -> None:
    rng = random.Random(6)
    store = open_store(sealed.url)
    try:
        for seq, position in enumerate(sealed.sql.positions(), start=1):
            [(state,)] = sealed.sql(f"SELECT state FROM stored_events WHERE rowid = {position}")
            for offset in {0, len(state) - 1, *rng.sample(range(len(state)), 6)}:
                flipped = bytearray(state)
                flipped[offset] ^= 1 << rng.randrange(8)
                sealed.sql(
                    "UPDATE stored_events SET state = ? WHERE rowid = ?", (bytes(flipped), position)
                )
                # the replay is left out here (store=None): it is slow and adds nothing
                report = verify(
                    attrs.evolve(of_store(store), store=None), [sealed.who.verifier], [sealed.note]
                )
                assert (seq, position) == report.first_bad, (position, offset)
                assert ("bad_link", seq, position) in _problems(report)
            sealed.sql("UPDATE stored_events SET state = ? WHERE rowid = ?", (state, position))
    finally:
        store.close()


def test_a_flipped_character_of_any_stored_chain_hash_names_that_entry(sealed: Sealed) -> None:
    rng = random.Random(7)
    store = open_store(sealed.url)
    try:
        for seq, position, text in sealed.sql.chain():
            at = rng.randrange(len(text))
            damaged = text[:at] + chr(ord(text[at]) ^ 1) + text[at + 1 :]  # not always hex
            sealed.sql("UPDATE dangjian_chain SET hash = ? WHERE seq = ?", (damaged, seq))
            report = verify(
                attrs.evolve(of_store(store), store=None), [sealed.who.verifier], [sealed.note]
            )
            assert (seq, position) == report.first_bad
            assert ("bad_link", seq, position) in _problems(report)
            sealed.sql("UPDATE dangjian_chain SET hash = ? WHERE seq = ?", (text, seq))
    finally:
        store.close()


@pytest.mark.parametrize("keep_stored_checkpoints", [True, False])
def test_an_edit_with_every_later_hash_recomputed_is_caught_by_the_checkpoint(
    sealed_any: Sealed, keep_stored_checkpoints: bool
) -> None:
    sql = sealed_any.sql
    [(position, state)] = sql(
        f"SELECT {sql.position}, state FROM stored_events WHERE {sql.position} = ?", (APPROVAL,)
    )
    assert b'"claimant_id":"lv-lanzhi"' in bytes(state)
    sql(
        f"UPDATE stored_events SET state = ? WHERE {sql.position} = ?",
        (bytes(state).replace(b'"points":5', b'"points":50'), position),
    )
    _recompute_chain(sealed_any.url, sql)
    if not keep_stored_checkpoints:
        sql("DELETE FROM dangjian_checkpoints")

    report = sealed_any.verify()

    assert report.first_bad is None  # the chain itself is consistent now
    fork = {(f.check, f.code): f for f in report.findings}
    assert (
        ("checkpoints", "fork") in fork
        if keep_stored_checkpoints
        else ("checkpoints", "fork") not in fork
    )
    held = fork["held", "fork"]
    assert (1, 1) == (held.seq, held.position)  # within entries 1–28: no earlier checkpoint agrees
    assert "views" in {f.check for f in report.findings}  # the boards show 5, the events now 50


def test_more_checkpoints_narrow_a_rewrite_down(sealed: Sealed, tmp_path: Path) -> None:
    from adapters.audit.cut import cut_checkpoint
    from tests.adapters.audit_support import NOW

    store = open_store(sealed.url)
    later_note = cut_checkpoint(store, sealed.who.name, sealed.who.key, "按需", NOW)  # size 31
    store.close()
    sql = sealed.sql
    sql(
        "UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), '补记', '补计') AS BLOB) WHERE rowid = 30"
    )
    _recompute_chain(sealed.url, sql)

    report = sealed.verify((sealed.note, later_note))

    [fork] = [f for f in report.findings if f.check == "held"]
    assert ("fork", SIZE + 1, SIZE + 1) == (fork.code, fork.seq, fork.position)
    assert "29–31" in fork.en


def test_a_deleted_event_is_named(sealed_any: Sealed) -> None:
    sql = sealed_any.sql
    sql(f"DELETE FROM stored_events WHERE {sql.position} = ?", (APPROVAL,))

    report = sealed_any.verify()

    assert (APPROVAL, APPROVAL) == report.first_bad
    assert ("entry_without_event", APPROVAL, APPROVAL) in _problems(report)
    assert {"fork", "version_gap"} <= codes(report)


def test_an_event_and_its_chain_entry_deleted_together_are_named(sealed_any: Sealed) -> None:
    sql = sealed_any.sql
    sql(f"DELETE FROM stored_events WHERE {sql.position} = ?", (APPROVAL,))
    sql("DELETE FROM dangjian_chain WHERE seq = ?", (APPROVAL,))

    report = sealed_any.verify()

    # entry 21 is missing, and event 22 (which follows it) now sits where 21 was
    assert (APPROVAL, APPROVAL + 1) == report.first_bad
    assert ("missing_entry", APPROVAL, APPROVAL + 1) in _problems(report)
    assert {"fork", "bad_link"} <= codes(report)


def test_an_event_inserted_behind_the_applications_back_is_named(sealed_any: Sealed) -> None:
    sql = sealed_any.sql
    [(topic, state)] = sql(f"SELECT topic, state FROM stored_events WHERE {sql.position} = 27")
    sql(
        "INSERT INTO stored_events (originator_id, originator_version, topic, state) VALUES (?, 1, ?, ?)",
        ("adjustment-A9", topic, bytes(state)),
    )
    [inserted] = sql.positions()[EVENTS:]

    report = sealed_any.verify()

    assert (EVENTS + 1, inserted) == report.first_bad
    assert ("event_without_entry", EVENTS + 1, inserted) in _problems(report)
    assert "command_reused" in codes(report)  # it copied A1's command id


def test_an_extra_chain_entry_pointing_at_no_event_is_named(sealed: Sealed) -> None:
    sealed.sql("INSERT INTO dangjian_chain VALUES (?, ?, ?)", (EVENTS + 1, 999, "00" * 32))

    report = sealed.verify()

    assert (EVENTS + 1, 999) == report.first_bad
    assert ("entry_without_event", EVENTS + 1, 999) in _problems(report)


def test_swapped_chain_hashes_and_swapped_positions_are_named(sealed: Sealed) -> None:
    chain = sealed.sql.chain()
    (s1, p1, h1), (s2, p2, h2) = chain[9], chain[10]
    sealed.sql("UPDATE dangjian_chain SET hash = ? WHERE seq = ?", (h2, s1))
    sealed.sql("UPDATE dangjian_chain SET hash = ? WHERE seq = ?", (h1, s2))
    swapped_hashes = sealed.verify()
    sealed.sql("UPDATE dangjian_chain SET hash = ? WHERE seq = ?", (h1, s1))
    sealed.sql("UPDATE dangjian_chain SET hash = ? WHERE seq = ?", (h2, s2))
    sealed.sql("UPDATE dangjian_chain SET position = -1 WHERE seq = ?", (s1,))
    sealed.sql("UPDATE dangjian_chain SET position = ? WHERE seq = ?", (p1, s2))
    sealed.sql("UPDATE dangjian_chain SET position = ? WHERE seq = ?", (p2, s1))
    swapped_positions = sealed.verify()

    assert (s1, p1) == swapped_hashes.first_bad
    assert {("bad_link", s1, p1), ("bad_link", s2, p2)} <= _problems(swapped_hashes)
    assert (s1, p1) == swapped_positions.first_bad
    assert ("reordered_entry", s2, p1) in _problems(swapped_positions)


def test_swapped_event_states_are_named(sealed: Sealed) -> None:
    sql = sealed.sql
    [(a,)] = sql("SELECT state FROM stored_events WHERE rowid = 29")
    [(b,)] = sql("SELECT state FROM stored_events WHERE rowid = 30")
    sql("UPDATE stored_events SET state = ? WHERE rowid = 29", (b,))
    sql("UPDATE stored_events SET state = ? WHERE rowid = 30", (a,))

    report = sealed.verify()

    assert (29, 29) == report.first_bad
    assert {("bad_link", 29, 29), ("bad_link", 30, 30)} <= _problems(report)


@pytest.mark.parametrize("keep", [SIZE - 2, 0])
def test_a_tail_truncated_below_the_checkpoint_is_a_rollback(sealed_any: Sealed, keep: int) -> None:
    sql = sealed_any.sql
    sql(f"DELETE FROM stored_events WHERE {sql.position} > ?", (keep,))
    sql("DELETE FROM dangjian_chain WHERE seq > ?", (keep,))

    report = sealed_any.verify()

    problems = _problems(report)
    assert {("rollback", keep + 1, keep or None)} == {p for p in problems if p[0] == "rollback"}
    assert {"checkpoints", "held", "views"} <= {f.check for f in report.findings}


def test_a_tail_truncated_above_the_checkpoint_shows_in_the_views(sealed_any: Sealed) -> None:
    sql = sealed_any.sql
    sql(f"DELETE FROM stored_events WHERE {sql.position} > ?", (EVENTS - 2,))
    sql("DELETE FROM dangjian_chain WHERE seq > ?", (EVENTS - 2,))

    report = sealed_any.verify()

    assert report.first_bad is None  # what remains is consistent
    assert ("views_ahead", None, EVENTS - 1) in {
        (f.code, f.seq, f.position) for f in report.findings
    }
    assert 1 == report.unanchored


def test_dropped_leading_entries_are_named_even_when_renumbered(sealed: Sealed) -> None:
    sql = sealed.sql
    sql("DELETE FROM stored_events WHERE rowid <= 3")
    sql("DELETE FROM dangjian_chain WHERE seq <= 3")
    dropped = sealed.verify()
    _recompute_chain(sealed.url, sql)
    renumbered = sealed.verify()

    assert (1, 4) == dropped.first_bad
    assert ("missing_entry", 1, 4) in _problems(dropped)
    assert renumbered.first_bad is None
    assert ("fork", 1, 4) in {
        (f.code, f.seq, f.position) for f in renumbered.findings if f.check == "held"
    }


def test_a_well_linked_event_by_an_actor_without_authority_is_flagged_at_its_position(
    sealed: Sealed,
) -> None:
    from datetime import UTC, datetime

    from adapters.storage.mapper import Envelope, encode
    from adapters.storage.store import NewEvent
    from dangjian_core.points.events import PointsAdjusted

    # someone with database access appends through the store API: the chain links it,
    # so only re-checking the actor's authority against the role history can tell
    when = datetime(2021, 10, 20, tzinfo=UTC)
    event = PointsAdjusted("Z1", "paixilv", "lv-xingcan", "2021-10", "捏造", 50, "无")
    topic, state = encode(event, Envelope("intruder", when, "forged-1", when))
    store = open_store(sealed.url)
    [position] = store.append_batch([("adjustment-Z1", NewEvent(1, topic, state))])
    store.close()

    report = sealed.verify()

    authority = [f for f in report.findings if f.check == "authority"]
    sections = {s.check: s.status for s in report.sections}
    assert not report.ok
    assert [(EVENTS + 1, position)] == [(f.seq, f.position) for f in authority]
    assert "intruder" in authority[0].zh + authority[0].en
    assert "ok" == sections["chain"]
