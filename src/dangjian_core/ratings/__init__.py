"""评星 — star ratings (星级评定) of members and branches against standards set by the upper
unit, posted before they are fixed, and the star board (创星榜)."""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.ratings import decisions, permissions, projections
from dangjian_core.ratings.commands import (
    FixRating,
    LowerRating,
    ProposeRating,
    RatingCommand,
    RemoveRating,
    SetCommitmentCriterion,
    SetStarStandard,
)
from dangjian_core.ratings.events import EVENTS, RatingEvent
from dangjian_core.ratings.state import BOARD, BoardState

CONCEPT: Concept[RatingCommand, RatingEvent, BoardState | None] = Concept(
    name="ratings",
    stream=BOARD,
    subject=lambda command: command.board_id,
    commands=(
        SetStarStandard,
        SetCommitmentCriterion,
        ProposeRating,
        FixRating,
        LowerRating,
        RemoveRating,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"unit_id": "branch"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
