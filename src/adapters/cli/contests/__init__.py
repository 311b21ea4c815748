"""擂台赛命令行 — ``dangjian contest …``: the commands, the reads and the sentences of the
secretaries' contest (述职擂台赛)."""
