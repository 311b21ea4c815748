"""擂台赛读模型的表 — the contest read models' tables: the contest and its notice, the
criteria of each scheme version, the contestants with their reports, rounds and published
places, the judges, the sheets (who has scored, never the marks), the marks shown
(written only when a round closes: 现场亮分) and the reviewer's comments."""

from __future__ import annotations

from dangjian_core.kernel.readmodel import Column, Table

_CONTEST = (Column("contest_id"),)
_ENTRY = (*_CONTEST, Column("unit_id"))

CONTESTS = Table(
    "contests",
    key=_CONTEST,
    values=(
        Column("host_unit_id"),
        Column("title"),
        Column("held_on"),
        Column("live_stream", "int"),
        Column("scheme_version", "int"),
        Column("scheme_name"),
        Column("aggregation"),
        Column("inspection_weight", "int"),
        Column("tie_rule"),
        Column("on_stage"),
        Column("published_version", "int"),
        Column("notice_start"),
        Column("notice_end"),
        Column("notice_days", "int"),
    ),
    indexes=(("host_unit_id",),),
)
CONTEST_CRITERIA = Table(
    "contest_criteria",
    key=(*_CONTEST, Column("version", "int"), Column("position", "int")),
    values=(Column("name"), Column("weight", "int")),
)
CONTEST_ENTRIES = Table(
    "contest_entries",
    key=_ENTRY,
    values=(
        Column("person_id"),
        Column("draw", "int"),
        Column("report_revision", "int"),
        Column("highlights"),
        Column("measures"),
        Column("results"),
        Column("shortcomings"),
        Column("next_steps"),
        Column("attachments"),
        Column("stage"),
        Column("sheets_in", "int"),
        Column("inspection"),
        Column("inspection_note"),
        Column("rank", "int"),
        Column("on_site"),
        Column("final"),
    ),
)
CONTEST_JUDGES = Table(
    "contest_judges",
    key=(*_CONTEST, Column("judge_id")),
    values=(Column("home_unit_id"),),
    indexes=(("judge_id",),),
)
CONTEST_SHEETS = Table(
    "contest_sheets",
    key=(*_ENTRY, Column("judge_id")),
    values=(
        Column("submitted_at"),
        Column("shown", "int"),
        Column("corrections", "int"),
        Column("reason"),
    ),
)
CONTEST_MARKS = Table(
    "contest_marks",
    key=(*_ENTRY, Column("judge_id"), Column("criterion")),
    values=(Column("mark"),),
)
CONTEST_REVIEWS = Table(
    "contest_reviews",
    key=(*_CONTEST, Column("reviewer"), Column("kind"), Column("position", "int")),
    values=(Column("reviewer_title"), Column("text")),
)

TABLES = (
    CONTESTS,
    CONTEST_CRITERIA,
    CONTEST_ENTRIES,
    CONTEST_JUDGES,
    CONTEST_SHEETS,
    CONTEST_MARKS,
    CONTEST_REVIEWS,
)
