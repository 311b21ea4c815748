"""命令行: 职责 — road chiefs, red workshops, patrols and compliance."""
