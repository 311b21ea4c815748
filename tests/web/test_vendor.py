"""The vendored axe-core is the file pinned by version and SHA-256, with its licence."""

from __future__ import annotations

import hashlib

from tests.web import checks


def test_axe_is_the_pinned_file() -> None:
    digest = hashlib.sha256(checks.AXE.read_bytes()).hexdigest()
    assert checks.AXE_SHA256 == digest
    assert checks.axe_source().startswith(f"/*! axe v{checks.AXE_VERSION}\n")


def test_the_readme_names_the_same_version_and_hash() -> None:
    readme = (checks.VENDOR / "README.md").read_text(encoding="utf-8")
    assert f"axe-core {checks.AXE_VERSION} " in readme
    assert f"`npm pack axe-core@{checks.AXE_VERSION}`" in readme
    assert f"SHA-256 of `axe.min.js`: `{checks.AXE_SHA256}`" in readme


def test_axe_comes_with_its_licence() -> None:
    licence = (checks.VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("Mozilla Public License, version 2.0")
    assert "MIT License" in (checks.VENDOR / "LICENSE-3RD-PARTY.txt").read_text(encoding="utf-8")
