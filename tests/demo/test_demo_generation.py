"""Determinism, workers, progress, cancel, refusals and the bulk writer's columns."""

from __future__ import annotations

import multiprocessing
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.demo import DemoCancelled, generate
from app.errors import BangfuError
from tests.demo.conftest import content_hash, new_db


def _count(db: Any, table: str) -> int:
    conn = db.raw()
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_same_arguments_give_identical_rows(tmp_path: Path) -> None:
    hashes = []
    for name in ("a", "b"):
        db = new_db(tmp_path / f"{name}.db")
        try:
            generate(db, 150, 42)
            hashes.append(content_hash(db))
        finally:
            db.close()
    assert hashes[0] == hashes[1]
    db = new_db(tmp_path / "c.db")
    try:
        generate(db, 150, 43)
        assert content_hash(db) != hashes[0]
    finally:
        db.close()


FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()


@pytest.mark.skipif(not FORKSERVER, reason="worker processes need a fork server (not on Windows)")
def test_worker_processes_give_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the staging files go
    hashes, summaries = [], []
    for workers in (0, 2):
        db = new_db(tmp_path / f"w{workers}.db")
        try:
            summary = generate(db, 400, 5, workers=workers)
            assert summary.villages > 2
            hashes.append(content_hash(db))
            summaries.append((summary.rows, summary.members, summary.defects))
        finally:
            db.close()
    assert hashes[0] == hashes[1]
    assert summaries[0] == summaries[1]
    # The staging files are gone. multiprocessing's own pymp-* directory (the fork
    # server's socket) lives until interpreter exit and is not ours to remove.
    assert not [p for p in scratch.iterdir() if not p.name.startswith("pymp-")]


@pytest.mark.skipif(not FORKSERVER, reason="worker processes need a fork server (not on Windows)")
def test_cancel_stops_the_workers(fresh_db: Any) -> None:
    with pytest.raises(DemoCancelled):
        generate(fresh_db, 400, 5, workers=2, cancel=lambda: True)
    assert _count(fresh_db, "household") == 0
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_duplicate_numbers_across_villages_are_renumbered() -> None:
    """Villages are generated independently; the county step keeps ID numbers unique."""
    from app.demo.generator import CountyIds
    from app.idnumber import make_id, validate_id
    from app.store.search import _rows

    number = make_id("520123", date(1980, 5, 6), 10, "1")
    ids = CountyIds()
    first = {"member": [("m1", 0, 0, "", "h1", "甲", "1", "01", number, "1980-05-06")],
             "search_index": list(_rows([("h1", "m1", True, "甲", number, "x")]))}
    second = {"member": [("m2", 0, 0, "", "h2", "乙", "1", "01", number, "1980-05-06")],
              "search_index": list(_rows([("h2", "m2", True, "乙", number, "y")]))}
    ids.village(first)
    ids.village(second)
    new = second["member"][0][8]
    assert new != number and validate_id(new).birth_date.isoformat() == second["member"][0][9]
    assert validate_id(new).sex == "1"
    assert second["search_index"][0][5] == new.lower() and first["member"][0][8] == number


def test_renumbered_number_is_not_taken_in_its_own_village() -> None:
    """The new number of a renumbered member is free in the village too: the next sequence number
    may belong to a neighbour of the same village (that made one person active in two households
    of a 100k county: issue 7)."""
    from app.demo.generator import CountyIds
    from app.idnumber import make_id

    taken = make_id("520123", date(1980, 5, 6), 10, "1")
    neighbour = make_id("520123", date(1980, 5, 6), 11, "1")  # the next free one in the county
    ids = CountyIds()
    assert ids.renumber([("a", "1", taken, "1980-05-06")]) == {}
    changes = ids.renumber([("b", "1", taken, "1980-05-06"), ("c", "1", neighbour, "1980-05-06")])
    assert set(changes) == {"b"}
    assert changes["b"][0] not in (taken, neighbour)
    # the same the other way round: the neighbour listed first
    ids = CountyIds()
    ids.renumber([("a", "1", taken, "1980-05-06")])
    changes = ids.renumber([("c", "1", neighbour, "1980-05-06"), ("b", "1", taken, "1980-05-06")])
    assert set(changes) == {"b"} and changes["b"][0] not in (taken, neighbour)


