"""Any text the policy admits — Chinese, emoji, rare scripts, newlines in free text — is
stored and read back unchanged on SQLite and PostgreSQL; what it refuses never reaches
the store."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.app import Dangjian
from dangjian_core.kernel.errors import InvalidCommand, build
from dangjian_core.kernel.validation import clean
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from tests.adapters.stores import village_app
from tests.support import BRANCH, ORGANIZER, T0

NAMES = st.text(min_size=1, max_size=40)
_numbers = itertools.count()


def _register(app: Dangjian, name: str) -> str:
    person_id = f"p{next(_numbers)}"
    command = build(
        RegisterPerson,
        person_id=person_id,
        branch_id=BRANCH,
        name=name,
        status=PartyStatus.VILLAGER,
        status_since=T0.date(),
        actor_id=ORGANIZER,
        at=T0,
    )
    app.handle(command)
    return person_id


@pytest.mark.parametrize("backend_url", ["sqlite_url", "postgres_url"])
def test_admitted_text_round_trips_and_refused_text_writes_nothing(
    backend_url: str, request: pytest.FixtureRequest
) -> None:
    url: str = request.getfixturevalue(backend_url)
    with village_app(url) as app:

        @settings(
            max_examples=40,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture],
        )
        @given(NAMES)
        def stored_as_given(name: str) -> None:
            before = app.store.max_position()
            if clean(name) is not None:
                with pytest.raises(InvalidCommand):
                    _register(app, name)
                assert before == app.store.max_position()
                return
            person_id = _register(app, name)
            assert name == app.queries.person(person_id, T0.date()).person["name"]

        stored_as_given()
