"""发展对象 — ``dev …``: commands, views and sentences of the development concept."""
