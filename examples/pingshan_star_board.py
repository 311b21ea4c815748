"""平山镇创星榜 — 平山镇's 2017 star ratings, reproduced from generated data.

From the seed article: 怀宁县平山镇党委 has 1 general branch and 37 branches with 1462
members; on its 2017 创星榜 it rated 2 five-star and 5 four-star branches, and 63 five-star,
306 four-star and 5 two-star members. Here the county (怀宁县委) sets the standards (members:
60/70/80/90/96 for one to five stars out of 100; branches: 60/70/80/85/90 out of 110, five
stars needing an innovation project), the town's secretary 汪金生 proposes every rating
from a generated score (fixed seed, generated names), the five days of posting pass, the
ratings are fixed, and the board is printed.

Run: ``python examples/pingshan_star_board.py [DB_PATH]`` (in memory without a path).
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any

from rich.console import Console

from adapters.app import Dangjian, open_app
from adapters.cli.ratings.views import counts_table, entries_table
from adapters.official_holidays import official_commands
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.ratings.commands import FixRating, ProposeRating, SetStarStandard
from dangjian_core.ratings.events import RatedKind
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8))
DAY0 = datetime(2018, 1, 2, 9, 0, tzinfo=CST)
YEAR = 2017
COUNTY, TOWN, GENERAL = "huaining-xianwei", "pingshan", "pingshan-zongzhi"
SECRETARY = "wang-jinsheng"  # 汪金生, 镇党委书记
SEED = 2017
BRANCHES, MEMBERS = 37, 1462
#: The published figures: stars → how many branches, how many members.
BRANCH_STARS = {5: 2, 4: 5}
MEMBER_STARS = {5: 63, 4: 306, 2: 5}
#: Score ranges that each star level's standard gives (members of 100, branches of 110).
MEMBER_BANDS = {5: (96, 100), 4: (90, 95), 3: (80, 89), 2: (70, 79), 1: (60, 69)}
BRANCH_BANDS = {5: (90, 110), 4: (85, 89)}
SURNAMES = "汪程胡丁檀李王张陈刘杨黄吴周徐孙朱高何郭马罗梁宋郑谢韩唐冯"
GIVEN = "金江秉军节春林建国志明华红兵平安永福德文海涛玉兰英芳秀云山伟强东"


def names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct generated Chinese names (surname + one or two characters)."""
    found: set[str] = set()
    while len(found) < count:
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        found.add(rng.choice(SURNAMES) + given)
    return sorted(found, key=lambda _: rng.random())


def build_town(app: Dangjian, rng: random.Random) -> tuple[list[str], list[str]]:
    """The town, its general branch, 37 branches and 1462 members; their ids."""

    def at(minutes: int = 0) -> dict[str, Any]:
        return {"actor_id": COUNTY, "at": DAY0 + timedelta(minutes=minutes)}

    app.handle(FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "平山镇党委", None, 1, **at()))
    app.handle(FoundUnit(GENERAL, UnitKind.GENERAL_BRANCH, "平山镇机关党总支", TOWN, 1, **at()))
    since = date(2000, 7, 1)
    app.handle(RegisterPerson(SECRETARY, TOWN, "汪金生", PartyStatus.FULL, since, **at()))
    app.handle(AppointRole(TOWN, SECRETARY, Role.SECRETARY, **at()))
    branches = [f"ps-{i:02d}" for i in range(1, BRANCHES + 1)]
    for number, branch in enumerate(branches, start=1):
        name = f"平山镇第{number}党支部"
        app.handle(FoundUnit(branch, UnitKind.BRANCH, name, TOWN, 1, **at()))
    members = [f"ps-m{i:04d}" for i in range(1, MEMBERS)]
    for person, name in zip(members, names(rng, len(members)), strict=True):
        branch = rng.choice(branches)
        app.handle(RegisterPerson(person, branch, name, PartyStatus.FULL, since, **at()))
    return branches, members


def rate(app: Dangjian, rng: random.Random, branches: list[str], members: list[str]) -> None:
    """Standards from the county; every rating proposed, posted five days, then fixed."""
    county = {"actor_id": COUNTY, "at": DAY0 + timedelta(days=1)}
    scale = (60, 70, 80, 90, 96)
    app.handle(SetStarStandard(TOWN, YEAR, RatedKind.MEMBER, 100, scale, **county))
    scale = (60, 70, 80, 85, 90)
    app.handle(
        SetStarStandard(
            TOWN, YEAR, RatedKind.BRANCH, 110, scale, **county, innovation_for_five=True
        )
    )
    # A rating is posted five working days (公示): the calendar needs the year's holidays.
    for declared in official_commands(DAY0.year, unit_id=TOWN, actor_id=SECRETARY, at=DAY0):
        app.handle(declared)
    proposed = {"actor_id": SECRETARY, "at": DAY0 + timedelta(days=2)}
    plan = [(RatedKind.BRANCH, s, BRANCH_BANDS[s], n) for s, n in BRANCH_STARS.items()]
    plan += [(RatedKind.MEMBER, s, MEMBER_BANDS[s], n) for s, n in MEMBER_STARS.items()]
    pools = {
        RatedKind.BRANCH: rng.sample(branches, len(branches)),
        RatedKind.MEMBER: rng.sample(members, len(members)),
    }
    rated = []
    for kind, stars, (low, high), count in plan:
        for subject in (pools[kind].pop() for _ in range(count)):
            score = rng.randint(low, high)
            project = kind is RatedKind.BRANCH and stars == 5
            app.handle(
                ProposeRating(TOWN, YEAR, kind, subject, score, **proposed, innovation=project)
            )
            rated.append((kind, subject))
    fixed = {"actor_id": SECRETARY, "at": DAY0 + timedelta(days=10)}
    for kind, subject in rated:
        app.handle(FixRating(TOWN, YEAR, kind, subject, **fixed))


def main() -> int:
    """Build, rate and print the board; the store is in memory unless a path is given."""
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    rng = random.Random(SEED)
    with open_app(url) as app:
        branches, members = build_town(app, rng)
        rate(app, rng, branches, members)
        board = app.queries.star_board(TOWN, YEAR)
    console = Console(highlight=False)
    console.print(
        f"平山镇党委 {YEAR} 年度创星榜 (党支部 {BRANCHES} 个, 党员 {MEMBERS} 名)", style="bold"
    )
    console.print(counts_table(board))
    console.print(entries_table("党支部", board.branches))
    console.print(entries_table("党员", board.members))
    branch_counts, member_counts = board.counts(RatedKind.BRANCH), board.counts(RatedKind.MEMBER)
    console.print(
        f"五星党支部 {branch_counts[5]} 个, 四星党支部 {branch_counts[4]} 个", soft_wrap=True
    )
    console.print(
        f"五星级党员 {member_counts[5]} 名, 四星级党员 {member_counts[4]} 名, "
        f"二星级党员 {member_counts[2]} 名",
        soft_wrap=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
