"""网格查询 — a branch's grid (blocks, posts, households, links) and the 1+6+N report,
from the read models."""

from __future__ import annotations

from attrs import frozen

from adapters.storage.views import Selecting
from adapters.views.units import roll
from dangjian_core.grids.events import GridPost
from dangjian_core.grids.queries import MemberLinks, is_stale, last_visit, link_shortfalls
from dangjian_core.people.events import PartyStatus


@frozen
class BlockView:
    """网格概况 — one block: its place, the holders of its posts, its households."""

    block_id: str
    name: str
    size: str
    parent_block_id: str | None
    posts: dict[str, str]
    households: int
    low_income: int
    links: int


@frozen
class LinkShortfall:
    """联户不足 — a member (not exempt) who serves fewer households than 1+6+N asks."""

    person_id: str
    name: str
    households: int


def blocks(views: Selecting, branch_id: str) -> list[BlockView]:
    """The branch's blocks, large ones each followed by the small ones inside them."""
    rows = views.select("grid_blocks", {"branch_id": branch_id}, order_by=("block_id",))
    found = []
    for row in rows:
        block_id = str(row["block_id"])
        posts = views.select("grid_posts", {"block_id": block_id})
        households = views.select("households", {"block_id": block_id})
        order = list(GridPost)
        holders = sorted(posts, key=lambda p: order.index(GridPost(str(p["post"]))))
        found.append(
            BlockView(
                block_id,
                str(row["name"]),
                str(row["size"]),
                None if row["parent_block_id"] is None else str(row["parent_block_id"]),
                {str(p["post"]): str(p["person_id"]) for p in holders},
                len(households),
                sum(1 for h in households if h["low_income"]),
                len(views.select("household_links", {"block_id": block_id})),
            )
        )
    large = [b for b in found if b.parent_block_id is None]
    ordered = []
    for block in large:
        ordered.append(block)
        ordered.extend(b for b in found if b.parent_block_id == block.block_id)
    return ordered + [b for b in found if b not in ordered]


def shortfalls(views: Selecting, branch_id: str, year: int) -> list[LinkShortfall]:
    """Members of the branch's roll linked to fewer households in ``year`` than the 1+6+N
    rule asks (:func:`dangjian_core.grids.queries.owes_links`)."""
    block_ids = [str(b["block_id"]) for b in views.select("grid_blocks", {"branch_id": branch_id})]
    counts: dict[str, set[tuple[str, str]]] = {}
    exempt: set[str] = set()
    for block_id in block_ids:
        for link in views.select("household_links", {"block_id": block_id}):
            served = counts.setdefault(str(link["person_id"]), set())
            served.add((block_id, str(link["household_id"])))
        exempt.update(
            str(e["person_id"]) for e in views.select("link_exemptions", {"block_id": block_id})
        )
    members = []
    for person in roll(views, branch_id):
        person_id = str(person["person_id"])
        details = views.select("person_details", {"person_id": person_id})
        born = details[0]["birth_year"] if details else None
        members.append(
            MemberLinks(
                person_id,
                str(person["name"]),
                PartyStatus(str(person["status"])),
                None if born in (None, "") else int(str(born)),
                person_id in exempt,
                len(counts.get(person_id, set())),
            )
        )
    return [
        LinkShortfall(m.person_id, m.name, m.households) for m in link_shortfalls(members, year)
    ]


@frozen
class StalePair:
    """久未走访 — a support pair with no visit in the period: the last visit, if any."""

    block_id: str
    household_id: str
    head: str
    person_id: str
    last_visit: str | None
    visits: int


def stale_pairs(
    views: Selecting, branch_id: str, since: str, until: str | None = None
) -> list[StalePair]:
    """The branch's pairs with no visit from ``since`` to ``until`` (ISO dates; visits
    after ``until`` are left out, so the report is the one that day would have shown)."""
    found = []
    for block in views.select("grid_blocks", {"branch_id": branch_id}, order_by=("block_id",)):
        block_id = str(block["block_id"])
        heads = {
            str(h["household_id"]): str(h["head"])
            for h in views.select("households", {"block_id": block_id})
        }
        for pair in views.select("pairs", {"block_id": block_id}, order_by=("household_id",)):
            where = {k: pair[k] for k in ("block_id", "household_id", "person_id")}
            days = [str(v["visited_on"]) for v in views.select("visits", where)]
            if until is not None:
                days = [day for day in days if day <= until]
            last = last_visit(days)
            if is_stale(days, since, until):
                household_id = str(pair["household_id"])
                found.append(
                    StalePair(
                        block_id,
                        household_id,
                        heads.get(household_id, ""),
                        str(pair["person_id"]),
                        last,
                        len(days),
                    )
                )
    return found
