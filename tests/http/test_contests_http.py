"""述职擂台赛 over HTTP: the contest commands are served like every other (the actor is who
logged in, the time is the server's; a scheme's criteria and a judge's marks travel as pairs), and their read
models are read by key — where no sealed mark can be, since none is in any table."""

from __future__ import annotations

from tests.http.conftest import Server
from tests.support import BRANCH, MEMBER, SECRETARY

SCHEME = {
    "scheme_name": "述职评分细则",
    "criteria": [["陈述内容", 40], ["语言表达", 30], ["临场应变", 20], ["举止仪态", 10]],
    "aggregation": "trimmed",
    "inspection_weight": 50,
    "tie_rule": "on_site",
}


def test_the_host_opens_a_contest_and_adopts_its_scheme_and_anyone_reads_it(
    server: Server,
) -> None:
    secretary = server.logged_in(SECRETARY)
    held = server.app.now().date().isoformat()

    opened = secretary.command(
        "OpenContest", contest_id="c-1", host_unit_id=BRANCH, title="书记述职擂台赛", held_on=held
    )
    adopted = secretary.command("AdoptContestScheme", key="scheme-1", contest_id="c-1", **SCHEME)
    again = secretary.command("AdoptContestScheme", key="scheme-1", contest_id="c-1", **SCHEME)
    by_member = server.logged_in(MEMBER).command("AdoptContestScheme", contest_id="c-1", **SCHEME)
    reader = server.logged_in(MEMBER).client
    contests = reader.get("/views/contests?contest_id=c-1").json()["rows"]
    criteria = reader.get("/views/contest_criteria?contest_id=c-1").json()["rows"]

    assert 200 == opened.status_code, opened.text
    assert ["ContestOpened"] == [e["type"] for e in opened.json()["events"]]
    assert ["ContestSchemeAdopted"] == [e["type"] for e in adopted.json()["events"]]
    assert (200, True) == (again.status_code, again.json()["replayed"])
    assert (403, "unauthorized") == (by_member.status_code, by_member.json()["code"])
    assert (contests[0]["aggregation"], contests[0]["inspection_weight"]) == ("trimmed", 50)
    assert [c["name"] for c in sorted(criteria, key=lambda r: r["position"])] == [
        "陈述内容",
        "语言表达",
        "临场应变",
        "举止仪态",
    ]


def test_a_scheme_whose_weights_do_not_make_100_is_refused_and_writes_nothing(
    server: Server,
) -> None:
    secretary = server.logged_in(SECRETARY)
    held = server.app.now().date().isoformat()
    secretary.command(
        "OpenContest", contest_id="c-2", host_unit_id=BRANCH, title="擂台赛", held_on=held
    )
    lopsided = SCHEME | {"criteria": [["陈述内容", 60]]}

    refused = secretary.command("AdoptContestScheme", contest_id="c-2", **lopsided)
    rows = secretary.client.get("/views/contests?contest_id=c-2").json()["rows"]

    assert (422, "invalid") == (refused.status_code, refused.json()["code"]), refused.text
    assert "100" in refused.text
    assert not rows[0]["scheme_version"]
