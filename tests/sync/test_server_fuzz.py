"""API fuzzing: schemathesis generates requests from the published OpenAPI document, valid and
invalid, with a real device token; the server must never answer with a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from app.protocol import EnrollRequest
from app.sync.bundlefile import KeyPairs
from server.app import create_app
from server.auth import enroll, issue_enrollment

# schemathesis drives ASGI apps through starlette's test client, which warns about its httpx use.
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'server.db'}"
    app = create_app(url)
    code, _row = issue_enrollment(app.state.db, ["520123001001"], "county")
    keys = KeyPairs.generate()
    answer = enroll(app.state.db, EnrollRequest(code=code, device_id="01a22500-0000-7000-8000-00000000f001",
                                                sign_key=keys.sign_public, box_key=keys.box_public))
    yield app, answer.token
    app.state.db.dispose()


def _operations() -> list[str]:
    import tempfile

    app = create_app(f"sqlite:///{tempfile.gettempdir()}/bangfu-fuzz-collect.db", migrate=False)  # never opened
    try:
        return [op.ok().label for op in schemathesis.openapi.from_asgi("/openapi.json", app).get_all_operations()]
    finally:
        app.state.db.dispose()


@pytest.mark.parametrize("label", _operations())
def test_no_server_errors(label: str, fuzz_target: tuple[object, str]) -> None:
    """Valid and invalid requests for each operation of the OpenAPI document; none may give a 5xx."""
    app, token = fuzz_target
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    (operation,) = [op.ok() for op in schema.get_all_operations() if op.ok().label == label]
    calls = []

    @settings(max_examples=40, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                          operation.as_strategy(GenerationMode.NEGATIVE)))
    def run(case) -> None:
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        calls.append(response.status_code)
        assert response.status_code < 500, (label, response.status_code)

    run()
    assert calls  # the operation was really exercised


def test_openapi_document_describes_the_protocol(fuzz_target: tuple[object, str], tmp_path: Path) -> None:
    app, _token = fuzz_target
    doc = app.openapi()  # type: ignore[attr-defined]
    for path in ("/sync/push", "/sync/pull", "/sync/fetch", "/enroll", "/attachments/{sha256}",
                 "/lifecycle/{request_id}/decision", "/health"):
        assert path in doc["paths"]
    push = doc["paths"]["/sync/push"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "ops" in push["properties"]
