"""One ID number, one person: a second record with it is refused, naming the first.

Two person records with the same ID number once let a reviewer approve their own claim
under a second identity. The refusal is decided under the command's lock from the
details view topped up with the log, on every backend.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from adapters.app import Dangjian, open_app
from dangjian_core.people.commands import RecordPersonDetails, RegisterPerson, is_id_number
from dangjian_core.people.events import Gender, PartyStatus
from dangjian_core.people.state import DuplicateIdNumber
from tests.adapters.stores import village_app
from tests.support import BRANCH, LANZHI, ORGANIZER, later

ID_NUMBER = "11010519491231002X"
OTHER_ID_NUMBER = "110105198001011238"
SINCE = date(2021, 1, 1)


def _register(person_id: str, id_number: str, hours: float) -> RegisterPerson:
    return RegisterPerson(
        person_id,
        BRANCH,
        "吕某",
        PartyStatus.VILLAGER,
        SINCE,
        ORGANIZER,
        later(hours),
        id_number=id_number,
    )


def _details(person_id: str, id_number: str, hours: float) -> RecordPersonDetails:
    return RecordPersonDetails(
        person_id, Gender.FEMALE, 1990, "", id_number, ORGANIZER, later(hours)
    )


def test_a_second_registration_with_the_same_id_number_is_refused_naming_the_first(
    app: Dangjian,
) -> None:
    app.handle(_register("lv-first", ID_NUMBER, 1))
    before = app.store.max_position()

    with pytest.raises(DuplicateIdNumber) as refused:
        app.handle(_register("lv-second", ID_NUMBER, 2))

    assert "lv-first" in str(refused.value)
    assert refused.value.code == "duplicate_id_number"
    assert before == app.store.max_position()


def test_recording_another_persons_id_number_as_ones_details_is_refused(app: Dangjian) -> None:
    app.handle(_register("lv-first", ID_NUMBER, 1))
    before = app.store.max_position()

    with pytest.raises(DuplicateIdNumber, match="lv-first"):
        app.handle(_details(LANZHI, ID_NUMBER, 2))

    assert before == app.store.max_position()


def test_the_holder_may_record_their_own_number_again_and_others_may_use_other_numbers(
    app: Dangjian,
) -> None:
    app.handle(_register("lv-first", ID_NUMBER, 1))

    again = app.handle(_details("lv-first", ID_NUMBER, 2))
    other = app.handle(_register("lv-second", OTHER_ID_NUMBER, 3))
    without = app.handle(_register("lv-third", "", 4))

    assert again.changed
    assert other.changed
    assert without.changed


@pytest.mark.parametrize("backend_url", ["postgres_url", "sqlite_url"])
def test_two_registrations_of_one_id_number_at_once_let_exactly_one_through(
    backend_url: str, request: pytest.FixtureRequest
) -> None:
    url: str = request.getfixturevalue(backend_url)
    with village_app(url) as one, open_app(url) as two:
        outcomes = [_race(one, two, number) for number in range(8)]

    assert all(["recorded", "refused"] == sorted(outcome) for outcome in outcomes)


def _race(one: Dangjian, two: Dangjian, number: int) -> list[str]:
    """Two people registered with one ID number by two applications at the same moment."""
    id_number = _valid_id_number(number)
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def register(app: Dangjian, person_id: str) -> None:
        barrier.wait()
        try:
            app.handle(_register(person_id, id_number, 1))
            outcomes.append("recorded")
        except DuplicateIdNumber:
            outcomes.append("refused")

    threads = [
        threading.Thread(target=register, args=(app, f"{side}-{number}"))
        for app, side in ((one, "a"), (two, "b"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _valid_id_number(number: int) -> str:
    """A valid ID number, different for each ``number``."""
    base = f"3301021990{number:04d}123"[:17]
    return next(base + check for check in "0123456789X" if is_id_number(base + check))
