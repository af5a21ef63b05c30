"""Open, create and guard the encrypted local database (SQLCipher via the sqlcipher3 wheel).

Open order matters: the passphrase is checked against the key slot before the database file is
touched, and the file is verified (HMAC of every page, then SQLite's own check) before migrations
run, so a wrong passphrase or a damaged file gives a clear message and writes nothing.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, select

import app.domain  # noqa: F401  (registers every table)
from app.domain import LocalUser, SyncMeta, uuid7
from app.errors import BangfuError
from app.store.keyslots import SlotFile

log = logging.getLogger(__name__)

dbapi = sqlcipher3.dbapi2


@dataclass(frozen=True)
class Actor:
    """The signed-in user: every audit entry and outbox op names them."""

    user_id: str
    name: str
    role: str


def _raw_key_pragma(key: bytes) -> str:
    # A raw 256-bit key skips SQLCipher's own PBKDF2: the passphrase KDF already ran (key slots).
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _connect(path: Path, key: bytes, readonly: bool = False) -> Any:
    mode = "rwc"
    if readonly:
        # Without a pending WAL the file is complete on its own: open it immutable so verifying a
        # (possibly damaged) file creates no -wal/-shm beside it.
        mode = "ro" if Path(f"{path}-wal").exists() else "ro&immutable=1"
    uri = f"{Path(path).resolve().as_uri()}?mode={mode}"
    conn = dbapi.connect(uri, uri=True, check_same_thread=False, isolation_level=None, timeout=30)
    conn.execute(_raw_key_pragma(key))
    return conn


#: Files up to this size get the full check (every page's HMAC + quick_check) on every open. Larger
#: ones (a whole county: ~2 GB for 100,000 households with years of visits) get the schema check on
#: open; their pages are all read — and so authenticated — by the daily automatic backup, by
#: ``bangfu backup``, and by the desktop app's background check after the window shows.
FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024


def verify_file(path: Path, key: bytes, full: bool | None = None) -> None:
    """Raise ``store.damaged`` unless the file authenticates (all pages when ``full``)."""
    if full is None:
        full = path.stat().st_size <= FULL_CHECK_MAX_BYTES
    try:
        conn = _connect(path, key, readonly=True)
    except dbapi.DatabaseError:
        raise BangfuError("store.damaged", path=path.name) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not full:
            return
        problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if problems:
            raise BangfuError("store.damaged", path=path.name)
        row = conn.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            raise BangfuError("store.damaged", path=path.name)
    except dbapi.DatabaseError:
        raise BangfuError("store.damaged", path=path.name) from None
    finally:
        conn.close()


class Database:
    """An unlocked database: engines, the signed-in actor and the write lock."""

    def __init__(self, path: Path, key: bytes, actor: Actor, slots: SlotFile) -> None:
        self.path = path
        self._key = key
        self.actor = actor
        self.slots = slots
        self.write_lock = threading.RLock()
        self._device_id: str | None = None
        #: set by ``close``: windows still showing this database's data must not offer to save it
        self.closed = False
        self.read_engine = self._engine(immediate=False)
        self.write_engine = self._engine(immediate=True)

    # -- engines -----------------------------------------------------------------------------
    def _engine(self, immediate: bool) -> Engine:
        path, key = self.path, self._key

        def creator() -> Any:
            conn = _connect(path, key)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA synchronous = FULL")
            return conn

        engine = create_engine(
            "sqlite+pysqlite://", creator=creator, module=dbapi, poolclass=QueuePool, pool_size=4, max_overflow=4
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # IMMEDIATE takes the write lock up front, so two writers never deadlock on upgrade.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def raw(self) -> Any:
        """A fresh keyed DB-API connection for bulk work (demo, import, search); caller closes it."""
        conn = _connect(self.path, self._key)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    @property
    def key(self) -> bytes:
        return self._key

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.read_engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.closed = True
        self.read_engine.dispose()
        self.write_engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- meta --------------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.read() as s:
            row = s.get(SyncMeta, key)
            return row.value if row else default

    @property
    def is_training(self) -> bool:
        return self.meta("training") == "1"

    @property
    def device_id(self) -> str:
        if self._device_id is None:
            self._device_id = self.meta("device_id")
        assert self._device_id is not None
        return self._device_id

    # -- users -------------------------------------------------------------------------------
    def users(self) -> list[LocalUser]:
        with self.read() as s:
            return list(s.exec(select(LocalUser).where(LocalUser.active == True).order_by(LocalUser.name)))  # noqa: E712


def _configure_new(path: Path, key: bytes) -> None:
    conn = _connect(path, key)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def create_database(path: Path, user_name: str, passphrase: str, role: str = "village",
                    kdf: dict[str, int] | None = None, training: bool = False) -> Database:
    """Create a new encrypted database with its first user; refuses to overwrite anything."""
    from app.store.migrate import upgrade
    from app.validation import check_passphrase, check_user_name

    check_user_name(user_name)
    check_passphrase(passphrase)
    path = Path(path)
    if path.exists() or SlotFile.path_for(path).exists():
        raise BangfuError("store.exists", path=path.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    user_id = uuid7()
    slots = SlotFile(db_id=uuid7())
    slots.add(user_id, user_name.strip(), passphrase, key, kdf)
    _configure_new(path, key)
    try:
        upgrade(path, key)
        actor = Actor(user_id, user_name.strip(), role)
        db = Database(path, key, actor, slots)
        with db.write_engine.begin() as conn:
            from sqlalchemy import insert

            conn.execute(insert(LocalUser).values(id=user_id, name=user_name.strip(), role=role))
            conn.execute(
                insert(SyncMeta),
                [
                    {"key": "device_id", "value": uuid7()},
                    {"key": "db_id", "value": slots.db_id},
                    {"key": "training", "value": "1" if training else "0"},
                ],
            )
        slots.save(path)
    except BaseException:
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
        raise
    from app.services.audit import record_event

    record_event(db, "user.create", "local_user", user_id, {"name": actor.name, "role": role})
    return db


def open_database(path: Path, user_name: str, passphrase: str, check: bool = True, backup: bool = True) -> Database:
    """Unlock ``path`` as ``user_name``: slot, then file verification, then migrations."""
    from app.store.migrate import upgrade

    path = Path(path)
    if not path.exists():
        raise BangfuError("store.missing", path=path.name)
    slots = SlotFile.load(path)
    slot, key = slots.unlock(user_name, passphrase)
    if check:
        verify_file(path, key)
    upgrade(path, key)
    db = Database(path, key, Actor(slot.user_id, slot.name, "village"), slots)
    with db.read() as s:
        user = s.get(LocalUser, slot.user_id)
    if user is None or not user.active:
        db.close()
        raise BangfuError("user.unknown", name=slot.name)
    db.actor = Actor(user.id, user.name, user.role)
    if backup and os.environ.get("BANGFU_NO_AUTO_BACKUP") != "1":
        from app.store.backup import auto_backup

        try:
            auto_backup(db)
        except OSError as exc:  # a full disk must not stop the field worker from working
            log.warning("automatic backup failed: %s", exc.__class__.__name__)
    return db


def list_users(path: Path) -> list[str]:
    """Names for the unlock screen (read from the slot file; nothing is decrypted)."""
    return SlotFile.load(Path(path)).names()
