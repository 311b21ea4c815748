"""擂台赛查询 — the contest's figures from its read-model rows: the scheme of a version,
the standings of the rounds shown so far (the same calculation as the published results,
:mod:`~dangjian_core.contests.scoring`), and each contestant's score explained down to the
judges and the criteria."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from attrs import frozen

from dangjian_core.contests import scoring
from dangjian_core.contests.values import (
    Aggregation,
    ContestScheme,
    Criterion,
    TieRule,
    score_of,
    show,
)

Row = Mapping[str, Any]


def scheme_of(contest: Row, criteria: Iterable[Row]) -> ContestScheme:
    """The scheme a contest row and its criteria rows (one version) describe."""
    ordered = sorted(criteria, key=lambda r: int(r["position"]))
    return ContestScheme(
        str(contest["scheme_name"]),
        tuple(Criterion(str(r["name"]), int(r["weight"])) for r in ordered),
        Aggregation(str(contest["aggregation"])),
        int(contest["inspection_weight"] or 0),
        TieRule(str(contest["tie_rule"])),
    )


def contest_standings(
    scheme: ContestScheme, entries: Iterable[Row], marks: Iterable[Row]
) -> tuple[scoring.Ranked, ...]:
    """The ranking of the contestants whose marks are shown (closed rounds only: no
    table holds a sealed mark)."""
    sheets: dict[str, dict[str, dict[str, Decimal]]] = {}
    for row in marks:
        unit = sheets.setdefault(str(row["unit_id"]), {})
        unit.setdefault(str(row["judge_id"]), {})[str(row["criterion"])] = score_of(
            str(row["mark"])
        )
    scores = [
        scoring.contestant_score(
            scheme,
            str(e["unit_id"]),
            int(e["draw"]),
            sheets[str(e["unit_id"])],
            score_of(str(e["inspection"])) if e.get("inspection") else None,
        )
        for e in entries
        if str(e["unit_id"]) in sheets
    ]
    return scoring.rank_contestants(scheme, scores)


@frozen
class ContestExplanation:
    """得分说明 — how one contestant's score was reached: each judge's marks by criterion
    and weighted total (the dropped ones named), the aggregation, the on-site score, the
    inspection, the combination, the final score and the rank with the tie rule."""

    placed: scoring.Ranked
    scheme: ContestScheme

    def lines(self, names: Mapping[str, str]) -> list[str]:
        """The explanation in Chinese, one line each (``names``: judges' names by id)."""
        s, scheme = self.placed.score, self.scheme
        weights = "、".join(f"{c.name}{c.weight}%" for c in scheme.criteria)
        out = [f"评分细则「{scheme.name}」: {weights}; {scheme.aggregation.zh}"]
        dropped = {"highest": " (最高分, 去掉)", "lowest": " (最低分, 去掉)", "": ""}
        for sheet in s.sheets:
            marks = ", ".join(f"{c} {v}" for c, v in sheet.marks)
            who = names.get(sheet.judge_id, sheet.judge_id)
            out.append(f"  评委 {who}: {marks} → {show(sheet.total)}{dropped[sheet.dropped]}")
        out.append(f"现场得分 {show(s.on_site)}")
        if s.inspection is not None:
            w = scheme.inspection_weight
            out.append(
                f"实地考察 {show(s.inspection)}; 总分 = 现场 {show(s.on_site)} × {100 - w}% "
                f"+ 实地考察 {show(s.inspection)} × {w}% = {show(s.final)}"
            )
        tie = f" ({self.placed.tie})" if self.placed.tie else ""
        out.append(f"总分 {show(s.final)}, 第 {self.placed.rank} 名{tie}")
        return out


def explain(
    scheme: ContestScheme, ranking: Iterable[scoring.Ranked], unit_id: str
) -> ContestExplanation | None:
    """The explanation of ``unit_id``'s score in ``ranking``, or None when not shown yet."""
    found = next((r for r in ranking if r.score.unit_id == unit_id), None)
    return None if found is None else ContestExplanation(found, scheme)
