"""The one way to write: a transaction that records every change in the audit trail and outbox.

``with write(db) as tx:`` opens an IMMEDIATE SQLite transaction. ``tx.create / patch / append /
delete`` change a row and, in the same transaction, append a hash-chained audit entry and an
outbox op (sync.md: change capture). Households whose names or members change are re-indexed for
search before commit. Nothing is written if the block raises.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session, SQLModel

from app.domain import ENTITIES, AuditEntry, OutboxOp, Synced, SyncMeta, utcnow, uuid7
from app.services.audit import GENESIS, append_audit
from app.store.database import Database
from app.sync.hlc import next_hlc
from app.sync.hlc import parse as parse_hlc

ENTITY_NAMES: dict[type, str] = {cls: name for name, cls in ENTITIES.items()}
NOT_SYNCED = frozenset({"rev", "updated_at"})


def wire_value(value: Any) -> Any:
    """JSON-safe form of a field value (dates as ISO strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _defaults(cls: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Callable[[], Any]]]:
    """A model's constant defaults and default factories (for rows built as dicts)."""
    constants: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for name, info in cls.model_fields.items():
        if info.default_factory is not None:
            factories[name] = info.default_factory  # type: ignore[assignment]
        elif not info.is_required():
            constants[name] = info.default
    return constants, factories


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

    def create_rows(self, cls: type[Synced], rows: Sequence[dict[str, Any]], reason: str = "",
                    kind: str = "create") -> list[dict[str, Any]]:
        """Bulk ``create`` of plain dicts: the same rows, audit entries and outbox ops, via executemany.

        For imports of thousands of rows: building a SQLModel object costs far more than a dict,
        and one flush, audit lookup and HLC read per row would dominate. Missing fields get the
        model's defaults (``id`` a fresh UUIDv7). Rows are inserted on the transaction's own
        connection, not added to the session, so re-read them (``session.get``) before patching
        them in the same transaction. Returns the complete rows as inserted.
        """
        if not rows:
            return []
        self.session.flush()
        entity = ENTITY_NAMES[cls]
        now = utcnow()
        stamp = now.isoformat()
        constants, factories = _defaults(cls)
        last = self.session.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)  # type: ignore[union-attr]
        ).first()
        seq, prev = (last[0], last[1]) if last else (0, GENESIS)
        hlcs = self._next_hlcs(len(rows))
        actor, reason = self.db.actor, reason or self.reason
        # The audit hash covers json.dumps([seq, id, at, user_id, user_name, action, entity, entity_id,
        # fields, reason]) (app.services.audit): every item but seq, id, entity_id and fields is the
        # same for the whole batch, so it is encoded once and the fields' JSON is reused for storage.
        head = [_dumps(actor.user_id), _dumps(actor.name), _dumps(kind), _dumps(entity)]
        tail = _dumps(reason)
        at = _dumps(stamp)
        full_rows: list[dict[str, Any]] = []
        audits: list[dict[str, Any]] = []
        ops: list[dict[str, Any]] = []
        factories.pop("updated_at", None)
        for given, hlc in zip(rows, hlcs, strict=True):
            row = {**constants, **{k: f() for k, f in factories.items() if k not in given}, **given}
            row["updated_at"] = now
            full_rows.append(row)
            fields = _dumps({k: v.isoformat() if isinstance(v, date) else v  # date and datetime
                             for k, v in row.items() if k not in NOT_SYNCED})
            seq += 1
            audit_id = uuid7()
            canonical = (f"[{seq},{_dumps(audit_id)},{at},{head[0]},{head[1]},{head[2]},{head[3]},"
                         f"{_dumps(row['id'])},{fields},{tail}]")
            digest = hashlib.sha256(prev.encode("ascii") + b"|" + canonical.encode("utf-8")).hexdigest()
            audits.append({"seq": seq, "id": audit_id, "at": now, "user_id": actor.user_id, "user_name": actor.name,
                           "action": kind, "entity": entity, "entity_id": row["id"], "fields": fields,
                           "reason": reason, "prev_hash": prev, "hash": digest})
            prev = digest
            ops.append({"op_id": uuid7(), "entity": entity, "entity_id": row["id"], "kind": kind, "fields": fields,
                        "base_rev": 0, "hlc": hlc, "author": actor.name, "created_at": now, "status": "pending",
                        "batch_id": None, "result_code": "", "result_rev": None})
            if entity == "household":
                self.reindex.add(row["id"])
            elif entity == "member":
                self.reindex.add(row["household_id"])
        self._insert(cls.__table__, full_rows)  # type: ignore[attr-defined]
        self._insert(AuditEntry.__table__, audits, preserialised={"fields"})  # type: ignore[attr-defined]
        self._insert(OutboxOp.__table__, ops, preserialised={"fields"})  # type: ignore[attr-defined]
        return full_rows

    def _insert(self, table: Any, rows: list[dict[str, Any]], preserialised: set[str] | frozenset[str] = frozenset()
                ) -> None:
        """executemany on the transaction's DB-API connection, values converted by the column types."""
        connection = self.session.connection()
        dialect = connection.dialect
        names = list(rows[0])
        columns = [table.columns[name] for name in names]
        procs = [None if c.name in preserialised else c.type.bind_processor(dialect) for c in columns]
        converted = [(i, p) for i, p in enumerate(procs) if p is not None]
        take = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
        data: list[Any] = [take(row) for row in rows]
        if converted:
            for k, values in enumerate(data):
                values = list(values)
                for i, proc in converted:
                    values[i] = proc(values[i])
                data[k] = values
        quoted = ",".join(f'"{n}"' for n in names)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({",".join("?" * len(names))})'
        connection.connection.driver_connection.executemany(sql, data)  # type: ignore[union-attr]

    def _next_hlcs(self, count: int) -> list[str]:
        """``count`` increasing HLC values in one read and one write of the clock row."""
        first = next_hlc(self.session, self.db.device_id)
        self.session.flush()
        ms, counter = parse_hlc(first)
        out = [first]
        for _ in range(count - 1):
            counter += 1
            if counter > 9999:  # keep the 4-digit counter so HLCs stay sortable as text
                ms, counter = ms + 1, 0
            out.append(f"{ms:013d}-{counter:04d}-{self.db.device_id}")
        self.session.get(SyncMeta, "hlc").value = out[-1]  # type: ignore[union-attr]
        return out

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


def _dumps(value: Any) -> str:
    """JSON exactly as the audit chain encodes it (app.services.audit._canonical)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
