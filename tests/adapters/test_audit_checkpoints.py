"""Keys and checkpoints: key files are kept private, checkpoints never contradict earlier ones,
and a fork, a checkpoint of another ledger or one signed by an unknown key is named."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from adapters.audit import keys
from adapters.audit.checkpoints import Checkpoint, CheckpointError, VerifierKey, parse, sign
from adapters.audit.checkpoints import verify as verify_note
from adapters.audit.cut import CheckpointRefused, cut_checkpoint
from adapters.storage.store import CheckpointRecord
from adapters.storage.urls import open_store
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.points.commands import AdjustPoints
from tests.adapters.audit_support import (
    NOW,
    Sql,
    checked,
    codes,
    season_with_checkpoint,
    signer,
)
from tests.adapters.stores import village_app
from tests.support import BRANCH, LANZHI, SECRETARY, XINGCAN, later


def test_a_key_file_is_created_private_and_refused_once_others_may_read_it(tmp_path: Path) -> None:
    path = tmp_path / "k.pem"
    permissive = os.umask(0)  # even when new files would be world-writable
    try:
        verifier = keys.generate(path, "paixilv-2021")
    finally:
        os.umask(permissive)

    assert 0o600 == path.stat().st_mode & 0o777
    assert verifier == keys.verifier_key(*keys.load(path))
    path.chmod(0o640)
    with pytest.raises(keys.KeyFileError, match="chmod 600"):
        keys.load(path)


def test_a_key_file_is_never_overwritten_and_its_name_must_match(tmp_path: Path) -> None:
    path = tmp_path / "k.pem"
    keys.generate(path, "paixilv-2021")

    with pytest.raises(keys.KeyFileError, match="exists"):
        keys.generate(path, "other")
    with pytest.raises(keys.KeyFileError, match="not 'other'"):
        keys.load(path, "other")
    with pytest.raises(keys.KeyFileError, match="key name"):
        keys.generate(tmp_path / "bad.pem", "has space")


def test_a_rotated_key_signs_new_checkpoints_and_old_ones_still_verify(
    sqlite_url: str, tmp_path: Path
) -> None:
    old = signer(tmp_path, "paixilv-2021")
    first = season_with_checkpoint(sqlite_url, old)
    previous, fresh = keys.rotate(
        tmp_path / "paixilv-2021.pem", tmp_path / "paixilv-2022.pem", "paixilv-2022"
    )
    name, key = keys.load(tmp_path / "paixilv-2022.pem")
    with village_app(sqlite_url) as app:
        app.handle(AdjustPoints("R1", BRANCH, XINGCAN, 1, "轮换后", SECRETARY, later(60)))
        second = cut_checkpoint(app.store, name, key, "按需", NOW, cosigners=[(old.name, old.key)])

    assert previous == old.verifier
    assert [name, old.name] == [s[0] for s in parse(second)[1]]  # co-signed by the old key
    assert checked(sqlite_url, [previous, fresh], [first, second]).ok
    with pytest.raises(keys.KeyFileError, match="new name"):
        keys.rotate(tmp_path / "paixilv-2022.pem", tmp_path / "x.pem", "paixilv-2022")


def test_cutting_again_without_new_events_returns_the_same_note(
    sqlite_url: str, tmp_path: Path
) -> None:
    who = signer(tmp_path)
    note = season_with_checkpoint(sqlite_url, who, extra=0)
    store = open_store(sqlite_url)
    try:
        again = cut_checkpoint(store, who.name, who.key, "周期结束", NOW)
        with pytest.raises(InvalidCommand):
            cut_checkpoint(store, who.name, who.key, "随便", NOW)
        assert (note, 1) == (again, len(store.read_checkpoints()))
    finally:
        store.close()


@pytest.mark.parametrize(
    "attack",
    [
        "UPDATE dangjian_chain SET hash = '00' || substr(hash, 3) WHERE seq = 30",
        "DELETE FROM stored_events WHERE rowid = 30",
        "DELETE FROM dangjian_chain WHERE seq = 31",
        "UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), '补记', '补计') AS BLOB) WHERE rowid = 29",
        "DELETE FROM dangjian_chain WHERE seq >= 27",
    ],
)
def test_a_checkpoint_that_would_contradict_the_log_or_an_earlier_one_is_refused(
    sqlite_url: str, tmp_path: Path, attack: str
) -> None:
    who = signer(tmp_path)
    season_with_checkpoint(sqlite_url, who)
    Sql(sqlite_url)(attack)
    store = open_store(sqlite_url)
    try:
        with pytest.raises(CheckpointRefused, match="audit verify"):
            cut_checkpoint(store, who.name, who.key, "按需", NOW)
        assert 1 == len(store.read_checkpoints())
    finally:
        store.close()


def test_two_histories_grown_from_one_checkpoint_are_a_fork(
    sqlite_url: str, tmp_path: Path
) -> None:
    who = signer(tmp_path)
    common = season_with_checkpoint(sqlite_url, who, extra=0)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    other = f"sqlite:///{shutil.copy(path, tmp_path / 'other.db')}"
    notes = {}
    for url, person in ((sqlite_url, LANZHI), (other, XINGCAN)):
        with village_app(url) as app:
            app.handle(AdjustPoints("F1", BRANCH, person, 3, "分叉", SECRETARY, later(50)))
            notes[url] = cut_checkpoint(app.store, who.name, who.key, "公示", NOW)
            app.handle(AdjustPoints("F2", BRANCH, person, 1, "再记", SECRETARY, later(51)))

    same_size = checked(other, [who.verifier], [common, notes[sqlite_url]])
    Sql(other)("DELETE FROM dangjian_checkpoints WHERE size > 28")
    longer = checked(other, [who.verifier], [notes[sqlite_url]])

    [fork] = [f for f in same_size.findings if f.check == "held"]
    assert ("fork", 29, 29) == (fork.code, fork.seq, fork.position)
    assert "其链头不在本链上" in fork.zh  # the other ledger grew on: the held head is not on it
    assert "fork" in codes(longer)
    assert checked(sqlite_url, [who.verifier], [common, notes[sqlite_url]]).ok


def test_a_checkpoint_of_another_ledger_or_by_an_unknown_key_is_flagged(
    sqlite_url: str, tmp_path: Path
) -> None:
    who = signer(tmp_path)
    note = season_with_checkpoint(sqlite_url, who)
    stranger = signer(tmp_path, "stranger")
    checkpoint, _ = parse(note)
    other_ledger = sign(
        Checkpoint("dangjian:elsewhere", checkpoint.size, checkpoint.head), who.name, who.key
    )
    by_stranger = sign(checkpoint, stranger.name, stranger.key)
    forged = note.replace(f"\n{checkpoint.size}\n", f"\n{checkpoint.size - 1}\n")
    store = open_store(sqlite_url)
    store.record_checkpoint(
        CheckpointRecord(30, checkpoint.head, by_stranger, "按需", NOW.isoformat())
    )
    store.close()

    report = checked(sqlite_url, [who.verifier], [other_ledger, by_stranger, forged])

    found = {(f.check, f.code, f.seq) for f in report.findings}
    assert {
        ("checkpoints", "unknown_key", 28),
        ("held", "wrong_ledger", 28),
        ("held", "unknown_key", 28),
        ("held", "bad_signature", 27),
    } <= found
    assert report.first.check == "checkpoints"


def test_note_verification_needs_a_pinned_key(tmp_path: Path) -> None:
    who = signer(tmp_path)
    note = sign(Checkpoint("dangjian:v", 0, b"\x00" * 32), who.name, who.key)

    assert (Checkpoint("dangjian:v", 0, b"\x00" * 32), who.verifier) == verify_note(
        note, [who.verifier]
    )
    assert who.verifier == VerifierKey.parse(who.verifier.text())
    with pytest.raises(CheckpointError):
        verify_note(note, [])
