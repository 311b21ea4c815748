"""公示事项 — the period, contacts and signed checkpoint a printed board carries
(:class:`~adapters.boards.model.Notice`), from the export options and the calendar."""

from __future__ import annotations

from datetime import date

from adapters.app import Dangjian
from adapters.audit import keys
from adapters.audit.cut import cut_checkpoint
from adapters.boards.export import ExportOptions
from adapters.boards.model import Notice, date_zh
from adapters.cli.clock import now
from adapters.views.calendar import year_off
from dangjian_core.calendar.commands import DEFAULT_CALENDAR
from dangjian_core.calendar.workdays import HolidaysUndeclared


def notice_period(app: Dangjian, on: date, days: int) -> str:
    """``2021年11月22日至2021年11月26日（5个工作日）`` on the default calendar; where the
    calendar lacks the year's holidays, only the start and the number of working days."""
    calendar, _ = year_off(app.store, DEFAULT_CALENDAR, on.year)
    try:
        end = calendar.notice_period_end(on, days)
    except HolidaysUndeclared:
        return f"自{date_zh(on)}起{days}个工作日"
    return f"{date_zh(on)}至{date_zh(end)}（{days}个工作日）"


def notice_for(app: Dangjian, options: ExportOptions, on: date) -> Notice:
    """The notice a board exported with ``options`` on ``on`` carries; with ``--key``, a
    checkpoint is cut now (reason 公示) and printed with its QR code."""
    checkpoint = None
    if options.key is not None:
        name, private = keys.load(options.key)
        checkpoint = cut_checkpoint(app.store, name, private, "公示", now())
    return Notice(notice_period(app, on, options.notice_days), options.contacts, checkpoint)
