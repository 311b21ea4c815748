"""村务决策命令行 — ``dangjian matters …``."""
