"""Property-based fuzzing of the JSON API against its own OpenAPI schema (schemathesis).

The schema is the one the app serves (``/api/openapi.json``, django-ninja); the app is
called in-process through WSGI, authenticated with a bearer token of a coordinator (who
may submit, list and read reports). For every operation schemathesis generates valid
and invalid requests and checks that

* the server never answers 5xx (``not_a_server_error``), and
* every response is declared: status code, content type and body match the schema.

Bounded for the suite: at most 25 examples per operation, derandomised, no deadline.
"""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def keep_test_connection() -> Any:
    """The WSGI app is called directly, not through Django's test client: like the client,
    keep request signals from closing the connection that holds the test's transaction."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(make_user: Any, keep_test_connection: Any) -> dict[str, str]:
    from ilmio.accounts.services import create_api_token

    user = make_user("coordinator", "15", username="fuzz_coordinator")
    _token, key = create_api_token(user, "fuzz")
    return {"Authorization": f"Bearer {key}"}


def _load_schema() -> Any:
    # Loaded at collection: producing the schema touches no database.
    from ilmio.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


schema = _load_schema()


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: Any, bearer: dict[str, str]) -> None:
    # The test client's host; Django's test environment allows "testserver".
    case.call_and_validate(headers={**bearer, "Host": "testserver"}, checks=CHECKS)
