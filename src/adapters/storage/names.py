"""存储默认值 — the default store and the environment variable naming it, in a module that
imports nothing (the command line reads them before it needs any backend)."""

from __future__ import annotations

#: The embedded default: a SQLite file in the working directory.
DEFAULT_STORE = "./dangjian.db"
#: The environment variable naming the store (a path or a URL).
ENV_VAR = "DANGJIAN_STORE"
