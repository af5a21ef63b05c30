"""Every fault the proxy can inject, one at a time: exactly once, nothing lost, everyone equal."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select
from sync_support import (
    FaultProxy,
    add_visit,
    client_state,
    enroll,
    fast_backoff,
    point_at,
    seed_village,
    server_ops,
    server_state,
)

from app.domain import OutboxOp
from app.services import registry
from app.sync import client


def _every_op_once(db_url: str, *laptops) -> None:
    ops = server_ops(db_url)
    assert set(ops.values()) <= {1}
    for db in laptops:
        with db.read() as s:
            rows = list(s.exec(select(OutboxOp)))
        assert Counter(r.status for r in rows) <= Counter({"applied": len(rows), "conflict": len(rows)})
        assert {r.op_id for r in rows} <= set(ops)


class FirstPushFaults:
    """Inject ``action`` on every push until it has done so ``times`` times, then pass."""

    def __init__(self, action: str, times: int = 2) -> None:
        self.action = action
        self.left = times

    def __call__(self, info) -> str:
        if self.left and info.path.startswith("/sync/push"):
            self.left -= 1
            return self.action
        return "pass"


@pytest.mark.parametrize("action", ["drop_before", "drop_after", "drop_mid", "duplicate", "delay", "replay_later",
                                    "cut_request"])
def test_push_survives_fault(action: str, lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    proxy = FaultProxy(lite_server.port, FirstPushFaults(action))
    try:
        point_at(a, proxy.url)
        _v, (hh,) = seed_village(a)
        add_visit(a, hh.id)
        report = client.sync(a, backoff=fast_backoff(attempts=5))
        assert report.pending == 0 and report.rejected == 0
        registry.update_household(a, hh.id, {"phone": "13800000009"})
        add_visit(a, hh.id, "第二次走访")
        proxy.plan = FirstPushFaults(action)
        client.sync(a, backoff=fast_backoff(attempts=5))
        client.sync(a, backoff=fast_backoff(attempts=5))  # a replayed old batch may arrive now: harmless
        assert proxy.stats[action] >= 2  # the fault did happen (twice per round where it makes a retry)
        client.sync(b, backoff=fast_backoff())
        _every_op_once(lite_url, a)
        state = server_state(lite_url)
        assert sum(1 for key in state if key[0] == "visit") == 2
        assert client_state(a) == client_state(b) == state
    finally:
        proxy.close()


@pytest.mark.parametrize("action", ["drop_before", "drop_after", "drop_mid", "cut_request"])
def test_pull_survives_fault(action: str, lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    seed_village(a, households=3)
    client.sync(a, backoff=fast_backoff())
    calls = {"n": 0}

    def every_other_pull(info) -> str:
        if info.path.startswith("/sync/pull"):
            calls["n"] += 1
            return action if calls["n"] % 2 else "pass"
        return "pass"

    proxy = FaultProxy(lite_server.port, every_other_pull)
    try:
        point_at(b, proxy.url)
        client.sync(b, backoff=fast_backoff(attempts=6), pull_limit=4)
        assert proxy.stats[action] >= 2
        client.sync(a, backoff=fast_backoff())
        assert client_state(b) == client_state(a) == server_state(lite_url)
    finally:
        proxy.close()


def test_server_down_keeps_everything_and_says_so(lite_server, lite_url, laptops, tmp_path: Path) -> None:
    from app.errors import BangfuError

    a = laptops.new(tmp_path)
    enroll(a, lite_server.url, lite_url)
    proxy = FaultProxy(lite_server.port, lambda info: "drop_before")
    try:
        point_at(a, proxy.url)
        seed_village(a)
        with pytest.raises(BangfuError) as err:
            client.sync(a, backoff=fast_backoff(attempts=3))
        assert err.value.code == "sync.network"
        assert "3" in str(err.value)
        info = client.status(a)
        assert info["pending"] > 0 and info["last_error"] == "sync.network"
        proxy.plan = None
        report = client.sync(a, backoff=fast_backoff())
        assert report.pending == 0
        assert client.status(a)["last_error"] is None
        _every_op_once(lite_url, a)
    finally:
        proxy.close()
