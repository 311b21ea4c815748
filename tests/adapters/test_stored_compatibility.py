"""Data written by release 0.1 loads, verifies and re-encodes unchanged with this code.

Two fixtures were written by release 0.1 (commit fdfbb7a) and are kept as they came out:

- ``tests/fixtures/events-0.1.jsonl``: one stored event of every type it had, topic and
  bytes (the types added since are named in :data:`ADDED_SINCE_0_1`);
- ``tests/fixtures/paixilv-demo-0.1.db.gz``: the SQLite store ``make demo`` wrote.

Stored names are a storage contract: a class may move or be renamed, its stored name and
its bytes may not (a changed event gets a new name and an upcaster).
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from adapters.app import open_app
from adapters.audit.verify import verify
from adapters.storage.mapper import decode, encode
from dangjian_core.catalog import EVENT_TYPES

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _events_0_1() -> list[tuple[str, bytes]]:
    lines = (FIXTURES / "events-0.1.jsonl").read_text(encoding="utf-8").splitlines()
    return [(doc["topic"], doc["state"].encode()) for doc in map(json.loads, lines)]


EVENTS_0_1 = _events_0_1()

#: Stored names of the event types added since release 0.1 (its fixture cannot hold them).
#: A new event type is named here when it is added; a name of 0.1 never moves here.
ADDED_SINCE_0_1 = [
    "AccountClosed",
    "AccountInvited",
    "ApiTokenIssued",
    "ApiTokenRevoked",
    "InvitationAccepted",
    # The late-entry rule a unit's level above sets (issue 11).
    "LateEntryPolicySet",
    # Public commitments (issue 14), and the star criterion computed from them.
    "AssessmentConcluded",
    "AssessmentRuleAdopted",
    "CommitmentAssessed",
    "CommitmentCriterionSet",
    "CommitmentPosted",
    "CommitmentSubmitted",
    "PledgeApproved",
    "PledgeChanged",
    "PledgeDrafted",
    "PledgeFeedbackHidden",
    "PledgeFeedbackLeft",
    "PledgeFeedbackShown",
    "PledgeProgressReported",
    "PledgeReturned",
    "PledgeRevised",
    "PledgeWithdrawn",
    "RatingCriterionComputed",
    # Fair claiming (issue 20): the draw window, the waitlist, the no-shows.
    "ClaimWaitlisted",
    "DrawEntered",
    "DrawWindowClosed",
    "SlotsDrawn",
    "TaskConcluded",
    "WaitlistLeft",
    "WaitlistPromoted",
    # Duties with a cadence: road chiefs, red workshops (issue 15).
    "DutyAssigned",
    "DutyEnded",
    "DutyHandedOver",
    "PatrolLogged",
    "ProblemReported",
    "ProblemRouted",
    # The enterprise register 红色全覆盖 (issue 15).
    "EnterpriseDelisted",
    "EnterpriseListed",
    "PartyOrganizationFounded",
    # The secretaries' contest 述职擂台赛 (issue 16).
    "ContestInspectionRecorded",
    "ContestJudgeAppointed",
    "ContestOpened",
    "ContestReportFiled",
    "ContestResultsPublished",
    "ContestReviewRecorded",
    "ContestRoundClosed",
    "ContestRoundOpened",
    "ContestSchemeAdopted",
    "ContestScoreCorrected",
    "ContestScoreSubmitted",
    "ContestantEntered",
    # Campaigns and task forces 攻坚 (issue 15).
    "CampaignFrontOpened",
    "CampaignLaunched",
    "CampaignProblemCompleted",
    "CampaignProblemListed",
    "CampaignProblemStarted",
    "CampaignWorkLinked",
    "MilestoneProgressReported",
    "MilestoneSet",
    "TaskForceFormed",
    "TaskForceMemberJoined",
    "TaskForceMemberLeft",
    # Village decisions 四议两公开 / 五议两公开 (issue 16).
    "ImplementationRecorded",
    "MatterNoticePublished",
    "MatterObjectionAnswered",
    "MatterObjectionFiled",
    "MatterOpened",
    "MeetingHeld",
    "ProcedureAdopted",
    "RollSet",
    "SuggestionsGathered",
]


def test_the_stored_names_are_exactly_those_release_0_1_wrote_and_those_added_since() -> None:
    written = sorted(topic for topic, _ in EVENTS_0_1)

    assert [] == sorted(set(written) - set(EVENT_TYPES)), "names of 0.1 no longer loaded"
    assert [] == sorted(set(written) & set(ADDED_SINCE_0_1)), "names of 0.1 listed as new"
    assert sorted(written + ADDED_SINCE_0_1) == sorted(EVENT_TYPES)


@pytest.mark.parametrize(("topic", "state"), EVENTS_0_1, ids=[t for t, _ in EVENTS_0_1])
def test_an_event_stored_by_release_0_1_decodes_and_encodes_back_to_its_bytes(
    topic: str, state: bytes
) -> None:
    recorded, envelope = decode(topic, state, position=1, stream_id="s", version=1)
    assert (topic, state) == encode(recorded.event, envelope)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-0.1") / "paixilv-demo.db"
    with gzip.open(FIXTURES / "paixilv-demo-0.1.db.gz") as packed, path.open("wb") as out:
        shutil.copyfileobj(packed, out)
    return path


def test_the_demo_store_of_release_0_1_verifies_unchanged(demo_store: Path) -> None:
    with open_app(str(demo_store), create=False) as app:
        report = verify(app.store, (), ())
    assert (633, True) == (report.events, report.ok)


def test_the_demo_store_of_release_0_1_shows_lv_lanzhi_first_with_105(demo_store: Path) -> None:
    with open_app(str(demo_store), create=False) as app:
        wall = app.queries.wall("paixilv", "2021-10")
    first = wall[0].standing
    assert ("吕兰枝", 105) == (first.name, first.total)
