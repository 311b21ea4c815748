"""评星 — ``stars …``: commands, views and sentences of the ratings concept."""
