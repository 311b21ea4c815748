"""党组织 — ``unit …`` and ``branch …``: commands, views and sentences of the units concept."""
