"""评星查询 — 创星榜, the star board and standards of a unit and year, from the read models."""

from __future__ import annotations

from adapters.storage.views import Rows, Selecting
from dangjian_core.ratings.queries import StarBoard, star_board


def board(views: Selecting, unit_id: str, year: int) -> StarBoard:
    """The board: fixed ratings with the names of the branches and people rated."""
    rows = views.select("star_ratings", {"unit_id": unit_id, "year": year})
    names: dict[str, str] = {}
    for row in rows:
        subject = str(row["subject_id"])
        table, key = ("units", "unit_id") if row["kind"] == "branch" else ("people", "person_id")
        found = views.select(table, {key: subject})
        if found:
            names[subject] = str(found[0]["name"])
    return star_board(unit_id, year, rows, names)


def standards(views: Selecting, unit_id: str, year: int) -> Rows:
    """The standards set for the unit and year, by kind."""
    return views.select("star_standards", {"unit_id": unit_id, "year": year}, order_by=("kind",))
