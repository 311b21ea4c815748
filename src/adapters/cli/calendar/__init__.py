"""工作日历 — ``calendar …``: commands, views and sentences of the calendar concept."""
