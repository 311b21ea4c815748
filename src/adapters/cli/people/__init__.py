"""人员 — ``person …``: commands, views and sentences of the people concept."""
