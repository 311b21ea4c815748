"""dangjian_core — 基层党建的纯领域核心 (the pure domain core of grassroots party-branch work).

Every concept (units, people, tasks, points, …) is one package with the same files —
``commands``, ``events``, ``state``, ``decisions``, ``rules``, ``permissions``,
``projections``, ``queries`` — and exports one ``CONCEPT``; ``catalog`` lists them and
derives every registry; ``kernel`` holds what knows no concept (docs/programming-model.md).
Nothing here touches the clock, the disk or the network.
"""
