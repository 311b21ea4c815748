"""积分证 — a person's points for a cycle, printed: the total, the points per category,
every ledger line behind them, and a QR code that opens the page where the villager's
own phone checks each line against the signed checkpoint posted on the notice board
(``/verify/points/<id>``, issue 17). A :class:`Board`, so it prints like the others."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from adapters.boards.model import Board, Column, Section
from dangjian_core.kernel.time import cycle_label
from dangjian_core.points.queries import Explanation

LINE_COLUMNS = (
    Column("日期", 10),
    Column("事项", 16),
    Column("积分", 4, numeric=True),
    Column("任务", 8),
)
CATEGORY_COLUMNS = (Column("类别", 16), Column("积分", 4, numeric=True))


def verify_address(base_url: str, person_id: str, cycle: str) -> str:
    """The check page a card's QR code opens (the same address as the points page's)."""
    return f"{base_url.rstrip('/')}/verify/points/{quote(person_id, safe='')}?cycle={cycle}"


def points_card(
    explained: Explanation, unit_name: str, as_of: date, *, base_url: str, signed_by: str | None
) -> tuple[Board, str]:
    """The card of ``explained`` as posted on ``as_of``, and the address its QR code holds."""
    lines = tuple(
        (
            str(line.at)[:10],
            line.category or line.kind,
            line.delta,
            line.ref,
        )
        for line in explained.lines
    )
    categories = tuple((name, points) for name, points in sorted(explained.categories.items()))
    address = verify_address(base_url, explained.person_id, explained.cycle)
    board = Board(
        kind="points_card",
        title=f"{explained.name}积分证",
        unit_name=unit_name,
        as_of=as_of,
        sections=(
            Section("分类积分", CATEGORY_COLUMNS, categories),
            Section("积分明细", LINE_COLUMNS, lines),
        ),
        period=cycle_label(explained.cycle),
        footnotes=(
            f"合计 {explained.total} 分，为以上各行之和。",
            "扫描二维码，可在自己的手机上逐条核验每一行积分是否记入公示栏上的签名检查点。",
        ),
        signed_by=signed_by,
        meta=(("姓名", explained.name),),
        link=address,
    )
    return board, address
