"""Encrypted store: key slots, wrong passphrase, damaged file, migrations, backups."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlmodel import select

from app.domain import LocalUser
from app.errors import BangfuError
from app.i18n import set_language
from app.store.backup import backup, list_backups, restore
from app.store.database import _connect, create_database, list_users, open_database
from app.store.keyslots import SlotFile
from app.store.migrate import head_revisions
from tests.conftest import FAST_KDF, PASSPHRASE, USER


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def test_file_is_encrypted_and_not_readable_by_plain_sqlite(db, household, db_path):
    import sqlite3

    db.close()
    raw = db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "张三".encode() not in raw
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM household").fetchall()
    conn.close()


def test_migrations_from_empty_reach_every_head(db):
    conn = _connect(db.path, db.key)
    versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert versions == set(head_revisions())
    assert {"household", "member", "audit_entry", "outbox_op", "search_index"} <= tables


def test_wal_and_foreign_keys_are_on(db):
    with db.read() as s:
        raw = s.connection().connection.driver_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_wrong_passphrase_is_refused_and_writes_nothing(db, household, db_path):
    db.close()
    before = _files(db_path.parent)
    with pytest.raises(BangfuError) as err:
        open_database(db_path, USER, "not the passphrase")
    assert err.value.code == "store.wrong_passphrase"
    assert "口令不正确" in str(err.value)
    set_language("en")
    assert "Wrong passphrase" in str(err.value)
    assert _files(db_path.parent) == before


def test_unknown_user_is_refused(db, db_path):
    db.close()
    with pytest.raises(BangfuError) as err:
        open_database(db_path, "nobody", PASSPHRASE)
    assert err.value.code == "user.unknown"


@pytest.mark.parametrize("offset_fraction", [0.3, 0.6, 0.95])
def test_flipped_bytes_give_a_clear_error_and_write_nothing(db, household, db_path, offset_fraction):
    db.close()
    # fold the WAL into the main file so the damage is in what open reads
    conn = _connect(db_path, db.key)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    pos = int(len(data) * offset_fraction)
    for i in range(pos, pos + 8):
        data[i] ^= 0xFF
    db_path.write_bytes(bytes(data))
    before = _files(db_path.parent)
    with pytest.raises(BangfuError) as err:
        open_database(db_path, USER, PASSPHRASE)
    assert err.value.code == "store.damaged"
    assert "已损坏" in str(err.value)
    assert _files(db_path.parent) == before


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(BangfuError) as err:
        open_database(tmp_path / "none.db", USER, PASSPHRASE)
    assert err.value.code == "store.missing"


def test_create_refuses_to_overwrite(db, db_path):
    with pytest.raises(BangfuError) as err:
        create_database(db_path, "other", PASSPHRASE, kdf=FAST_KDF)
    assert err.value.code == "store.exists"


def test_short_passphrase_refused(tmp_path):
    with pytest.raises(BangfuError) as err:
        create_database(tmp_path / "x.db", "someone", "short", kdf=FAST_KDF)
    assert err.value.code == "user.passphrase_short"
    assert not (tmp_path / "x.db").exists()


def test_second_user_slot_opens_the_same_database(db, household, db_path):
    from sqlalchemy import insert

    with db.write_engine.begin() as conn:
        conn.execute(insert(LocalUser).values(id="u2", name="李干部", role="township"))
    db.slots.add("u2", "李干部", "another passphrase", db.key, FAST_KDF)
    db.slots.save(db_path)
    db.close()
    assert list_users(db_path) == [USER, "李干部"]
    other = open_database(db_path, "李干部", "another passphrase")
    assert other.actor.name == "李干部" and other.actor.role == "township"
    with other.read() as s:
        assert s.exec(select(LocalUser)).all()
    other.close()
    # removing the slot locks that user out without re-encrypting anything
    slots = SlotFile.load(db_path)
    before = _digest(db_path)
    slots.remove("李干部")
    slots.save(db_path)
    with pytest.raises(BangfuError):
        open_database(db_path, "李干部", "another passphrase")
    assert _digest(db_path) == before
    open_database(db_path, USER, PASSPHRASE).close()


def test_slot_swap_between_users_is_detected(db, db_path):
    slots = SlotFile.load(db_path)
    slots.slots[0].name = "冒名者"
    slots.save(db_path)
    with pytest.raises(BangfuError) as err:
        open_database(db_path, "冒名者", PASSPHRASE)
    assert err.value.code == "store.wrong_passphrase"


def test_backup_rotates_and_restore_brings_data_back(db, household, db_path):
    from app.services import registry

    first = backup(db, keep=2)
    registry.update_household(db, household.id, {"phone": "13800000000"})
    backup(db, keep=2)
    backup(db, keep=2)
    kept = list_backups(db_path)
    assert len(kept) == 2 and first not in kept
    key = db.key
    db.close()
    aside = restore(db_path, kept[0], key)
    assert aside.exists()
    reopened = open_database(db_path, USER, PASSPHRASE, backup=False)
    with reopened.read() as s:
        from app.domain import Household

        assert s.get(Household, household.id).phone == "13800000000"
    reopened.close()


def test_restore_refuses_a_foreign_or_damaged_backup(db, db_path, tmp_path):
    other = create_database(tmp_path / "other" / "o.db", "x-user", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    before = _digest(db_path)
    with pytest.raises(BangfuError) as err:
        restore(db_path, tmp_path / "other" / "o.db", db.key)
    assert err.value.code == "store.backup_bad"
    assert _digest(db_path) == before
