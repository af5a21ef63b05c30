"""Two server processes on one PostgreSQL database serve concurrent laptops correctly."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlmodel import select
from sync_support import (
    add_visit,
    client_state,
    enroll,
    fast_backoff,
    free_port,
    point_at,
    reset_server_db,
    seed_village,
    server_ops,
    server_state,
    server_table,
)

from app.domain import Conflict, Member, OutboxOp
from app.services import registry
from app.sync import client
from server.models import ConflictLog

pytestmark = pytest.mark.postgres


def _serve(url: str, port: int, home: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--db-url", url, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "BANGFU_SERVER_HOME": str(home)},
    )


def _wait(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server process exited")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not come up")


def test_two_instances_one_database_concurrent_laptops(pg_url: str, laptops, tmp_path: Path) -> None:
    reset_server_db(pg_url)
    ports = [free_port(), free_port()]
    procs = [_serve(pg_url, port, tmp_path / f"home{i}") for i, port in enumerate(ports)]
    try:
        for port, proc in zip(ports, procs, strict=True):
            _wait(port, proc)
        urls = [f"http://127.0.0.1:{p}" for p in ports]
        crew = [laptops.new(tmp_path, f"l{i}") for i in range(4)]
        for i, db in enumerate(crew):
            enroll(db, urls[i % 2], pg_url)
        _v, households = seed_village(crew[0], households=3)
        for db in crew:
            client.sync(db, backoff=fast_backoff())
        with crew[0].read() as s:
            heads = {hh.id: s.exec(select(Member.id).where(Member.household_id == hh.id,
                                                            Member.relation == "01")).one() for hh in households}
        errors: list[BaseException] = []

        def work(i: int) -> None:
            rng = random.Random(i)
            db = crew[i]
            try:
                for round_ in range(3):
                    hh = households[rng.randrange(len(households))]
                    registry.update_household(db, hh.id, {"phone": f"139{i:02d}{round_:06d}"})
                    registry.update_member(db, heads[hh.id], {"work_months": rng.randrange(13)})
                    add_visit(db, hh.id, f"走访 {i}-{round_}")
                    point_at(db, urls[(i + round_) % 2])  # every laptop talks to both instances
                    client.sync(db, backoff=fast_backoff(attempts=8, seed=i))
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(crew))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
        assert not errors, errors
        for _round in range(2):
            for i, db in enumerate(crew):
                point_at(db, urls[i % 2])
                client.sync(db, backoff=fast_backoff(attempts=8))
        ops = server_ops(pg_url)
        assert set(ops.values()) == {1}
        total = 0
        for db in crew:
            with db.read() as s:
                rows = list(s.exec(select(OutboxOp)))
            total += len(rows)
            assert {r.status for r in rows} <= {"applied", "conflict"}
        assert total == len(ops)
        expected = server_state(pg_url)
        assert sum(1 for k in expected if k[0] == "visit") == 4 * 3
        for db in crew:
            assert client_state(db) == expected
        on_server = {(c.op_id, c.field) for c in server_table(pg_url, ConflictLog)}
        on_laptops = set()
        for db in crew:
            with db.read() as s:
                on_laptops |= {(c.op_id, c.field) for c in s.exec(select(Conflict))}
        assert on_server == on_laptops and on_server  # four laptops on three households: conflicts happen
        for db in crew:
            db.close()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stderr is not None:
                proc.stderr.close()
