"""恶意输入 — a short round of the hostile-input run (:mod:`tests.fuzz`) on every store:
hostile command lines through the CLI and spoiled commands through the library give no
traceback, and nothing outside the text policy is stored. The long run's figures are in
docs/security.md."""

from __future__ import annotations

from adapters.app import open_app
from adapters.views.reading import read
from tests.fuzz import fuzz_cli, fuzz_library, stored_outside_policy, village


def test_hostile_input_gives_typed_refusals_and_stores_only_policy_text(store_url: str) -> None:
    with village(store_url) as app:
        library = fuzz_library(app, 300, seed=20261203)
    typed = fuzz_cli(store_url, 60, seed=20261203) if not store_url.startswith("memory") else None

    assert [] == library.tracebacks
    assert 300 == library.runs
    assert library.outcomes["invalid"] > 0  # the spoiled fields were refused for their shape
    if typed is not None:
        assert [] == typed.tracebacks
        assert sum(typed.outcomes.values()) == 60
    if not store_url.startswith("memory"):
        with open_app(store_url) as again:
            assert [] == stored_outside_policy(again)


def test_a_query_naming_an_id_with_a_nul_finds_nothing_on_every_store(store_url: str) -> None:
    # PostgreSQL refuses a NUL even in a comparison: before, `balance 'p\x00'` failed there.
    with village(store_url) as app:
        assert [] == app.queries.trail("person:p\x00")
        with read(app.store) as views:
            assert [] == views.select("people", {"person_id": "p\x00"})