def test_fast_ids_are_those_of_the_reference_functions() -> None:
    """The generator computes UUIDv7s and ID numbers inline; they are exactly ``uuid7`` and ``make_id``."""
    import random

    from app.demo.generator import VillageJob, _free_number, _VillageMaker
    from app.domain import uuid7
    from app.idnumber import make_id

    maker = _VillageMaker(VillageJob("default", 10, 1, 0, 0, 1, "石门村", 10, 0))
    twin = random.Random()
    rng = random.Random(3)
    for _ in range(2000):
        ordinal, seconds = rng.randrange(date(1990, 1, 1).toordinal(), date(2031, 1, 1).toordinal()), rng.randrange(86400)
        twin.setstate(maker.rng.getstate())
        expected = uuid7(ms=((ordinal - date(1970, 1, 1).toordinal()) * 86400 + seconds) * 1000,
                         rand=twin.getrandbits(80).to_bytes(10, "little"))
        assert maker.new_id(ordinal, seconds) == expected
        birth = date.fromordinal(rng.randrange(date(1900, 1, 1).toordinal(), date(2021, 1, 1).toordinal()))
        region, seq, sex = rng.choice(("520123", "522601", "110101")), rng.randrange(100), rng.choice("12")
        assert _free_number(set(), region, birth, seq, sex) == (make_id(region, birth, (seq + 1) % 100, sex), birth)
    with pytest.raises(ValueError):
        _free_number(set(), "990000", date(1980, 1, 1), 1, "1")  # not a province: refused like make_id does


def test_staged_villages_are_renumbered_the_same_way(tmp_path: Path) -> None:
    """The worker path applies the same rule to its staging files before copying them."""
    import sqlite3

    from app.demo.generator import CountyIds, _jobs
    from app.demo.parallel import _renumber, index_width, make_chunk
    from app.demo.scenarios import SCENARIOS

    _townships, jobs = _jobs(SCENARIOS["default"], 60, 1)
    chunk = make_chunk(jobs[:2], str(tmp_path / "s0.db"), index_width())
    assert len(chunk.villages) == 2
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS s0", (str(tmp_path / "s0.db"),))
    (first_number,) = conn.execute("SELECT c8 FROM s0.member WHERE rowid = 1").fetchone()
    second_row = chunk.villages[1][0]
    conn.execute("UPDATE s0.member SET c8 = ?, c6 = ?, c9 = ? WHERE rowid = ?",
                 (first_number, conn.execute("SELECT c6 FROM s0.member WHERE rowid = 1").fetchone()[0],
                  conn.execute("SELECT c9 FROM s0.member WHERE rowid = 1").fetchone()[0], second_row))
    _renumber(conn, "s0", chunk, CountyIds())
    member_id, number = conn.execute("SELECT c0, c8 FROM s0.member WHERE rowid = ?", (second_row,)).fetchone()
    assert number != first_number
    numbers = [r[0] for r in conn.execute("SELECT c8 FROM s0.member")]
    assert len(numbers) == len(set(numbers))
    indexed = conn.execute("SELECT c5 FROM s0.search_index WHERE c1 = ?", (member_id,)).fetchall()
    assert indexed in ([(number.lower(),)], [])


def test_progress_reports_every_village(fresh_db: Any) -> None:
    calls: list[tuple[int, int]] = []
    summary = generate(fresh_db, 120, 1, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) == summary.villages
    assert calls[-1] == (120, 120) and all(t == 120 for _d, t in calls)
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


def test_cancel_leaves_the_database_as_it_was(fresh_db: Any) -> None:
    before = _count(fresh_db, "audit_entry")
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 2

    with pytest.raises(DemoCancelled):
        generate(fresh_db, 200, 1, cancel=cancel)
    for table in ("village", "household", "member", "visit", "search_index"):
        assert _count(fresh_db, table) == 0, table
    assert fresh_db.meta("demo") is None
    assert _count(fresh_db, "audit_entry") == before
    assert _schema(fresh_db)[0] == "wal"  # the load's rollback journal was left again
    summary = generate(fresh_db, 30, 1)  # and the database is still usable
    assert summary.rows["household"] == 30


