"""Fuzzing the checkpoint parser and verifier keys: whatever text comes in, the only error
is :class:`CheckpointError` — and a note that verifies after a change is the same note."""

from __future__ import annotations

import contextlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.audit.checkpoints import (
    Checkpoint,
    CheckpointError,
    VerifierKey,
    cosign,
    parse,
    sign,
    verify,
)
from adapters.audit.keys import verifier_key

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PIN = verifier_key("paixilv-2021", KEY)
NOTE = sign(Checkpoint("dangjian:paixilv", 31, bytes(range(32))), "paixilv-2021", KEY)
FUZZ = settings(max_examples=400, deadline=None)
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", "\n\n", "a\n²\nAAAA\n\n— k AAAA\n", "a\n1\n" + "A" * 44 + "\n\n— k+1 AAAA\n"]
)


def test_the_signed_note_format_is_pinned() -> None:
    """A test vector: the key from bytes 0..31 signing (dangjian:paixilv, 31, bytes 0..31)."""
    body, signature = NOTE.split("\n\n")

    assert "dangjian:paixilv\n31\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" == body
    assert signature.startswith("— paixilv-2021 ")
    assert signature.endswith("\n")
    assert PIN.text().startswith("paixilv-2021+")
    assert "+AQ" in PIN.text()
    assert (parse(NOTE)[0], PIN) == verify(NOTE, [PIN])


@FUZZ
@given(TEXT)
def test_any_text_parses_as_a_note_or_raises_checkpoint_error(text: str) -> None:
    for candidate in (text, NOTE + text, text + NOTE):
        try:
            checkpoint, _ = parse(candidate)
            verify(candidate, [PIN])
        except CheckpointError:
            continue
        assert checkpoint.size >= 0


@FUZZ
@given(st.data())
def test_a_changed_note_never_verifies_as_a_different_checkpoint(data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(NOTE) - 1))
    replacement = data.draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=3))
    changed = NOTE[:at] + replacement + NOTE[at + 1 :]
    try:
        checkpoint, key = verify(changed, [PIN])
    except CheckpointError:
        return
    assert (parse(NOTE)[0], PIN) == (checkpoint, key)  # only insignificant changes survive


@FUZZ
@given(TEXT)
def test_any_text_is_a_verifier_key_or_raises_checkpoint_error(text: str) -> None:
    for candidate in (text, PIN.text() + text, text + PIN.text(), PIN.text()[: len(text)]):
        try:
            key = VerifierKey.parse(candidate)
        except CheckpointError:
            continue
        assert (
            key.text() == candidate.strip()
            or key.key_id.hex() == candidate.strip().split("+")[1].lower()
        )


@FUZZ
@given(
    st.binary(min_size=32, max_size=32), st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
)
def test_any_public_key_bytes_and_names_verify_or_raise_checkpoint_error(
    raw: bytes, name: str
) -> None:
    with contextlib.suppress(CheckpointError):
        verify(NOTE, [VerifierKey("paixilv-2021", raw), VerifierKey.parse(f"{name}+00000000+AQ==")])
    with contextlib.suppress(CheckpointError):
        cosign(NOTE, name, KEY)
