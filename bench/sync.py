"""Sync benchmark: throughput, bytes on the wire, concurrency on PostgreSQL, a bad 2G link.

1. **Push 50,000 ops** (households, members, visits) from one laptop through the real client and
   server on loopback (server on its embedded SQLite). Baseline in the same run: a raw HTTP POST
   of exactly the same compressed request bodies to a server that only reads them. Target: the
   client+server path stays within 25× of the raw POST and above 1,000 ops/s.
2. **Bytes on the wire** for those batches (gzip bodies) against the same ops as uncompressed
   JSON. Target ≤ 0.35.
3. **20 concurrent laptops on PostgreSQL** (two server processes on one database, laptops spread
   over both), all starting at once with a full batch (500 ops, more than a village's day): ops/s
   and the p95 time of one batch. Baseline: one laptop alone. Writes are serialised on the county
   sequence (docs/sync.md), so a batch waits for the ones ahead of it: targets ≥ 800 ops/s and
   p95 ≤ 10 s with 20 batches arriving in the same second.
4. **A village's day on a 256 kbit/s link with forced drops**: 100 visits (≈300 ops) and 5 photos
   of 200 KB through a throttling proxy that cuts the connection four times (mid-request, after the
   server answered, mid-answer). Figures: time to sync, and bytes sent again because of the drops
   against the same sync without drops. Target: ≤ 10 % extra bytes.

    uv run python bench/sync.py [--ops 50000] [--clients 20] [--per-client 500] [--skip push,pg,throttle]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))  # the fault-injecting proxy of the sync tests

from bench.common import percentile, row, write_results  # noqa: E402

PASS = "bench-passphrase"
USER = "bench"
KDF = {"n": 2**12, "r": 8, "p": 1}


# -- infrastructure --------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Uvicorn:
    """An ASGI app served by uvicorn in a thread on loopback."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error",
                                                    access_log=False, lifespan="off", timeout_graceful_shutdown=1))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


