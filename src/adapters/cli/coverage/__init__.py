"""命令行: 红色全覆盖 — the register of above-scale enterprises and its coverage."""
