"""网格 — ``grid …``: commands, views and sentences of the grids concept."""
