"""公开承诺 — ``commitments …``: commands, views and sentences of the commitments concept."""
