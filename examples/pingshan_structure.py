"""平山镇组织架构 — 平山镇's party organisation built from a roster (花名册) and printed.

From the seed article: 怀宁县平山镇党委 has 1 general branch (党总支) and 37 branches
(党支部) with 1462 members, and has set up 52 grid party groups (网格党小组). Here the
roster is generated (fixed seed, generated names): 12 village and community branches,
each with its grid party groups and its grid (a large block for the village, a small
block per group); 6 branches of the town's offices under the general branch; 19 other
branches (schools, the health centre, enterprises …). It is written as CSV files, imported
into a temporary SQLite store through the roster importer as 怀宁县委 (who founds the
town committee and so may found, register and appoint everything below it), and the
tree is printed with its counts, read back from the store.

Run: ``python examples/pingshan_structure.py [FOLDER]`` (the roster and the store go to
FOLDER, else to a temporary folder that is removed afterwards).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.tree import Tree

from adapters.app import Dangjian, open_app
from adapters.roster import Tables, import_roster, read_roster, write_roster
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8))
IMPORTED = datetime(2018, 1, 2, 9, 0, tzinfo=CST)
FOUNDED = "2017-01-01"
SEED = 2017
COUNTY, TOWN, GENERAL = "huaining-xianwei", "pingshan", "ps-jiguan"
MEMBERS, GROUPS = 1462, 52
VILLAGES = [
    "大洼社区",
    "花车村",
    "鸣凤村",
    "猫山社区",
    "平山村",
    "大段村",
    "桥头村",
    "黄苗村",
    "金山村",
    "凤林村",
    "新河村",
    "洪铺村",
]
OFFICES = [f"镇机关第{n}党支部" for n in "一二三四五六"]
OTHERS = [
    "平山中心学校党支部",
    "平山初级中学党支部",
    "大段小学党支部",
    "平山镇卫生院党支部",
    "平山供电所党支部",
    "平山派出所党支部",
    "平山财政所党支部",
    "离退休干部党支部",
    *(f"平山镇第{n}非公企业党支部" for n in "一二三四五六七八九十"),
    "平山镇个体劳动者党支部",
]
SURNAMES = "汪程胡丁檀李王张陈刘杨黄吴周徐孙朱高何郭马罗梁宋郑谢韩唐冯"
GIVEN = "金江秉军节春林建国志明华红兵平安永福德文海涛玉兰英芳秀云山伟强东"


def names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct generated Chinese names (surname + one or two characters)."""
    found: set[str] = set()
    while len(found) < count:
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        found.add(rng.choice(SURNAMES) + given)
    return sorted(found, key=lambda _: rng.random())


def roster(rng: random.Random) -> Tables:
    """The town's roster: units, people, roles and grids as rows of the four sheets."""
    units: list[list[Any]] = [
        [TOWN, "平山镇党委", "党委", "", FOUNDED, 1],
        [GENERAL, "平山镇机关党总支", "党总支", TOWN, FOUNDED, 1],
    ]
    villages = [f"ps-v{i:02d}" for i in range(1, len(VILLAGES) + 1)]
    offices = [f"ps-j{i:02d}" for i in range(1, len(OFFICES) + 1)]
    others = [f"ps-q{i:02d}" for i in range(1, len(OTHERS) + 1)]
    units += [
        [u, f"{n}党支部", "党支部", TOWN, FOUNDED, 1]
        for u, n in zip(villages, VILLAGES, strict=True)
    ]
    units += [[u, n, "党支部", GENERAL, FOUNDED, 1] for u, n in zip(offices, OFFICES, strict=True)]
    units += [[u, n, "党支部", TOWN, FOUNDED, 1] for u, n in zip(others, OTHERS, strict=True)]
    groups: dict[str, list[str]] = {v: [] for v in villages}
    for index in range(GROUPS):
        village = villages[index % len(villages)]
        group = f"{village}-g{len(groups[village]) + 1}"
        groups[village].append(group)
        name = f"{VILLAGES[villages.index(village)]}第{len(groups[village])}网格党小组"
        units.append([group, name, "党小组", village, FOUNDED, 1])

    # Every member is on one roll: the town committee's two leaders, then each branch's
    # secretary and (in the villages) a leader for each group, then the rest at random.
    people_ids = [f"ps-m{i:04d}" for i in range(1, MEMBERS + 1)]
    homes = [TOWN, TOWN]
    branches = villages + offices + others
    homes += branches
    homes += [v for v in villages for _ in groups[v]]
    weights = [8.0 if b in villages else 2.0 if b in offices else 1.5 for b in branches]
    homes += rng.choices(branches, weights, k=MEMBERS - len(homes))
    people: list[list[Any]] = []
    for person, name, home in zip(people_ids, names(rng, MEMBERS), homes, strict=True):
        probationary = rng.random() < 0.03
        status = "预备党员" if probationary else "正式党员"
        since = (
            date(2017, rng.randint(1, 12), rng.randint(1, 28))
            if probationary
            else date(rng.randint(1970, 2016), rng.randint(1, 12), rng.randint(1, 28))
        )
        gender = rng.choice(("男", "男", "女"))
        people.append(
            [person, name, home, status, since.isoformat(), gender, rng.randint(1940, 1995), "", ""]
        )
    by_home: dict[str, list[str]] = {}
    for row in people:
        by_home.setdefault(row[2], []).append(row[0])

    roles: list[list[Any]] = [
        [TOWN, by_home[TOWN][0], "书记", FOUNDED],
        [TOWN, by_home[TOWN][1], "副书记", FOUNDED],
        [GENERAL, by_home[offices[0]][0], "书记", FOUNDED],
    ]
    roles += [[b, by_home[b][0], "书记", FOUNDED] for b in branches]
    grids: list[list[Any]] = []
    for village, name in zip(villages, VILLAGES, strict=True):
        secretary = by_home[village][0]
        block = f"{village}-w"
        grids.append([block, village, name, "大网格", "", "", "", "", ""])
        for number, group in enumerate(groups[village], start=1):
            leader = by_home[village][number]
            roles.append([group, leader, "党小组长", FOUNDED])
            grids.append(
                [
                    f"{block}{number}",
                    village,
                    f"{name}第{number}网格",
                    "小网格",
                    block,
                    secretary,
                    "",
                    leader,
                    "",
                ]
            )
    # The town's first two are 汪金生 and 丁江波 of the article.
    people[0][1], people[1][1] = "汪金生", "丁江波"
    return {"单位": units, "人员": people, "职务": roles, "网格": grids}


