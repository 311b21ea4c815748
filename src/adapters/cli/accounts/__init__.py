"""账户 — ``account …``: commands, views and sentences of the accounts concept."""
