"""Sync state kept in the encrypted local database (``sync_meta``): server address, device token,
bundle keys, pull cursor, records to re-read, last results.

The token and the private bundle keys live only here, inside the SQLCipher file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlmodel import Session, select

from app.domain import SyncMeta

SERVER = "sync.server"
TOKEN = "sync.token"
KEYS = "sync.keys"
SERVER_KEYS = "sync.server_keys"
ROLE = "sync.role"
VILLAGES = "sync.villages"
CURSOR = "sync.cursor"
REFETCH = "sync.refetch"
LAST_OK = "sync.last_ok"
LAST_ERROR = "sync.last_error"
SKEW = "sync.skew_s"
REF_PREFIX = "ref:"


@contextmanager
def meta_session(db: Any) -> Iterator[Session]:
    """A short write transaction on the local database (bookkeeping, not domain data)."""
    with db.write_lock, Session(db.write_engine, expire_on_commit=False, autoflush=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _settle(session: Session) -> None:
    # Sessions here do not autoflush; a key added earlier in the same transaction must be found.
    if any(isinstance(obj, SyncMeta) for obj in session.new):
        session.flush()


def get(session: Session, key: str, default: str | None = None) -> str | None:
    _settle(session)
    row = session.get(SyncMeta, key)
    return row.value if row else default


def put(session: Session, key: str, value: str | None) -> None:
    _settle(session)
    row = session.get(SyncMeta, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(SyncMeta(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def get_json(session: Session, key: str, default: Any = None) -> Any:
    raw = get(session, key)
    return default if raw is None else json.loads(raw)


def put_json(session: Session, key: str, value: Any) -> None:
    put(session, key, json.dumps(value, ensure_ascii=False, sort_keys=True))


def read(db: Any, key: str, default: str | None = None) -> str | None:
    with db.read() as session:
        return get(session, key, default)


def read_json(db: Any, key: str, default: Any = None) -> Any:
    with db.read() as session:
        return get_json(session, key, default)


def write(db: Any, **values: str | None) -> None:
    with meta_session(db) as session:
        for key, value in values.items():
            put(session, key, value)


def cursor(session: Session) -> int:
    return int(get(session, CURSOR, "0") or 0)


def refetch_list(session: Session) -> list[tuple[str, str]]:
    return [tuple(x) for x in get_json(session, REFETCH, [])]  # type: ignore[misc]


def add_refetch(session: Session, keys: set[tuple[str, str]]) -> None:
    if keys:
        current = set(refetch_list(session)) | keys
        put_json(session, REFETCH, sorted(current))


def drop_refetch(session: Session, keys: set[tuple[str, str]]) -> None:
    if keys:
        current = set(refetch_list(session)) - keys
        put_json(session, REFETCH, sorted(current))


def reference_rows(session: Session) -> list[SyncMeta]:
    return list(session.exec(select(SyncMeta).where(SyncMeta.key.startswith(REF_PREFIX))))  # type: ignore[attr-defined]
