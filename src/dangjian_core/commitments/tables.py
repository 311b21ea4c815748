"""承诺读模型的表 — the commitment read models' tables: pledges, progress reports, feedback
and (apart, personal data) its givers, grades, scores and the rule's versions."""

from __future__ import annotations

from dangjian_core.kernel.readmodel import Column, Table

_BOOK = (Column("unit_id"), Column("year", "int"))
_PLEDGE = (*_BOOK, Column("pledger_id"), Column("item_no", "int"))

COMMITMENT_PLEDGES = Table(
    "commitment_pledges",
    key=_PLEDGE,
    values=(
        Column("collective", "int"),
        Column("owner_id"),
        Column("post"),
        Column("content"),
        Column("target"),
        Column("due"),
        Column("status"),
        Column("revisions", "int"),
        Column("ground"),
        Column("returned_reason"),
        Column("posted_on"),
        Column("posted_until"),
        Column("changes", "int"),
        Column("change_reason"),
        Column("withdrawn_reason"),
        Column("reports", "int"),
        Column("done", "int"),
        Column("last_report_at"),
        Column("score", "int"),
        Column("outcome"),
    ),
    indexes=(("owner_id",), ("year",)),
)
COMMITMENT_PROGRESS = Table(
    "commitment_progress",
    key=(*_PLEDGE, Column("position", "int")),
    values=(Column("note"), Column("evidence"), Column("done", "int"), Column("reported_at")),
)
COMMITMENT_FEEDBACK = Table(
    "commitment_feedback",
    key=(*_BOOK, Column("feedback_id")),
    values=(
        Column("pledger_id"),
        Column("item_no", "int"),
        Column("text"),
        Column("left_at"),
        Column("status"),
        Column("reason"),
        Column("moderated_at"),
    ),
)
COMMITMENT_FEEDBACK_CONTACTS = Table(
    "commitment_feedback_contacts",
    key=(*_BOOK, Column("feedback_id")),
    values=(Column("giver_id"), Column("contact_name"), Column("contact")),
)
COMMITMENT_GRADES = Table(
    "commitment_grades",
    key=(*_BOOK, Column("pledger_id"), Column("body"), Column("item_no", "int")),
    values=(Column("grade"), Column("note"), Column("assessed_at"), Column("position", "int")),
)
COMMITMENT_SCORES = Table(
    "commitment_scores",
    key=(*_BOOK, Column("pledger_id")),
    values=(
        Column("score", "int"),
        Column("rule_version", "int"),
        Column("pledges", "int"),
        Column("fulfilled", "int"),
        Column("partly", "int"),
        Column("not_fulfilled", "int"),
        Column("concluded_at"),
        Column("position", "int"),
    ),
    indexes=(("year", "pledger_id"),),
)
COMMITMENT_RULES = Table(
    "commitment_rules",
    key=(*_BOOK, Column("version", "int")),
    values=(
        Column("self_weight", "int"),
        Column("meeting_weight", "int"),
        Column("representatives_weight", "int"),
        Column("partly_value", "int"),
        Column("fulfilled_from", "int"),
        Column("partly_from", "int"),
        Column("adopted_at"),
    ),
)
TABLES = (
    COMMITMENT_PLEDGES,
    COMMITMENT_PROGRESS,
    COMMITMENT_FEEDBACK,
    COMMITMENT_FEEDBACK_CONTACTS,
    COMMITMENT_GRADES,
    COMMITMENT_SCORES,
    COMMITMENT_RULES,
)