def tree_of(app: Dangjian) -> tuple[Tree, dict[UnitKind, int], int]:
    """The tree of units read back from the store, each with the members on its roll(s)."""
    nodes = app.queries.tree(IMPORTED)
    sizes = app.queries.roll_sizes()
    leaders = {
        h.unit_id: h.person_id
        for h in app.queries.holders(None, IMPORTED)
        if h.role in (Role.SECRETARY, Role.GROUP_LEADER)
    }
    names_of = {p: app.queries.person(p, IMPORTED.date()).person["name"] for p in leaders.values()}
    children: dict[str | None, list[Any]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    kinds: dict[UnitKind, int] = {}
    for node in nodes:
        kinds[node.kind] = kinds.get(node.kind, 0) + 1

    def members(unit_id: str) -> int:
        return sizes.get(unit_id, 0) + sum(members(n.unit_id) for n in children.get(unit_id, []))

    def below(unit_id: str) -> list[Any]:
        under = children.get(unit_id, [])
        return under + [n for child in under for n in below(child.unit_id)]

    def label(node: Any) -> str:
        parts = [f"{node.name}({node.kind.zh})"]
        if node.kind != UnitKind.PARTY_GROUP:
            parts.append(f"党员 {members(node.unit_id)} 名")
        under = [n.kind for n in below(node.unit_id)]
        for kind in (UnitKind.GENERAL_BRANCH, UnitKind.BRANCH, UnitKind.PARTY_GROUP):
            if under.count(kind):
                parts.append(
                    f"{'网格' if kind == UnitKind.PARTY_GROUP else ''}{kind.zh} {under.count(kind)} 个"
                )
        if node.unit_id in leaders:
            title = "党小组长" if node.kind == UnitKind.PARTY_GROUP else "书记"
            parts.append(f"{title} {names_of[leaders[node.unit_id]]}")
        return " · ".join(parts)

    root = Tree("平山镇组织架构 / the organisation of 平山镇")

    def add(parent: Tree, node: Any) -> None:
        branch = parent.add(label(node))
        for child in children.get(node.unit_id, []):
            add(branch, child)

    for node in children.get(None, []):
        add(root, node)
    return root, kinds, members(TOWN)


def main(folder: Path) -> None:
    """Write the roster, import it, print the tree and the counts."""
    console = Console(markup=False, highlight=False)
    rows = roster(random.Random(SEED))
    written = write_roster(folder / "花名册", rows)
    console.print(f"已生成平山镇花名册: {', '.join(p.name for p in written)}")
    store = folder / "pingshan.db"
    with open_app(f"sqlite:///{store}") as app:
        report = import_roster(app, read_roster([folder / "花名册"]), actor_id=COUNTY, at=IMPORTED)
        counts = "、".join(f"{s.sheet} {s.rows} 行" for s in report.sheets)
        console.print(f"已导入花名册: {counts}; 写入事件 {report.events} 条")
        tree, kinds, members = tree_of(app)
    console.print(tree)
    k = UnitKind
    console.print(
        f"平山镇党委下辖 {kinds.get(k.GENERAL_BRANCH, 0)} 个党总支、{kinds.get(k.BRANCH, 0)} 个党支部、"
        f"{kinds.get(k.PARTY_GROUP, 0)} 个网格党小组, 共有党员 {members} 名"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory(dir=os.environ.get("DANGJIAN_EXAMPLE_DIR")) as scratch:
            main(Path(scratch))
