"""Training data never meets real data: the sync guard on both sides, and the real database untouched.

Servers run for real on loopback (uvicorn in a thread): a real county server (``demo=False``) and
the demo server of training mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import select

from app import training
from app.domain import Household, OutboxOp
from app.errors import BangfuError
from app.services import registry
from app.sync import client, state
from server.app import create_app
from server.auth import issue_enrollment
from server.db import sqlite_url
from server.models import Device, Record
from server.training_demo import DemoServer, LoopbackServer, serve_for_sandbox
from tests.training.conftest import tree_hashes


@pytest.fixture()
def real_server(tmp_path: Path) -> Iterator[LoopbackServer]:
    app = create_app(sqlite_url(tmp_path / "county-server.db"))
    with LoopbackServer(app) as srv:
        srv.db = app.state.db  # type: ignore[attr-defined]
        yield srv
    app.state.db.dispose()


def _first_household(db: Any) -> Household:
    with db.read() as s:
        return s.exec(select(Household).order_by(Household.id)).first()


def test_training_database_refuses_to_enroll_or_sync_with_a_real_server(sandbox_db: Any,
                                                                        real_server: LoopbackServer) -> None:
    assert httpx.get(f"{real_server.url}/health").json()["demo"] is False
    code, _ = issue_enrollment(real_server.db, ["520123"], "village")  # type: ignore[attr-defined]
    with pytest.raises(BangfuError) as err:
        client.enroll(sandbox_db, code, real_server.url)
    assert err.value.code == "training.sync_real_server"
    assert "培训数据库" in str(err.value)
    with real_server.db.read() as s:  # type: ignore[attr-defined]
        assert s.exec(select(Device)).first() is None  # nothing was sent: the code is still unused

    # a sandbox that somehow holds a real server's address and a token still refuses to sync
    hh = _first_household(sandbox_db)
    registry.update_household(sandbox_db, hh.id, {"phone": "13900000001"})
    state.write(sandbox_db, **{state.SERVER: real_server.url, state.TOKEN: "not-a-real-token"})
    with pytest.raises(BangfuError) as err:
        client.sync(sandbox_db)
    assert err.value.code == "training.sync_real_server"
    with sandbox_db.read() as s:
        assert [op.status for op in s.exec(select(OutboxOp))] == ["pending"]
    with real_server.db.read() as s:  # type: ignore[attr-defined]
        assert s.exec(select(Record)).first() is None

    # the server's own lock: requests labelled as training are refused by a real server
    answer = httpx.get(f"{real_server.url}/sync/status",
                       headers={training.TRAINING_HEADER: "1", "Authorization": "Bearer x"})
    assert answer.status_code == 403 and answer.json()["code"] == "training_refused"


def test_training_demo_server_refuses_a_real_database(db: Any, tmp_path: Path) -> None:
    with DemoServer(tmp_path / "training", port=0) as demo:
        assert httpx.get(f"{demo.url}/health").json()["demo"] is True
        code = demo.issue_code(["520123"])
        with pytest.raises(BangfuError) as err:
            client.enroll(db, code, demo.url)
        assert err.value.code == "training.sync_demo_server"
        with pytest.raises(BangfuError):
            serve_for_sandbox(db, tmp_path / "training")
        # unlabelled requests (a real database's client) are refused by the demo server itself
        answer = httpx.post(f"{demo.url}/enroll", json={})
        assert answer.status_code == 403 and answer.json()["code"] == "training_only"
        with demo.db.read() as s:
            assert s.exec(select(Device)).first() is None


def test_training_leaves_the_real_database_untouched(home: Path, db: Any, household: Any, template_sandbox: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything training mode does — CLI, edits, demo server and sync, reset — never touches the
    real database's files (or creates any file beside them)."""
    from app.cli import main

    real_path = db.path
    assert real_path == home / "bangfu.db"
    db.close()
    before = tree_hashes(home)
    assert "bangfu.db" in before and "bangfu.db.keys" in before

    monkeypatch.setattr(training, "DEFAULT_SCENARIO", "fresh_village")
    assert main(["training", "--no-gui", "--db", str(real_path)]) == 0
    sandbox = training.sandbox_info(training.sandbox_path(real_path), real_path)
    sb = training.open_sandbox(sandbox)
    try:
        hh = _first_household(sb)
        registry.update_household(sb, hh.id, {"phone": "13900000002"})
        server, done = serve_for_sandbox(sb, sandbox.folder, port=0)
        try:
            assert done["enrolled"] and done["seeded"] > 0
            report = client.sync(sb)
            assert report.applied == 1 and report.rejected == 0
            with server.db.read() as s:
                assert s.get(Record, ("household", hh.id)).data["phone"] == "13900000002"
        finally:
            server.stop()
    finally:
        sb.close()
    training.reset_training(path=sandbox.path, real_db=real_path)

    assert tree_hashes(home) == before
