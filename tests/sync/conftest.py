"""Fixtures of the sync tests: laptops, a server database on SQLite or PostgreSQL, a running server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import Laptops, ServerThread, pg_available, pg_create, pg_drop, reset_server_db

from app.domain import uuid7


@pytest.fixture(scope="session")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> Laptops:
    return Laptops(tmp_path_factory.mktemp("laptop-template"))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL database of our own for this test session, dropped afterwards."""
    reason = pg_available()
    if reason:
        if os.environ.get("BANGFU_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)  # CI: the server suite must run on PostgreSQL
        pytest.skip(reason)
    name = "bangfu_sync_" + uuid7().replace("-", "")[:20]
    url = pg_create(name)
    yield url
    pg_drop(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The server database: an embedded SQLite file, or the session's PostgreSQL database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    url = request.getfixturevalue("pg_url")
    reset_server_db(url)
    return url


@pytest.fixture()
def server(db_url: str) -> Iterator[ServerThread]:
    srv = ServerThread(db_url)
    yield srv
    srv.stop()


@pytest.fixture()
def lite_url(tmp_path: Path) -> str:
    """A SQLite server database, for tests about the client or the network rather than storage."""
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture()
def lite_server(lite_url: str) -> Iterator[ServerThread]:
    srv = ServerThread(lite_url)
    yield srv
    srv.stop()
