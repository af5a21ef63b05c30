"""The laptop side in detail: local edits survive pulls, audit of pulled rows, clock skew, backoff,
a first sync that stops half-way and resumes."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select
from sync_support import client_state, enroll, fast_backoff, seed_village, server_state

from app.domain import AuditEntry, Household
from app.errors import BangfuError
from app.services import registry
from app.services.audit import verify
from app.sync import client, state
from app.sync.apply import apply_changes
from app.sync.backoff import Backoff, Retryable


def _pull_only(db) -> None:
    """One pull page applied by hand, before this laptop has pushed anything (as after a failed push)."""
    t = client.transport_for(db)
    try:
        with db.read() as s:
            cursor = state.cursor(s)
        page = t.pull(cursor, 500)
        apply_changes(db, page.changes, page.reference, cursor=page.cursor)
    finally:
        t.close()


def test_a_pull_never_overwrites_an_unsent_local_edit(lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    client.sync(a, backoff=fast_backoff())
    client.sync(b, backoff=fast_backoff())
    registry.update_household(a, hh.id, {"phone": "13800000001", "address": "一组"})
    client.sync(a, backoff=fast_backoff())
    registry.update_household(b, hh.id, {"phone": "13900000002"})  # not sent yet
    _pull_only(b)
    with b.read() as s:
        row = s.get(Household, hh.id)
        assert (row.phone, row.address) == ("13900000002", "一组")  # ours kept, the rest taken
        assert state.refetch_list(s) == [("household", hh.id)]
    report = client.sync(b, backoff=fast_backoff())
    assert report.conflicts == 1 and report.refetched >= 1
    with b.read() as s:
        assert s.get(Household, hh.id).phone == "13800000001"  # the county's value, ours under review
        assert state.refetch_list(s) == []
    client.sync(a, backoff=fast_backoff())
    assert client_state(a) == client_state(b) == server_state(lite_url)


def test_pulled_rows_are_audited_in_the_same_chain(lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    client.sync(a, backoff=fast_backoff())
    client.sync(b, backoff=fast_backoff())
    registry.update_household(a, hh.id, {"address": "三组"})
    client.sync(a, backoff=fast_backoff())
    client.sync(b, backoff=fast_backoff())
    with b.read() as s:
        applied = list(s.exec(select(AuditEntry).where(AuditEntry.action == "sync.apply")))
        checked, problems = verify(s)
    assert problems == [] and checked > len(applied) >= 5
    change = [e for e in applied if e.entity_id == hh.id and "changes" in e.fields][-1]
    assert change.fields["changes"]["address"][1] == "三组" and change.fields["author"]
    # pulled rows did not go back out through the outbox
    from app.domain import OutboxOp

    with b.read() as s:
        assert s.exec(select(OutboxOp)).all() == []


def test_clock_skew_is_reported(lite_server, lite_url, laptops, tmp_path: Path, monkeypatch) -> None:
    import server.app as server_app
    from app.protocol import now as real_now

    a = laptops.new(tmp_path)
    enroll(a, lite_server.url, lite_url)
    monkeypatch.setattr(server_app, "now", lambda: real_now() + timedelta(minutes=12))
    report = client.sync(a, backoff=fast_backoff())
    assert report.skew_s is not None and 11 * 60 < report.skew_s < 13 * 60
    assert any("12 分钟" in w for w in report.warnings)
    assert 11 * 60 < client.status(a)["skew_s"] < 13 * 60
    monkeypatch.setattr(server_app, "now", real_now)
    assert client.sync(a, backoff=fast_backoff()).warnings == []


def test_first_sync_stops_half_way_and_resumes(lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    seed_village(a, households=5)
    client.sync(a, backoff=fast_backoff())
    pages = {"n": 0}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "pull":
            pages["n"] += 1

    with pytest.raises(BangfuError) as err:
        client.sync(b, backoff=fast_backoff(), pull_limit=4, progress=progress, cancel=lambda: pages["n"] >= 2)
    assert err.value.code == "sync.cancelled"
    with b.read() as s:
        half = state.cursor(s)
        rows = len(list(s.exec(select(Household))))
    assert 0 < half and rows < 5
    client.sync(b, backoff=fast_backoff(), pull_limit=4)
    client.sync(a, backoff=fast_backoff())
    assert client_state(b) == client_state(a) == server_state(lite_url)


def test_backoff_grows_with_full_jitter_and_gives_up() -> None:
    slept: list[float] = []
    b = Backoff(attempts=5, base=1.0, cap=8.0, sleep=slept.append, rng=random.Random(3))
    calls = {"n": 0}

    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] < 4:
            raise Retryable("down")
        return "ok"

    assert b.run(flaky) == "ok" and calls["n"] == 4 and len(slept) == 3
    assert all(0 <= d <= min(8.0, 2 ** i) for i, d in enumerate(slept))
    many = [Backoff(base=1.0, cap=8.0, rng=random.Random(i)).delay(5) for i in range(200)]
    assert max(many) <= 8.0 and min(many) < 1.0 and len(set(many)) > 150  # spread, not lock-step
    slept.clear()
    with pytest.raises(Retryable):
        Backoff(attempts=3, base=0.1, sleep=slept.append).run(lambda: (_ for _ in ()).throw(Retryable("x")))
    assert len(slept) == 2

    def refused() -> None:
        raise BangfuError("sync.revoked")

    slept.clear()
    with pytest.raises(BangfuError):
        Backoff(attempts=5, sleep=slept.append).run(refused)
    assert slept == []  # a refusal is not retried