def _schema(db: Any) -> tuple[str, list[tuple[str, str, str]], list[tuple[str, Any]]]:
    conn = db.raw()
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        fts = sorted(conn.execute("SELECT k, v FROM search_index_config"))  # merge settings back as they were
        return mode, sorted(conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'")), fts
    finally:
        conn.close()


def test_bulk_load_leaves_wal_and_rebuilds_the_indexes(fresh_db: Any) -> None:
    """The load runs with a rollback journal (no -wal file) and without the secondary indexes;
    afterwards the file is back in WAL with exactly the indexes it had, consistent with the rows."""
    before = _schema(fresh_db)
    assert before[0] == "wal" and any(name == "ix_member_household_id" for name, _t, _s in before[1])
    wal_file = Path(f"{fresh_db.path}-wal")
    during: list[bool] = []
    generate(fresh_db, 120, 1, progress=lambda _d, _t: during.append(wal_file.exists()))
    assert during and not any(during)
    assert _schema(fresh_db) == before
    conn = fresh_db.raw()
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM member WHERE household_id = 'x'"))
        assert "ix_member_household_id" in plan
    finally:
        conn.close()


def test_bulk_load_with_another_connection_open_stays_in_wal(fresh_db: Any) -> None:
    """A reader in the middle of a transaction keeps the file in WAL; the load neither waits nor fails."""
    reader = fresh_db.raw()
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM household").fetchone() == (0,)
        summary = generate(fresh_db, 40, 1)
        assert reader.execute("SELECT count(*) FROM household").fetchone() == (0,)  # its snapshot
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM household").fetchone() == (summary.households,)
    finally:
        reader.close()
    assert _schema(fresh_db)[0] == "wal"


def test_refuses_real_households(db: Any, household: Any) -> None:
    with pytest.raises(BangfuError) as err:
        generate(db, 20, 1)
    assert err.value.code == "demo.real_data"
    with pytest.raises(BangfuError):
        generate(db, 20, 1, replace=True)
    assert _count(db, "household") == 1


def test_existing_demo_needs_replace(fresh_db: Any) -> None:
    generate(fresh_db, 25, 1)
    first = content_hash(fresh_db)
    with pytest.raises(BangfuError) as err:
        generate(fresh_db, 25, 2)
    assert err.value.code == "demo.exists"
    assert content_hash(fresh_db) == first
    generate(fresh_db, 40, 2, replace=True)
    assert _count(fresh_db, "household") == 40
    assert _count(fresh_db, "audit_entry") >= 3  # user.create + two demo.generate


def test_bad_arguments(fresh_db: Any) -> None:
    with pytest.raises(BangfuError) as err:
        generate(fresh_db, 10, 1, scenario="nope")
    assert err.value.code == "demo.bad_scenario"
    with pytest.raises(BangfuError) as err:
        generate(fresh_db, 0, 1)
    assert err.value.code == "demo.bad_households"
    with pytest.raises(BangfuError):
        generate(fresh_db, 10, 1, scenario="quality_problems")  # needs at least 30 households


def test_writer_lists_every_column_of_every_table() -> None:
    from app.demo.writer import COLUMNS
    from app.domain import ENTITIES

    for name, columns in COLUMNS.items():
        assert set(columns) == {c.name for c in ENTITIES[name].__table__.columns}, name
        assert len(columns) == len(set(columns))


def test_ensure_demo_database(tmp_path: Path) -> None:
    from app.demo import DEMO_PASSPHRASE, DEMO_USER, ensure_demo_database
    from app.store.database import open_database
    from tests.conftest import FAST_KDF

    path = tmp_path / "sub" / "demo.db"
    assert ensure_demo_database(path, households=30, kdf=FAST_KDF) == (DEMO_USER, DEMO_PASSPHRASE)
    stamp = path.stat().st_mtime_ns
    assert ensure_demo_database(path, households=30, kdf=FAST_KDF) == (DEMO_USER, DEMO_PASSPHRASE)
    assert path.stat().st_mtime_ns == stamp
    db = open_database(path, DEMO_USER, DEMO_PASSPHRASE)
    try:
        assert db.meta("demo") == "1" and _count(db, "household") == 30
    finally:
        db.close()


def test_ensure_demo_database_cleans_up_after_failure(tmp_path: Path) -> None:
    from app.demo import ensure_demo_database
    from app.store.keyslots import SlotFile
    from tests.conftest import FAST_KDF

    path = tmp_path / "demo.db"
    with pytest.raises(BangfuError):
        ensure_demo_database(path, households=10, scenario="nope", kdf=FAST_KDF)
    assert not path.exists() and not SlotFile.path_for(path).exists()
