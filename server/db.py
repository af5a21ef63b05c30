"""The server's database: engines for SQLite (default, embedded) and PostgreSQL, migrations, and
the county-wide sequence.

Write transactions are serialised on the sequence: SQLite takes its write lock up front
(``BEGIN IMMEDIATE``); PostgreSQL locks the counter row (``SELECT … FOR UPDATE``) as the first
statement. Sequence numbers are therefore handed out in commit order, so a puller that has seen
number N can never later miss a change numbered below N — the property that makes a plain
``seq > cursor`` pull correct with several server instances on one database.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlmodel import Session, select

from server.models import Counter, Key

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SEQ = "seq"
_MIGRATION_LOCK = 0x62616E67  # "bang": PostgreSQL advisory lock id for schema upgrades


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


class ServerDB:
    """Engines for one server database URL (``sqlite:///…`` or ``postgresql+psycopg://…``)."""

    def __init__(self, url: str, pool_size: int = 10) -> None:
        self.url = url
        self.dialect = url.split(":", 1)[0].split("+", 1)[0]
        common: dict[str, Any] = {"hide_parameters": True}  # SQL parameters may hold personal data
        if self.is_sqlite:
            def _pragmas(conn: Any, _record: Any) -> None:
                conn.isolation_level = None  # we issue BEGIN ourselves
                cur = conn.cursor()
                cur.execute("PRAGMA busy_timeout = 30000")
                cur.execute("PRAGMA synchronous = NORMAL")
                cur.close()

            args = {"check_same_thread": False, "timeout": 30}
            self.engine = create_engine(url, connect_args=args, pool_size=8, max_overflow=8, **common)
            self.write_engine = create_engine(url, connect_args=args, pool_size=2, max_overflow=8, **common)
            for eng, begin in ((self.engine, "BEGIN"), (self.write_engine, "BEGIN IMMEDIATE")):
                event.listen(eng, "connect", _pragmas)
                event.listen(eng, "begin", lambda conn, b=begin: conn.exec_driver_sql(b))
        else:
            self.engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, **common)
            self.write_engine = self.engine

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[tuple[Session, Sequence]]:
        """A serialised write transaction with the county sequence; commits on success.

        Autoflush is off so that a batch's inserts go out together at the end; code that queries
        rows it has just added flushes first.
        """
        with Session(self.write_engine, expire_on_commit=False, autoflush=False) as session:
            try:
                seq = Sequence(session, self.is_sqlite)
                yield session, seq
                seq.store()
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def write_plain(self) -> Iterator[Session]:
        """A write transaction that takes no sequence number (attachments, device bookkeeping)."""
        with Session(self.write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()


class Sequence:
    """The county-wide change counter, locked for the whole write transaction."""

    def __init__(self, session: Session, sqlite: bool) -> None:
        self.session = session
        stmt = select(Counter).where(Counter.name == SEQ)
        if not sqlite:
            stmt = stmt.with_for_update()
        row = session.exec(stmt).first()
        if row is None:  # only before `init`; upgrade() seeds it
            row = Counter(name=SEQ, value=0)
            session.add(row)
            session.flush()
        self._row = row
        self.start = row.value
        self.value = row.value

    def next(self) -> int:
        self.value += 1
        return self.value

    def store(self) -> None:
        if self.value != self.start:
            self._row.value = self.value
            self.session.add(self._row)


def latest_seq(session: Session) -> int:
    row = session.get(Counter, SEQ)
    return row.value if row else 0


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: ServerDB) -> None:
    """Bring the schema to head and make sure the counter and the bundle keys exist.

    Two instances starting at once on PostgreSQL are serialised by an advisory lock.
    """
    if db.is_sqlite:  # outside any transaction: SQLite cannot switch journal mode inside one
        raw = db.write_engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
        finally:
            raw.close()
    with db.write_engine.connect() as conn:
        if not db.is_sqlite:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            conn.commit()
        try:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
            with Session(bind=conn) as session:
                if session.get(Counter, SEQ) is None:
                    session.add(Counter(name=SEQ, value=0))
                for name, maker in (("sign", _new_sign_key), ("box", _new_box_key)):
                    if session.get(Key, name) is None:
                        private, public = maker()
                        session.add(Key(name=name, private=private, public=public))
                session.commit()
        finally:
            if not db.is_sqlite:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                conn.commit()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _new_sign_key() -> tuple[str, str]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.sync.bundlefile import private_bytes, public_bytes

    key = Ed25519PrivateKey.generate()
    return _b64(private_bytes(key)), _b64(public_bytes(key.public_key()))


def _new_box_key() -> tuple[str, str]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from app.sync.bundlefile import private_bytes, public_bytes

    key = X25519PrivateKey.generate()
    return _b64(private_bytes(key)), _b64(public_bytes(key.public_key()))


def server_keys(session: Session) -> dict[str, Key]:
    return {k.name: k for k in session.exec(select(Key))}
