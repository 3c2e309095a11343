"""The OpenAPI document describes the API truly: schemathesis fuzzes every
operation against it and finds no server error and no response off its schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.api.conftest import API

CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
SPOILER_MODES = ["none", "upto:0", "upto:3", "upto:9999", "all"]
KNOWN_SLUGS = ["the-keeper-1970", "night-train-1985", "liv-ullmann", "nordisk-film"]


# Loaded at import: reading the document needs no database, and the lazy
# fixture loader does not run under pytest 9.
schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calls straight into the WSGI app must not close the connection that holds
    the test's transaction, as Django's own test client ensures; on PostgreSQL
    they would."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.given(
    slug=st.sampled_from([None, *KNOWN_SLUGS]),
    spoilers=st.sampled_from([None, *SPOILER_MODES]),
)
@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_errors_or_breaks_its_schema(
    catalogue, settings, case, slug, spoilers
):
    """Most generated slugs are swapped for real ones, and some spoiler values
    for valid modes, so the fuzzing also reaches published stories at every
    cut, drafts, people and studios; rate limits are lifted so every example
    reaches the code behind them."""
    settings.PLOTGUIDE_RATE_LIMITS = {}
    if slug is not None and "slug" in (case.path_parameters or {}):
        case.path_parameters["slug"] = slug
    if spoilers is not None and case.operation.path.endswith("/story"):
        case.query = {**(case.query or {}), "spoilers": spoilers}
    case.call_and_validate(checks=CHECKS)


def test_the_document_and_the_docs_page_are_served(client, db):
    document = client.get(f"{API}/openapi.json").json()
    assert document["info"]["version"] == "1"
    assert "/api/v1/films/{slug}/story" in document["paths"]
    assert client.get(f"{API}/docs").status_code == 200
