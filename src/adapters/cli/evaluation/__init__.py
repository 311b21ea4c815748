"""考评 — ``eval …``: commands, views and sentences of the evaluation concept."""
