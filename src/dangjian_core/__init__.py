"""dangjian_core — 基层党建的纯领域核心 (the pure domain core of grassroots party-branch work).

Every concept (branches, people, tasks, points) has the same four modules:
``commands``, ``events``, ``decisions`` (state, ``decide``, ``evolve``, errors) and
``projections``. Nothing here touches the clock, the disk or the network.
"""
