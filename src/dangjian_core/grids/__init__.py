"""网格 — a village's grid (网格党建): large and small blocks, the four people assigned to
each small block (一网格一班子一干部一党员、代表), households and the members linked to the
households they serve (联户, "1+6+N"). One stream per block, ``grid-<block_id>``."""
