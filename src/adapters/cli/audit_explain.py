"""溯源 — ``audit explain`` (a balance down to its events and chain entries) and ``audit
attempts`` (refused commands).

Both read the live store, or with ``--bundle FILE`` a bundle whose boards are rebuilt from
its events. Each line of an explanation shows its chain entry's sequence number and hash,
whether the event's stored bytes still link to it, and the checkpoint that covers it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click

from adapters.app import Dangjian
from adapters.audit.evidence import Evidence, of_bundle, of_store
from adapters.audit.proof import prove
from adapters.audit.rebuild import rebuild
from adapters.cli.audit_verify import load_bundle
from adapters.cli.clock import now
from adapters.cli.errors import EXIT_VERIFY_FAILED
from adapters.cli.params import CYCLE
from adapters.cli.points.views import balance_lines, ledger_table
from adapters.cli.render import heading, plain, table
from adapters.cli.runtime import current
from adapters.cli.wall import pick_cycle
from adapters.storage.store import StoredRow
from dangjian_core.kernel.time import cycle_label

bundle_option = click.option(
    "--bundle",
    "bundle_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="用核查包代替事件库 / read a bundle",
)
cycle_option = click.option("--cycle", type=CYCLE, default=None, help="周期 YYYY-MM / cycle")


def opened(
    bundle_file: Path | None, until: datetime | None = None, by: str = "at"
) -> tuple[Dangjian, Evidence]:
    """The app to query (live, or rebuilt from the bundle or as of a time) and the evidence."""
    if bundle_file is not None:
        found = load_bundle(bundle_file)
        return rebuild(found.rows, until, by=by), of_bundle(found, str(bundle_file))
    app = current().app(must_exist=True)
    evidence = of_store(app.store)
    return (app if until is None else rebuild(evidence.rows(), until, by=by)), evidence


def _reader(evidence: Evidence) -> Callable[[list[int]], list[StoredRow]]:
    """Events by position: from the store, or from the bundle's rows."""
    if evidence.store is not None:
        return lambda positions: evidence.store.read_positions(positions) if evidence.store else []
    rows = {row.position: row for row in evidence.rows()}
    return lambda positions: [rows[p] for p in positions if p in rows]


@click.command("explain")
@click.argument("person_id")
@cycle_option
@bundle_option
def explain(person_id: str, cycle: str | None, bundle_file: Path | None) -> None:
    """公开积分溯源到事件及其链序号、哈希 / a balance down to its events and chain entries."""
    runtime = current()
    app, evidence = opened(bundle_file)
    probe = app.queries.explain(person_id, cycle or "")
    chosen = pick_cycle(app, probe.branch_id, cycle, now())
    explained = app.queries.explain(person_id, chosen)
    proof = prove(
        explained, evidence.ledger, evidence.chain, _reader(evidence), evidence.checkpoints
    )
    grid = table(None, ["事件", "链序号", "哈希 (hex)", "核对"], right=["事件", "链序号"])
    for line in proof.lines:
        digest = line.hash.hex()[:16] + "…" if line.hash else "—"
        grid.add_row(
            str(line.line.position), str(line.seq or "—"), digest, "✓" if line.links else "✗"
        )
    covered = proof.covered_by
    cover = (
        f"以上各条均在检查点 (大小 {covered.size}, {covered.reason}, {covered.cut_at}) 之内 "
        f"/ covered by the checkpoint of size {covered.size}"
        if covered
        else "尚无检查点覆盖这些事件 / no checkpoint covers these events yet"
    )
    e = proof.explanation
    lines = [
        {
            "position": p.line.position,
            "delta": p.line.delta,
            "seq": p.seq,
            "hash": p.hash.hex() if p.hash else None,
            "links": p.links,
        }
        for p in proof.lines
    ]
    document = {
        "ok": proof.ok,
        "person_id": person_id,
        "cycle": chosen,
        "total": e.total,
        "lines": lines,
        "covered_by": covered.size if covered else None,
    }
    title = heading(
        f"{e.name} ({person_id}) · {cycle_label(chosen)} 积分溯源 / explained down to the chain"
    )
    runtime.show(document, [title, ledger_table(e), *balance_lines(e), grid, cover])
    if not proof.ok:
        click.get_current_context().exit(EXIT_VERIFY_FAILED)


@click.command("attempts")
@click.option("--after", type=int, default=0, help="从此编号之后 / after this id")
@click.option("--limit", type=int, default=1000, show_default=True)
@bundle_option
def attempts(after: int, limit: int, bundle_file: Path | None) -> None:
    """被拒命令记录 / the attempts log: refused commands, who, when, why."""
    runtime = current()
    if bundle_file is not None:
        found = [a for a in load_bundle(bundle_file).attempts if a.id > after][:limit]
    else:
        found = runtime.app(must_exist=True).attempts(after, limit)
    grid = table(
        f"被拒命令 {len(found)} 条 / refused commands",
        ["编号", "命令时间", "操作人", "命令", "对象", "代码", "原因"],
        right=["编号"],
    )
    for a in found:
        grid.add_row(str(a.id), a.at, a.actor_id, a.command_type, a.stream_id, a.code, a.reason)
    runtime.show({"attempts": plain(found)}, [grid])


COMMANDS = (explain, attempts)
