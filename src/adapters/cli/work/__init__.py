"""中心工作 — ``work …``: commands, views and sentences of the work concept."""