async def sink(scope: Any, receive: Any, send: Any) -> None:
    """The baseline server: reads the whole body, answers 200 with a small JSON body."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    body = b'{"ok":true}'
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Laptops:
    def __init__(self, root: Path) -> None:
        from app.store.database import create_database

        self.root = root
        self.template = root / "template.db"
        create_database(self.template, USER, PASS, kdf=KDF).close()
        self.n = 0

    def new(self) -> Any:
        from app.domain import uuid7
        from app.store.database import open_database
        from app.store.keyslots import SlotFile

        self.n += 1
        path = self.root / f"laptop{self.n}.db"
        shutil.copy(self.template, path)
        shutil.copy(SlotFile.path_for(self.template), SlotFile.path_for(path))
        db = open_database(path, USER, PASS, check=False, backup=False)
        raw = db.raw()
        raw.execute("UPDATE sync_meta SET value = ? WHERE key = 'device_id'", (uuid7(),))
        raw.close()
        db._device_id = None
        return db


def enroll(db: Any, server_url: str, db_url: str, villages: list[str]) -> None:
    from app.sync.client import enroll as do_enroll
    from server.auth import issue_enrollment
    from server.db import ServerDB

    sdb = ServerDB(db_url)
    try:
        code, _row = issue_enrollment(sdb, villages, "village")
    finally:
        sdb.dispose()
    do_enroll(db, code, server_url, "bench")


def make_ops(db: Any, total: int, code: str) -> int:
    """Write ``total`` ops through the services' bulk path: households, their members and visits."""
    from app.domain import Household, Member, Visit, utcnow
    from app.idnumber import make_id
    from app.services.registry import create_village
    from app.services.tx import write

    village = create_village(db, code, f"村{code[-3:]}", "龙场镇", "云岭县", groups=9)
    made = 1
    households = max(1, total // 10)
    with write(db) as tx:
        hh_rows = tx.create_rows(Household, [
            {"village_id": village.id, "group_no": 1 + i % 9, "hh_number": f"{code}{i:05d}", "main_cause": "01",
             "head_name": f"户主{i}", "size": 2, "phone": f"138{i:08d}", "address": f"{1 + i % 9}组"}
            for i in range(households)])
        made += len(hh_rows)
        members = []
        for i, hh in enumerate(hh_rows):
            born = date(1950, 1, 1) + timedelta(days=(i * 37) % 20000)
            members.append({"household_id": hh["id"], "name": f"户主{i}", "relation": "01", "sex": "1",
                            "id_number": make_id("520123", born, i % 100, "1"), "birth_date": born,
                            "education": "03", "health": "01", "labour_skill": "01", "work_status": "06"})
            members.append({"household_id": hh["id"], "name": f"配偶{i}", "relation": "02", "sex": "2",
                            "id_number": make_id("520123", born + timedelta(days=400), i % 100, "2"),
                            "birth_date": born + timedelta(days=400), "education": "02", "health": "02"})
        made += len(tx.create_rows(Member, members))
        left = total - made
        now = utcnow()
        visits = [{"household_id": hh_rows[i % len(hh_rows)]["id"], "visited_at": now, "author": USER,
                   "helper_name": "帮扶干部", "summary": "入户走访：两不愁三保障核实，收入登记，落实帮扶措施",
                   "satisfaction": "01", "data": {"checks": {"food": True, "clothes": True, "school": True,
                                                             "medical": True, "housing": True, "water": True},
                                                  "problems": ["缺技术"], "income_checked": True}}
                  for i in range(max(0, left))]
        made += len(tx.create_rows(Visit, visits, kind="append"))
    return made


class TimedTransport:
    """Wraps the HTTP transport to record each push: duration and body bytes."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.times: list[float] = []
        self.bodies: list[bytes] = []
        self.raw_json = 0

    def push(self, req: Any, body: bytes | None = None) -> Any:
        started = time.perf_counter()
        answer = self.inner.push(req, body)
        self.times.append(time.perf_counter() - started)
        if body is not None:
            self.bodies.append(body)
        self.raw_json += len(json.dumps(req.model_dump(mode="json"), ensure_ascii=False).encode("utf-8"))
        return answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def transport(db: Any) -> TimedTransport:
    from app.sync.client import transport_for

    return TimedTransport(transport_for(db))


# -- 1 and 2: 50k ops ------------------------------------------------------------------------------
def bench_push(tmp: Path, laptops: Laptops, ops: int) -> list[dict[str, Any]]:
    import httpx

    from app.sync.client import push
    from server.app import create_app

    url = f"sqlite:///{tmp / 'server-push.db'}"
    server = Uvicorn(create_app(url))
    raw = Uvicorn(sink)
    try:
        db = laptops.new()
        enroll(db, server.url, url, ["520123001001"])
        made = make_ops(db, ops, "520123001001")
        t = transport(db)
        started = time.perf_counter()
        report = push(db, transport=t)
        ours = time.perf_counter() - started
        t.inner.close()
        assert report.pending == 0 and report.rejected == 0, report
        with httpx.Client(base_url=raw.url) as http:
            started = time.perf_counter()
            for body in t.bodies:
                http.post("/sync/push", content=body, headers={"Content-Encoding": "gzip",
                                                               "Content-Type": "application/json"})
            baseline = time.perf_counter() - started
        wire = sum(len(b) for b in t.bodies)
        rate = made / ours
        print(f"pushed {made} ops in {len(t.bodies)} batches: {ours:.1f} s ({rate:.0f} ops/s); raw POST {baseline:.2f} s")
        db.close()
        return [
            row(f"push {made} ops, client+server (vs raw POST of same bytes)", ours, baseline, "-", "s", True),
            row("push throughput, one laptop (SQLite server)", rate, None, "≥ 1000", "ops/s", rate >= 1000),
            row("bytes on the wire (gzip) vs uncompressed JSON", wire / 1024, t.raw_json / 1024, "ratio ≤ 0.35", "KiB",
                wire / t.raw_json <= 0.35),
        ]
    finally:
        server.stop()
        raw.stop()


# -- 3: 20 laptops on PostgreSQL -------------------------------------------------------------------
def _pg_url() -> tuple[str, str] | None:
    try:
        import psycopg

        name = f"bangfu_bench_{os.getpid()}"
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True,
                             connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    except Exception as exc:  # report and skip the figure
        print(f"PostgreSQL unavailable ({type(exc).__name__}): skipping the concurrency figures")
        return None


def _drop_pg(name: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_concurrent(tmp: Path, laptops: Laptops, clients: int, per_client: int) -> list[dict[str, Any]]:
    import httpx

    from app.sync.client import push

    pg = _pg_url()
    if pg is None:
        return []
    name, url = pg
    procs = []
    try:
        from server.db import ServerDB, upgrade

        sdb = ServerDB(url)
        upgrade(sdb)
        sdb.dispose()
        ports = [free_port(), free_port()]
        for port in ports:
            procs.append(subprocess.Popen([sys.executable, "-m", "server.cli", "--db-url", url, "serve", "--port",
                                           str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port in ports:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        urls = [f"http://127.0.0.1:{p}" for p in ports]
        crew = []
        for i in range(clients + 1):
            db = laptops.new()
            code = f"520123002{i:03d}"
            enroll(db, urls[i % 2], url, [code])
            make_ops(db, per_client, code)
            crew.append(db)
        # baseline: the last laptop alone
        solo = crew.pop()
        t = transport(solo)
        started = time.perf_counter()
        push(solo, transport=t)
        solo_rate = per_client / (time.perf_counter() - started)
        solo_p95 = percentile(t.times, 95)
        t.inner.close()
        transports = [transport(db) for db in crew]
        errors: list[BaseException] = []

        def run(i: int) -> None:
            try:
                report = push(crew[i], transport=transports[i])
                assert report.pending == 0 and report.rejected == 0
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(crew))]
        started = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - started
        if errors:
            raise errors[0]
        times = [x for t in transports for x in t.times]
        for t in transports:
            t.inner.close()
        rate = clients * per_client / wall
        p95 = percentile(times, 95)
        print(f"{clients} laptops × {per_client} ops on PostgreSQL (2 server processes): {wall:.1f} s, "
              f"{rate:.0f} ops/s, p95 batch {p95:.2f} s (alone: {solo_rate:.0f} ops/s, p95 {solo_p95:.2f} s)")
        for db in [*crew, solo]:
            db.close()
        return [
            row(f"{clients} concurrent laptops on PostgreSQL: throughput (vs one alone)", rate, solo_rate, "≥ 800",
                "ops/s", rate >= 800),
            row(f"{clients} concurrent laptops on PostgreSQL: p95 batch time (vs one alone)", p95, solo_p95, "≤ 10 s",
                "s", p95 <= 10),
        ]
    finally:
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        _drop_pg(name)


# -- 4: a village's day on 256 kbit/s --------------------------------------------------------------
def village_day(db: Any, seed: int) -> None:
    import random

    from app.domain import Attachment, Household, Visit, utcnow
    from app.services import registry
    from app.services.tx import write

    rng = random.Random(seed)
    with db.read() as s:
        from sqlmodel import select

        households = list(s.exec(select(Household)))
    photos = [rng.randbytes(200 * 1024) for _ in range(5)]  # JPEG-like: does not compress
    import hashlib

    with write(db) as tx:
        for p in photos:
            tx.session.add(Attachment(sha256=hashlib.sha256(p).hexdigest(), mime="image/jpeg", size=len(p), data=p))
    for i in range(100):
        hh = households[i % len(households)]
        with write(db) as tx:
            tx.append(Visit(household_id=hh.id, visited_at=utcnow(), author=USER, helper_name="帮扶干部",
                            summary=f"第{i + 1}户走访：核实两不愁三保障，登记收入，商定措施",
                            data={"checks": {"food": True, "clothes": True, "school": True, "medical": True,
                                             "housing": rng.random() > 0.1, "water": True},
                                  "problems": rng.sample(["缺技术", "缺资金", "因病", "缺劳力"], 2)},
                            confirmation_sha256=hashlib.sha256(photos[i % 5]).hexdigest() if i < 5 else ""))
        registry.update_household(db, hh.id, {"phone": f"139{rng.randrange(10**8):08d}"})
        registry.set_income(db, hh.id, 2019, {"wage_fen": rng.randrange(10**6, 10**7)})


#: Which requests of the sync the link drops, and how (request numbers counted from 1).
FORCED = {2: "cut_request", 6: "drop_after", 12: "drop_mid", 20: "cut_request"}


class ForcedDrops:
    def __init__(self, forced: dict[int, str]) -> None:
        self.forced = forced
        self.n = 0

    def __call__(self, info: Any) -> str:
        self.n += 1
        return self.forced.get(self.n, "pass")


def bench_throttled(tmp: Path, laptops: Laptops) -> list[dict[str, Any]]:
    from sync_support import FaultProxy

    from app.sync import state
    from app.sync.backoff import Backoff
    from app.sync.client import sync
    from server.app import create_app

    results = {}
    for label, drops in (("clean", False), ("drops", True)):
        url = f"sqlite:///{tmp / f'server-{label}.db'}"
        server = Uvicorn(create_app(url))
        db = laptops.new()
        enroll(db, server.url, url, ["520123003001"])
        make_ops(db, 60, "520123003001")  # the village's households, already on the county server
        sync(db)
        village_day(db, seed=11)
        proxy = FaultProxy(server.port, ForcedDrops(FORCED if drops else {}), rate_bps=256_000 / 8)
        state.write(db, **{state.SERVER: proxy.url})
        started = time.perf_counter()
        report = sync(db, backoff=Backoff(attempts=8, base=0.2, cap=2.0))
        elapsed = time.perf_counter() - started
        assert report.pending == 0 and report.uploaded == 5, report
        results[label] = (elapsed, proxy.bytes_up, proxy.bytes_down, sum(proxy.stats[a] for a in set(FORCED.values())))
        proxy.close()
        db.close()
        server.stop()
    clean, dropped = results["clean"], results["drops"]
    extra = (dropped[1] - clean[1]) / clean[1]
    print(f"village day at 256 kbit/s: clean {clean[0]:.1f} s / {clean[1] / 1024:.0f} KiB up; "
          f"with {dropped[3]} drops {dropped[0]:.1f} s / {dropped[1] / 1024:.0f} KiB up ({extra:+.1%})")
    return [
        row("village day (100 visits, 5×200 KB photos) at 256 kbit/s with 4 drops: time (vs no drops)",
            dropped[0], clean[0], "-", "s", True),
        row("village day at 256 kbit/s: bytes sent with drops (vs no drops)", dropped[1] / 1024, clean[1] / 1024,
            "ratio ≤ 1.10", "KiB", extra <= 0.10),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--per-client", type=int, default=500)
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
    skip = set(args.skip.split(","))
    rows: list[dict[str, Any]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bangfu-bench-sync-"))
    try:
        laptops = Laptops(tmp)
        if "push" not in skip:
            rows += bench_push(tmp, laptops, args.ops)
        if "pg" not in skip:
            rows += bench_concurrent(tmp, laptops, args.clients, args.per_client)
        if "throttle" not in skip:
            rows += bench_throttled(tmp, laptops)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write_results("sync", rows)
    return 0 if all(r["pass"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
