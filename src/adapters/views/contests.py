"""擂台赛查询 — a contest from its read models: the contest and its scheme, the contestants
with their reports, the panel, who has scored (never what: sheets are sealed until 现场亮分),
the marks shown, the standings of the rounds shown so far and each score explained, the
reviewer's comments and the published results.

No query can show a sealed mark: the marks table holds only the rounds already closed
(:mod:`dangjian_core.contests.projections`). Rows are plain ``dict``; calculations are the
core's (:mod:`dangjian_core.contests.queries`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one, read
from dangjian_core.contests import scoring
from dangjian_core.contests.queries import ContestExplanation, contest_standings, explain, scheme_of
from dangjian_core.contests.values import ContestScheme

Row = dict[str, Any]


@frozen
class ContestView:
    """一场擂台赛 — its row, the scheme in force (None before one is adopted), the
    contestants in drawn order, the judges, and the names of every unit and person."""

    contest: Row
    scheme: ContestScheme | None
    entries: tuple[Row, ...]
    judges: tuple[Row, ...]
    names: dict[str, str]

    def name(self, subject_id: str) -> str:
        """A unit's or person's name (its id when it has none)."""
        return self.names.get(subject_id, subject_id)

    @property
    def published(self) -> bool:
        """Whether the results are published."""
        return bool(self.contest.get("notice_start"))


@frozen
class Standings:
    """现场排名 — the ranking of the rounds shown so far, each score explained; final once
    :attr:`published`."""

    view: ContestView
    ranking: tuple[scoring.Ranked, ...]
    reviews: tuple[Row, ...]

    def explained(self, unit_id: str) -> ContestExplanation | None:
        """How ``unit_id``'s score was reached (None before its round closes)."""
        assert self.view.scheme is not None
        return explain(self.view.scheme, self.ranking, unit_id)


def _key(contest_id: str) -> dict[str, Any]:
    return {"contest_id": contest_id}


def names_of(views: Selecting, ids: Iterable[str]) -> dict[str, str]:
    """The names of the units and people among ``ids``."""
    found: dict[str, str] = {}
    for subject in set(ids):
        rows = views.select("units", {"unit_id": subject}) or views.select(
            "people", {"person_id": subject}
        )
        if rows:
            found[subject] = str(rows[0]["name"])
    return found


def contest(views: Selecting, contest_id: str) -> ContestView:
    """A contest (refused when there is none)."""
    row = one(views.select("contests", _key(contest_id)), "擂台赛", contest_id)
    scheme = None
    if row["scheme_version"]:
        where = {**_key(contest_id), "version": row["scheme_version"]}
        scheme = scheme_of(row, views.select("contest_criteria", where))
    entries = tuple(
        sorted(views.select("contest_entries", _key(contest_id)), key=lambda r: int(r["draw"] or 0))
    )
    judges = tuple(views.select("contest_judges", _key(contest_id), order_by=("judge_id",)))
    ids = [str(row["host_unit_id"])]
    ids += [str(e["unit_id"]) for e in entries] + [str(e["person_id"]) for e in entries]
    ids += [str(j["judge_id"]) for j in judges]
    return ContestView(row, scheme, entries, judges, names_of(views, ids))


def standings(views: Selecting, contest_id: str) -> Standings:
    """The ranking of the rounds shown, with the reviewer's comments."""
    view = contest(views, contest_id)
    marks = views.select("contest_marks", _key(contest_id))
    ranking = () if view.scheme is None else contest_standings(view.scheme, view.entries, marks)
    order = ("reviewer", "kind", "position")
    reviews = tuple(views.select("contest_reviews", _key(contest_id), order_by=order))
    return Standings(view, ranking, reviews)


class ContestQueries:
    """擂台赛查询 — the contest read models of a store, each query catching them up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def contest(self, contest_id: str) -> ContestView:
        """The contest, its scheme, contestants and judges."""
        with read(self._store) as views:
            return contest(views, contest_id)

    def contests(self) -> Rows:
        """Every contest, by id."""
        with read(self._store) as views:
            return views.select("contests", {}, order_by=("contest_id",))

    def sheets(self, contest_id: str, unit_id: str | None = None) -> Rows:
        """Who has scored whom (no marks: sealed until shown), corrections and reasons."""
        where = _key(contest_id) | ({} if unit_id is None else {"unit_id": unit_id})
        with read(self._store) as views:
            return views.select("contest_sheets", where, order_by=("unit_id", "judge_id"))

    def marks(self, contest_id: str, unit_id: str) -> Rows:
        """The marks shown for a contestant (none before 现场亮分)."""
        where = {**_key(contest_id), "unit_id": unit_id}
        with read(self._store) as views:
            return views.select("contest_marks", where, order_by=("judge_id", "criterion"))

    def standings(self, contest_id: str) -> Standings:
        """The ranking of the rounds shown so far, each score explained."""
        with read(self._store) as views:
            return standings(views, contest_id)


@frozen
class Stage:
    """台上 — a contestant on stage in a contest ``judge_id`` judges: the criteria to mark,
    whether the judge has scored (the marks stay sealed) and whether they must abstain
    (the contestant is of their own unit)."""

    contest_id: str
    title: str
    unit_id: str
    unit_name: str
    person_name: str
    criteria: tuple[tuple[str, int], ...]
    submitted: bool
    abstains: bool


def stages(views: Selecting, judge_id: str) -> list[Stage]:
    """The rounds open now in every contest ``judge_id`` judges."""
    found: list[Stage] = []
    for row in views.select("contest_judges", {"judge_id": judge_id}, order_by=("contest_id",)):
        view = contest(views, str(row["contest_id"]))
        unit_id = str(view.contest["on_stage"] or "")
        if not unit_id or view.scheme is None:
            continue
        entry = next(e for e in view.entries if e["unit_id"] == unit_id)
        key = {**_key(view.contest["contest_id"]), "unit_id": unit_id, "judge_id": judge_id}
        found.append(
            Stage(
                str(view.contest["contest_id"]),
                str(view.contest["title"]),
                unit_id,
                view.name(unit_id),
                view.name(str(entry["person_id"])),
                tuple((c.name, c.weight) for c in view.scheme.criteria),
                bool(views.select("contest_sheets", key)),
                row["home_unit_id"] == unit_id or entry["person_id"] == judge_id,
            )
        )
    return found


def judge_stages(store: EventStore, judge_id: str) -> list[Stage]:
    """The rounds open now that ``judge_id`` judges (caught up first)."""
    with read(store) as views:
        return stages(views, judge_id)
