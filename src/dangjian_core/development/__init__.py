"""发展对象的产生 — ranking activists for the development quota, the public notice (公示)
with its objections, confirmation as development candidates, and, for full members,
commendation and training (seed 000, DOMAIN.md §2)."""
