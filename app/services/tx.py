"""The one way to write: a transaction that records every change in the audit trail and outbox.

``with write(db) as tx:`` opens an IMMEDIATE SQLite transaction. ``tx.create / patch / append /
delete`` change a row and, in the same transaction, append a hash-chained audit entry and an
outbox op (sync.md: change capture). Households whose names or members change are re-indexed for
search before commit. Nothing is written if the block raises.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, SQLModel

from app.domain import ENTITIES, OutboxOp, Synced, SyncMeta, utcnow
from app.services.audit import append_audit
from app.store.database import Database
from app.sync.hlc import next_hlc

ENTITY_NAMES: dict[type, str] = {cls: name for name, cls in ENTITIES.items()}
NOT_SYNCED = frozenset({"rev", "updated_at"})


def wire_value(value: Any) -> Any:
    """JSON-safe form of a field value (dates as ISO strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_fields(obj: SQLModel) -> dict[str, Any]:
    data = {}
    for name in type(obj).model_fields:
        if name in NOT_SYNCED:
            continue
        data[name] = wire_value(getattr(obj, name))
    return data


class Tx:
    """A write transaction bound to the signed-in actor."""

    def __init__(self, db: Database, session: Session, reason: str = "") -> None:
        self.db = db
        self.session = session
        self.reason = reason
        self.reindex: set[str] = set()
        self.ops: list[OutboxOp] = []

    # -- change capture --------------------------------------------------------------------
    def _entity(self, obj: Synced) -> str:
        return ENTITY_NAMES[type(obj)]

    def _touch_search(self, entity: str, obj: Synced) -> None:
        if entity == "household":
            self.reindex.add(obj.id)
        elif entity == "member":
            self.reindex.add(obj.household_id)  # type: ignore[attr-defined]

    def _outbox(self, entity: str, entity_id: str, kind: str, fields: dict[str, Any], base_rev: int) -> None:
        hlc = next_hlc(self.session, self.db.device_id)
        op = OutboxOp(
            entity=entity, entity_id=entity_id, kind=kind, fields=fields, base_rev=base_rev,
            hlc=hlc, author=self.db.actor.name,
        )
        self.session.add(op)
        self.ops.append(op)

    def create(self, obj: Synced, reason: str = "", kind: str = "create") -> Synced:
        entity = self._entity(obj)
        obj.updated_at = utcnow()
        self.session.add(obj)
        self.session.flush()
        fields = row_fields(obj)
        self.audit(kind, entity, obj.id, fields, reason)
        self._outbox(entity, obj.id, kind, fields, 0)
        self._touch_search(entity, obj)
        return obj

    def append(self, obj: Synced, reason: str = "") -> Synced:
        """Insert an append-only fact (visit, measure, event): never conflicts during sync."""
        return self.create(obj, reason, kind="append")

    def patch(self, obj: Synced, changes: dict[str, Any], reason: str = "") -> dict[str, Any]:
        """Set only the fields that really change; returns {field: (old, new)} of those."""
        entity = self._entity(obj)
        diff: dict[str, tuple[Any, Any]] = {}
        for name, new in changes.items():
            old = getattr(obj, name)
            if old != new:
                diff[name] = (old, new)
                setattr(obj, name, new)
        if not diff:
            return {}
        obj.updated_at = utcnow()
        self.session.add(obj)
        self.session.flush()
        self.audit("patch", entity, obj.id, {k: [wire_value(o), wire_value(n)] for k, (o, n) in diff.items()}, reason)
        self._outbox(entity, obj.id, "patch", {k: wire_value(n) for k, (_o, n) in diff.items()}, obj.rev)
        self._touch_search(entity, obj)
        return diff

    def delete(self, obj: Synced, reason: str = "") -> None:
        """Soft delete (tombstone) so that the deletion syncs."""
        entity = self._entity(obj)
        obj.deleted = True
        obj.updated_at = utcnow()
        self.session.add(obj)
        self.session.flush()
        self.audit("delete", entity, obj.id, {}, reason)
        self._outbox(entity, obj.id, "delete", {}, obj.rev)
        self._touch_search(entity, obj)

    def audit(self, action: str, entity: str, entity_id: str, fields: dict[str, Any], reason: str = "") -> None:
        append_audit(self.session, self.db.actor, action, entity, entity_id, fields, reason or self.reason)

    def set_meta(self, key: str, value: str) -> None:
        row = self.session.get(SyncMeta, key)
        if row is None:
            self.session.add(SyncMeta(key=key, value=value))
        else:
            row.value = value
            self.session.add(row)

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        return self.session.execute(text(sql), params or {})


@contextmanager
def write(db: Database, reason: str = "") -> Iterator[Tx]:
    """Open a write transaction; commits on success, rolls everything back on any exception."""
    from app.store.search import reindex_households

    with db.write_lock, Session(db.write_engine, expire_on_commit=False) as session:
        tx = Tx(db, session, reason)
        try:
            yield tx
            session.flush()
            if tx.reindex:
                raw = session.connection().connection.driver_connection
                reindex_households(raw, sorted(tx.reindex))
            session.commit()
        except BaseException:
            session.rollback()
            raise


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
