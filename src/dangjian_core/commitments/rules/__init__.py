"""承诺规则 — what each commitment command must satisfy, after authority, in four parts:

- 承诺 :mod:`.drafting`: who pledges (a member; a party group or the branch, naming an
  owner per pledge), a pledge due within its year; drafted again only before submission,
  revised only once returned;
- 审诺、亮诺 :mod:`.vetting`: approve or return a submitted pledge; post once every pledge
  is approved, for a year; withdraw with a reason; change a posted pledge with a reason;
- 践诺 :mod:`.practice`: progress on posted pledges by their owners; villagers' feedback
  during the year on the board, shown or hidden with a reason, never deleted;
- 评诺 :mod:`.assessment`: the versioned rule, the bodies' grades once every pledge is
  due, and the conclusion that scores the pledges and the commitment.

Nothing changes on a commitment once its assessment is concluded.
"""

from dangjian_core.commitments.rules import assessment, drafting, practice, vetting

__all__ = ["assessment", "drafting", "practice", "vetting"]
