"""schemathesis against the published OpenAPI: every operation, fed generated bodies,
parameters and headers, as a logged-in secretary's service token. Whatever comes in,
the answer is never a server error, and every refusal has the documented JSON shape."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from adapters.app import open_app
from adapters.http import create_app
from adapters.identity import Identity
from dangjian_core.accounts.events import Scope
from tests.adapters.stores import village_app
from tests.http.conftest import PASSWORD
from tests.support import SECRETARY


def _served() -> tuple[Any, str]:
    app = village_app("memory://")
    door = Identity(app)
    door.accept(door.invite(SECRETARY, SECRETARY, command_id="invite").code, PASSWORD)
    token = door.issue_token(SECRETARY, "fuzz", (Scope.READ, Scope.WRITE), command_id="token")
    return create_app(app), token.token


API, TOKEN = _served()
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", API).exclude(path_regex="^/events/stream$")


@SCHEMA.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_a_server_error(case: Any) -> None:
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        body = response.json()
        assert {"code", "zh", "en"} <= set(body), body


assert open_app  # the application under test is opened by village_app
