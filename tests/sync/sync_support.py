"""Test machinery for sync: a real server in a thread, laptops, a fault-injecting proxy, comparisons.

Everything runs on loopback. The proxy sits between a laptop and the server and, per request,
passes it, drops the connection before forwarding it, after the server answered (so the server
committed and the laptop never hears it), or in the middle of the answer; duplicates it; delays
it; keeps a copy to deliver again later, after newer requests (reordering); or cuts the request
body half-way. It can also throttle the link to a bandwidth and counts the bytes both ways.
"""

from __future__ import annotations

import random
import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import text
from sqlmodel import select

from app.domain import ENTITIES, uuid7
from app.store.database import create_database, open_database
from app.store.keyslots import SlotFile

PASSPHRASE = "correct horse battery"
USER = "测试员"
FAST_KDF = {"n": 2**10, "r": 8, "p": 1}
VILLAGE = "520123001001"
OTHER_VILLAGE = "520123001002"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- PostgreSQL ------------------------------------------------------------------------------
def pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: skip with the reason
        return f"PostgreSQL at 127.0.0.1:5432 unreachable ({type(exc).__name__})"


def pg_create(name: str) -> str:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def pg_drop(name: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def reset_server_db(url: str) -> None:
    """Empty every server table (fast per-test isolation on a shared PostgreSQL database)."""
    from server.db import ServerDB, upgrade
    from server.models import SERVER_TABLES

    db = ServerDB(url)
    try:
        upgrade(db)
        with db.engine.begin() as conn:
            names = ", ".join(t.name for t in SERVER_TABLES if t.name not in ("srv_key",))
            conn.execute(text(f"TRUNCATE {names}"))
        upgrade(db)
    finally:
        db.dispose()


# -- the server ------------------------------------------------------------------------------
class ServerThread:
    """A real uvicorn server on 127.0.0.1 running ``create_app(db_url)`` in a thread."""

    def __init__(self, db_url: str) -> None:
        from server.app import create_app

        self.db_url = db_url
        self.app = create_app(db_url)
        self.port = free_port()
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="error", access_log=False,
                                lifespan="off", timeout_keep_alive=5, timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.app.state.db.dispose()


# -- laptops ---------------------------------------------------------------------------------
class Laptops:
    """Makes encrypted laptop databases quickly by copying one template and giving each its own device id."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.template = root / "template.db"
        if not self.template.exists():
            create_database(self.template, USER, PASSPHRASE, kdf=FAST_KDF).close()
        self.count = 0

    def new(self, folder: Path, name: str = "laptop") -> Any:
        folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        path = folder / f"{name}-{self.count}.db"
        shutil.copy(self.template, path)
        shutil.copy(SlotFile.path_for(self.template), SlotFile.path_for(path))
        db = open_database(path, USER, PASSPHRASE, check=False, backup=False)
        raw = db.raw()
        try:
            raw.execute("UPDATE sync_meta SET value = ? WHERE key = 'device_id'", (uuid7(),))
        finally:
            raw.close()
        db._device_id = None
        return db


def reopen(db: Any) -> Any:
    path = db.path
    db.close()
    return open_database(path, USER, PASSPHRASE, check=False, backup=False)


def enroll(db: Any, server_url: str, db_url: str, villages: list[str] | None = None, role: str = "village") -> None:
    from app.sync.client import enroll as do_enroll
    from server.auth import issue_enrollment
    from server.db import ServerDB

    sdb = ServerDB(db_url)
    try:
        code, _row = issue_enrollment(sdb, villages if villages is not None else [VILLAGE], role)
    finally:
        sdb.dispose()
    do_enroll(db, code, server_url, "test laptop")


def point_at(db: Any, url: str) -> None:
    from app.sync import state

    state.write(db, **{state.SERVER: url})


def fast_backoff(attempts: int = 4, seed: int = 0) -> Any:
    from app.sync.backoff import Backoff

    return Backoff(attempts=attempts, base=0.001, cap=0.01, rng=random.Random(seed))


# -- comparisons -----------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def client_state(db: Any, entities: list[str] | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced row of a laptop: (entity, id) -> field values incl. rev and deleted."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with db.read() as s:
        for name in entities or list(ENTITIES):
            cls = ENTITIES[name]
            for row in s.exec(select(cls)):
                out[(name, row.id)] = {f: _plain(getattr(row, f)) for f in cls.model_fields if f != "updated_at"}
    return out


def server_state(db_url: str, entities: list[str] | None = None, prefix: str = "") -> dict[tuple[str, str], dict[str, Any]]:
    """The server's records, parsed through the domain model like a laptop would store them."""
    from server.db import ServerDB
    from server.models import Record

    sdb = ServerDB(db_url)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    try:
        with sdb.read() as s:
            for rec in s.exec(select(Record)):
                if entities and rec.entity not in entities:
                    continue
                if prefix and not rec.village_code.startswith(prefix):
                    continue
                cls = ENTITIES[rec.entity]
                obj = cls.model_validate({**rec.data, "id": rec.entity_id, "deleted": rec.deleted, "rev": rec.rev})
                out[(rec.entity, rec.entity_id)] = {f: _plain(getattr(obj, f)) for f in cls.model_fields
                                                    if f != "updated_at"}
    finally:
        sdb.dispose()
    return out


def server_ops(db_url: str) -> Counter[str]:
    from server.db import ServerDB
    from server.models import OpLog

    sdb = ServerDB(db_url)
    try:
        with sdb.read() as s:
            return Counter(s.exec(select(OpLog.op_id)))
    finally:
        sdb.dispose()


def server_table(db_url: str, model: Any) -> list[Any]:
    from server.db import ServerDB

    sdb = ServerDB(db_url)
    try:
        with sdb.read() as s:
            return list(s.exec(select(model)))
    finally:
        sdb.dispose()


# -- the fault-injecting proxy ---------------------------------------------------------------
ACTIONS = ("pass", "drop_before", "drop_after", "drop_mid", "duplicate", "delay", "replay_later", "cut_request")


@dataclass
class RequestInfo:
    method: str
    path: str
    size: int


class RandomPlan:
    """Picks a fault per request with the given weights (seeded: a schedule is reproducible)."""

    def __init__(self, seed: int, weights: dict[str, float] | None = None) -> None:
        self.rng = random.Random(seed)
        self.weights = weights or {"pass": 6, "drop_before": 1, "drop_after": 1, "drop_mid": 1, "duplicate": 1,
                                   "delay": 1, "replay_later": 1, "cut_request": 1}
        self.lock = threading.Lock()

    def __call__(self, info: RequestInfo) -> str:
        with self.lock:
            return self.rng.choices(list(self.weights), list(self.weights.values()))[0]


class FaultProxy:
    """HTTP/1.1 proxy on loopback with per-request faults, throttling and byte counts."""

    def __init__(self, upstream_port: int, plan: Callable[[RequestInfo], str] | None = None,
                 rate_bps: float | None = None, delay_s: float = 0.05) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.plan = plan
        self.rate = rate_bps
        self.delay_s = delay_s
        self.stats: Counter[str] = Counter()
        self.bytes_up = 0
        self.bytes_down = 0
        self.replays: list[bytes] = []
        self.lock = threading.Lock()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.closed = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_upstream(self, port: int) -> None:
        self.upstream = ("127.0.0.1", port)

    def close(self) -> None:
        self.closed = True
        try:
            self.sock.close()
        except OSError:
            pass

    # -- plumbing ---------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self.closed:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes | None:
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            buf += chunk
        head, _sep, rest = buf.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _c, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            rest += chunk
        return _with_header(head, b"Connection", b"close") + b"\r\n\r\n" + rest

    def _send(self, sock: socket.socket, data: bytes, direction: str, limit: int | None = None) -> None:
        data = data if limit is None else data[:limit]
        step = 4096 if self.rate else len(data) or 1
        started = time.monotonic()
        sent = 0
        for i in range(0, len(data), step):
            piece = data[i:i + step]
            sock.sendall(piece)
            sent += len(piece)
            with self.lock:
                if direction == "up":
                    self.bytes_up += len(piece)
                else:
                    self.bytes_down += len(piece)
            if self.rate:
                ahead = started + sent / self.rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)

    def _upstream(self, request: bytes, cut: int | None = None) -> bytes | None:
        try:
            up = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            return None  # the server is down: the laptop sees a dropped connection
        try:
            self._send(up, request, "up", cut)
            if cut is not None:
                return None
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks) or None
        except OSError:
            return None
        finally:
            up.close()

    def _handle(self, conn: socket.socket) -> None:
        try:
            request = self._read_request(conn)
            if request is None:
                return
            first = request.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
            info = RequestInfo(first[0], first[1] if len(first) > 1 else "", len(request))
            action = self.plan(info) if self.plan else "pass"
            with self.lock:
                self.stats[action] += 1
                old = self.replays.pop(0) if self.replays and action != "replay_later" else None
            if action == "drop_before":
                return
            if action == "delay":
                time.sleep(self.delay_s)
            if old is not None:
                self._upstream(old)  # an old request delivered again after newer ones
            if action == "cut_request":
                self._upstream(request, cut=max(1, len(request) // 2))
                return
            response = self._upstream(request)
            if response is None:
                return
            if action == "duplicate":
                response = self._upstream(request) or response
            if action == "replay_later":
                with self.lock:
                    self.replays.append(request)
            if action == "drop_after":
                return
            head, _sep, body = response.partition(b"\r\n\r\n")
            response = _with_header(head, b"Connection", b"close") + b"\r\n\r\n" + body
            if action == "drop_mid":
                self._send(conn, response, "down", limit=max(1, len(response) // 2))
                return
            self._send(conn, response, "down")
        except OSError:
            pass
        finally:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()


def _with_header(head: bytes, name: bytes, value: bytes) -> bytes:
    lines = [line for line in head.split(b"\r\n") if line.split(b":", 1)[0].strip().lower() != name.lower()]
    return b"\r\n".join([*lines, name + b": " + value])


# -- data on a laptop ------------------------------------------------------------------------
_id_seq = iter(range(1, 10**6))


def synthetic_id(birth: date = date(1975, 6, 1), sex: str = "1") -> str:
    """A fresh valid-checksum synthetic ID (unique in this process: the birth day moves every 100)."""
    from datetime import timedelta

    from app.idnumber import make_id

    n = next(_id_seq)
    return make_id("520123", birth + timedelta(days=n // 100), n % 100, sex)


def seed_village(db: Any, code: str = VILLAGE, households: int = 1) -> tuple[Any, list[Any]]:
    """A village with households (head + one member each) created through the services."""
    from app.services import registry

    village = registry.create_village(db, code, "石门村", "龙场镇", "云岭县", groups=6)
    made = []
    for i in range(households):
        hh = registry.create_household(db, village.id, {"name": f"户主{i}", "id_number": synthetic_id()},
                                       group_no=1 + i % 6, main_cause="01", hh_number=f"{code}{i:04d}")
        registry.add_member(db, hh.id, {"name": f"成员{i}", "relation": "02",
                                        "id_number": synthetic_id(date(1978, 2, 2), "2")}, reason="05")
        made.append(hh)
    return village, made


def add_visit(db: Any, household_id: str, summary: str = "入户走访") -> str:
    from app.domain import Visit, utcnow
    from app.services.tx import write

    with write(db) as tx:
        visit = Visit(household_id=household_id, visited_at=utcnow(), author=db.actor.name, summary=summary,
                      data={"checks": {"food": True}})
        tx.append(visit)
        return visit.id
