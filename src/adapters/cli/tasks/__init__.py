"""任务 — ``task …``: commands, views and sentences of the tasks concept."""
