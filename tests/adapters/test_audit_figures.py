"""Figures for inspectors: a balance down to its chain entries, and any board as of a date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from adapters.app import Dangjian
from adapters.audit.cut import cut_checkpoint
from adapters.audit.evidence import of_store
from adapters.audit.proof import Proof, prove
from adapters.audit.rebuild import figures, rebuild
from tests.adapters.audit_support import NOW, Sql, season_with_checkpoint, signer
from tests.adapters.stores import village_app
from tests.adapters.test_replay import a_season
from tests.support import BRANCH, CST, LANZHI, XINGCAN, later


def _as_of(app: Dangjian, until: datetime, by: str = "at") -> dict[str, int]:
    with rebuild(app.store.iter_log(), until, by=by) as rebuilt:
        return {f.person_id: f.total for f in figures(rebuilt) if f.branch_id == BRANCH}


def test_a_board_as_of_a_date_counts_the_events_whose_command_time_is_not_after_it(
    app: Dangjian,
) -> None:
    a_season(app)

    before_review = _as_of(app, later(3))
    end_of_first_day = _as_of(app, datetime(2021, 10, 8, 23, 59, 59, tzinfo=CST))
    after_revocation = _as_of(app, later(31))
    by_recorded_time = _as_of(app, datetime(2022, 1, 1, tzinfo=UTC), by="recorded")

    assert {} == before_review
    assert {LANZHI: 7, XINGCAN: 3, "lv-baoyou": -1} == end_of_first_day
    assert {LANZHI: 7, XINGCAN: 0, "lv-baoyou": -1} == after_revocation
    assert {} == by_recorded_time  # everything was stored today, not in 2021


def test_the_whole_rebuild_equals_the_published_balances(app: Dangjian) -> None:
    a_season(app)

    with rebuild(app.store.iter_log()) as rebuilt:
        assert app.queries.wall(BRANCH, "2021-10") == rebuilt.queries.wall(BRANCH, "2021-10")
        assert app.queries.explain(LANZHI, "2021-10") == rebuilt.queries.explain(LANZHI, "2021-10")


def _proof(url: str) -> Proof:
    with village_app(url) as app:
        evidence = of_store(app.store)
        explanation = app.queries.explain(LANZHI, "2021-10")
        return prove(
            explanation,
            evidence.ledger,
            evidence.chain,
            app.store.read_positions,
            evidence.checkpoints,
        )


def test_every_line_of_a_balance_is_placed_on_the_chain_and_covered_by_a_checkpoint(
    sqlite_url: str, tmp_path: Path
) -> None:
    who = signer(tmp_path)
    season_with_checkpoint(sqlite_url, who)  # 3 adjustments for 吕兰枝 after the checkpoint
    uncovered = _proof(sqlite_url)
    with village_app(sqlite_url) as app:
        cut_checkpoint(app.store, who.name, who.key, "公示", NOW + timedelta(days=1))
    covered = _proof(sqlite_url)

    assert [21, 27, 29, 30, 31] == [line.seq for line in covered.lines]
    assert covered.ok
    assert uncovered.covered_by is None
    assert covered.covered_by is not None
    assert 31 == covered.covered_by.size


def test_a_changed_event_behind_a_balance_is_marked(sqlite_url: str, tmp_path: Path) -> None:
    season_with_checkpoint(sqlite_url, signer(tmp_path))
    Sql(sqlite_url)(
        "UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), '补记', '补计') AS BLOB) WHERE rowid = 30"
    )

    proof = _proof(sqlite_url)

    assert [(30, False)] == [(line.seq, line.links) for line in proof.lines if not line.links]
    assert not proof.ok
