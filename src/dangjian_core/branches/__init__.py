"""党支部 — a branch, its superior and its committee roles held for terms."""
