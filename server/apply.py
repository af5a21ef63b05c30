"""Apply pushed batches exactly once, op by op, with field-level conflict detection.

One batch is one serialised transaction (see server.db): the batch id and every op id are recorded
with their answers, so a replayed batch returns the stored answer and an op seen before (in any
batch) returns its stored result. The same op id with different content is refused explicitly
(``op_id_reused``); the same batch id with different content is a protocol error.

Per op:
* create / append — a new row, validated against the domain model, placed in its village through
  its parent chain, authorised against the device's scope;
* patch — field by field: a field that another device changed after the op's ``base_rev`` to a
  different value is a **conflict** (the server keeps its value, records the proposal, and both
  sides list it for review); the other fields apply. Derived household fields never conflict: the
  server recomputes them from the members after every batch;
* delete — a tombstone, unless another device changed the row after ``base_rev`` (then a conflict
  on ``deleted``: nobody loses an edit they did not see).

Rejections carry a reason code and never stop the rest of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError, create_model
from sqlalchemy import insert
from sqlmodel import Session, select

from app.domain import APPEND_ONLY, ENTITIES
from app.protocol import FieldConflict, Op, OpResult, PushRequest, PushResponse, now, sha256_json
from app.sync.refs import key_text, natural_keys
from server.db import Sequence, ServerDB
from server.models import Alias, Batch, ConflictLog, Device, NaturalKey, OpLog, Record
from server.scope import Reject, device_covers, lookup, ref_fields, resolve, scope_fields

SERVER_DEVICE = "server"
NOT_WIRE = frozenset({"rev", "updated_at"})
#: Fields computed from other rows; the server recomputes them, so they never conflict.
DERIVED: dict[str, frozenset[str]] = {"household": frozenset({"size", "head_name"})}
HEAD = "01"
#: Key in ``field_revs``/``field_by`` for "every field as created" (saves a stamp per field).
CREATED = "*"

#: Which lifecycle-request statuses each role may set (county approval happens at the county).
STATUS_BY_ROLE: dict[str, frozenset[str]] = {
    "village": frozenset({"draft", "submitted"}),
    "township": frozenset({"draft", "submitted", "township_reviewed"}),
    "county": frozenset({"draft", "submitted", "township_reviewed", "approved", "rejected"}),
}


class BatchReused(Exception):
    """The same batch id arrived with other content (or from another device)."""


@cache
def allowed_fields(entity: str) -> frozenset[str]:
    return frozenset(ENTITIES[entity].model_fields) - NOT_WIRE


@cache
def _validator(entity: str) -> type[BaseModel]:
    """A plain pydantic model with the entity's fields and constraints: validating through it is
    ~30× cheaper than through the SQLModel table class, and says the same."""
    cls = ENTITIES[entity]
    fields: dict[str, Any] = {name: (info.annotation, info) for name, info in cls.model_fields.items()}
    return create_model(f"{cls.__name__}Wire", **fields)


class NewRecord:
    """A record created in this transaction: kept in memory and inserted with the others at the end."""

    __slots__ = ("author", "created_by", "data", "deleted", "entity", "entity_id", "field_by", "field_revs",
                 "household_id", "rev", "seq", "updated_at", "village_code")

    def __init__(self, **values: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, values[name])

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


AnyRecord = Record | NewRecord


@dataclass
class Writer:
    """State of one write transaction: session, sequence, the acting device and what it touched."""

    session: Session
    seq: Sequence
    device_id: str
    role: str
    prefixes: list[str]
    at: datetime = field(default_factory=now)
    batch_id: str = ""
    seen: dict[str, tuple[str, OpResult]] = field(default_factory=dict)
    logged: dict[str, OpLog] | None = None
    cache: dict[tuple[str, str], Any] = field(default_factory=dict)
    households: set[str] = field(default_factory=set)
    new: dict[tuple[str, str], NewRecord] = field(default_factory=dict)
    oplog: list[dict[str, Any]] = field(default_factory=list)
    checked: dict[str, Reject | None] = field(default_factory=dict)
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)
    natkeys: dict[str, str | None] = field(default_factory=dict)

    def alias(self, entity: str, entity_id: str) -> str:
        """The id a (possibly merged-away) id stands for."""
        key = (entity, entity_id)
        if key not in self.aliases:
            row = self.session.get(Alias, key)
            self.aliases[key] = row.entity_id if row is not None else entity_id
        return self.aliases[key]

    def holder(self, key: str) -> str | None:
        """The id of the record holding a natural key, if any."""
        if key not in self.natkeys:
            row = self.session.get(NaturalKey, key)
            self.natkeys[key] = row.entity_id if row is not None else None
        return self.natkeys[key]

    def claim(self, key: str, entity: str, entity_id: str) -> None:
        row = self.session.get(NaturalKey, key)
        if row is None:
            self.session.add(NaturalKey(key=key, entity=entity, entity_id=entity_id))
        else:
            row.entity, row.entity_id = entity, entity_id
            self.session.add(row)
        self.session.flush()  # later claims and releases in this batch must see it (no autoflush)
        self.natkeys[key] = entity_id

    def release(self, key: str) -> None:
        row = self.session.get(NaturalKey, key)
        if row is not None:
            self.session.delete(row)
            self.session.flush()
        self.natkeys[key] = None

    def covers(self, village_code: str) -> bool:
        from server.scope import covers

        return covers(self.prefixes, self.role, village_code)

    def stamp(self, author: str) -> list[str]:
        return [self.device_id, author, self.at.isoformat()]

    # -- writes used by push and by county-side actions -----------------------------------
    def insert(self, entity: str, entity_id: str, data: dict[str, Any], village_code: str,
               household_id: str | None, author: str, deleted: bool = False) -> NewRecord:
        s = self.seq.next()
        stamp = self.stamp(author)
        rec = NewRecord(entity=entity, entity_id=entity_id, village_code=village_code, household_id=household_id,
                        seq=s, rev=s, deleted=deleted, data=data, field_revs={CREATED: s},
                        field_by={CREATED: stamp}, author=author, created_by=self.device_id,
                        updated_at=self.at)
        self.new[(entity, entity_id)] = rec
        self.cache[(entity, entity_id)] = rec
        self._touch(entity, rec)
        return rec

    def update(self, rec: AnyRecord, changes: dict[str, Any], author: str) -> int:
        """Write ``changes`` (may include ``deleted``) as one new revision; returns it."""
        s = self.seq.next()
        stamp = self.stamp(author)
        data, revs, by = dict(rec.data), dict(rec.field_revs), dict(rec.field_by)
        for name, value in changes.items():
            if name == "deleted":
                rec.deleted = bool(value)
            else:
                data[name] = value
            revs[name] = s
            by[name] = stamp
        rec.data, rec.field_revs, rec.field_by = data, revs, by
        rec.seq = rec.rev = s
        rec.author = author
        rec.updated_at = self.at
        if isinstance(rec, Record):
            self.session.add(rec)
        self._touch(rec.entity, rec)
        return s

    def members_of(self, household_id: str) -> list[AnyRecord]:
        stored = self.session.exec(select(Record).where(Record.entity == "member",
                                                        Record.household_id == household_id)).all()
        found: dict[str, AnyRecord] = {m.entity_id: self.cache.get(("member", m.entity_id)) or m for m in stored}
        for (entity, entity_id), rec in self.new.items():
            if entity == "member" and rec.household_id == household_id:
                found[entity_id] = rec
        return list(found.values())

    def finish(self) -> None:
        """Insert the new records and op-log entries of this transaction in bulk."""
        if self.new:
            rows = [r.row() for r in self.new.values()]
            for start in range(0, len(rows), 1000):
                self.session.execute(insert(Record.__table__), rows[start:start + 1000])  # type: ignore[arg-type]
            self.new.clear()
        if self.oplog:
            for start in range(0, len(self.oplog), 1000):
                self.session.execute(insert(OpLog.__table__), self.oplog[start:start + 1000])  # type: ignore[arg-type]
            self.oplog.clear()

    def _touch(self, entity: str, rec: AnyRecord) -> None:
        if entity == "household":
            self.households.add(rec.entity_id)
        elif entity == "member" and rec.household_id:
            self.households.add(rec.household_id)


def validate(entity: str, data: dict[str, Any]) -> None:
    try:
        _validator(entity).model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        loc = errors[0].get("loc", ()) if errors else ()
        raise Reject("invalid", str(loc[0]) if loc else "") from None
    except (TypeError, ValueError):
        raise Reject("invalid") from None


def check_role(entity: str, changes: dict[str, Any], role: str) -> None:
    if entity == "lifecycle_request" and "status" in changes:
        if changes["status"] not in STATUS_BY_ROLE.get(role, frozenset()):
            raise Reject("forbidden_role", "status")


def _stored_result(row: OpLog) -> OpResult:
    return OpResult.model_validate(row.result)


def apply_op(w: Writer, op: Op, content_hash: str | None = None) -> OpResult:
    """Apply one op (or return its stored result); records it in the op log."""
    content_hash = content_hash or op.content_hash()
    if op.op_id in w.seen:  # the same op twice in one batch
        seen_hash, seen_result = w.seen[op.op_id]
        if seen_hash == content_hash:
            return seen_result
        return OpResult(op_id=op.op_id, status="rejected", code="op_id_reused")
    logged = w.logged.get(op.op_id) if w.logged is not None else w.session.get(OpLog, op.op_id)
    if logged is not None:
        if logged.content_hash == content_hash and logged.device_id == w.device_id:
            return _stored_result(logged)
        return OpResult(op_id=op.op_id, status="rejected", code="op_id_reused")
    try:
        result = _apply(w, op)
    except Reject as rej:
        result = OpResult(op_id=op.op_id, status="rejected", code=rej.code, field=rej.field)
    w.oplog.append({"op_id": op.op_id, "batch_id": w.batch_id, "device_id": w.device_id, "device_seq": op.device_seq,
                    "entity": op.entity[:40], "entity_id": op.entity_id, "kind": op.kind,
                    "content_hash": content_hash, "hlc": op.hlc, "author": op.author, "received_at": w.at,
                    "status": result.status, "code": result.code, "rev": result.rev,
                    "result": result.model_dump(mode="json")})
    w.seen[op.op_id] = (content_hash, result)
    return result


def _apply(w: Writer, op: Op) -> OpResult:
    if op.entity not in ENTITIES:
        raise Reject("unknown_entity")
    allowed = allowed_fields(op.entity)
    unknown = sorted(set(op.fields) - allowed)
    if unknown:
        raise Reject("unknown_field", unknown[0][:60])
    if op.kind in ("create", "append"):
        return _create(w, op)
    return _change(w, op)


def _create(w: Writer, op: Op) -> OpResult:
    if lookup(w.session, op.entity, op.entity_id, w.cache) is not None or w.alias(op.entity, op.entity_id) != op.entity_id:
        raise Reject("exists")
    data = dict(op.fields)
    if data.get("id", op.entity_id) != op.entity_id:
        raise Reject("invalid", "id")
    data["id"] = op.entity_id
    deleted = bool(data.pop("deleted", False))
    if op.op_id in w.checked:  # validated before the lock was taken
        if w.checked[op.op_id] is not None:
            raise w.checked[op.op_id]  # type: ignore[misc]
    else:
        validate(op.entity, data)
    for name, parent_entity in ref_fields(op.entity):  # a parent merged into another: point at that one
        value = data.get(name)
        if isinstance(value, str) and value:
            data[name] = w.alias(parent_entity, value)
    village, household = resolve(w.session, op.entity, data, w.cache)
    for name, parent_entity in ref_fields(op.entity):
        value = data.get(name)
        if isinstance(value, str) and value and lookup(w.session, parent_entity, value, w.cache) is None:
            raise Reject("missing_parent", name)  # every reference must resolve: laptops keep FKs
    if not w.covers(village):
        raise Reject("out_of_scope")
    check_role(op.entity, data, w.role)
    keys = [k for k in (key_text(op.entity, cols, data) for cols in natural_keys(op.entity)) if k]
    for key in keys:
        holder = w.holder(key)
        if holder is not None and holder != op.entity_id:
            return _merge(w, op, data, holder)
    if op.entity == "household":
        household = op.entity_id
    rec = w.insert(op.entity, op.entity_id, data, village, household, op.author, deleted)
    for key in keys:
        w.claim(key, op.entity, op.entity_id)
    return OpResult(op_id=op.op_id, status="applied", rev=rec.rev)


def _merge(w: Writer, op: Op, data: dict[str, Any], holder: str) -> OpResult:
    """The same row created twice offline (same natural key, other id): the second becomes an alias
    of the first and its values a proposal on it, so differing values surface as conflicts."""
    w.session.add(Alias(entity=op.entity, alias_id=op.entity_id, entity_id=holder))
    w.aliases[(op.entity, op.entity_id)] = holder
    fixed = scope_fields(op.entity) | {c for cols in natural_keys(op.entity) for c in cols}
    changes = {k: v for k, v in data.items() if k not in fixed}
    proposal = Op(op_id=op.op_id, device_seq=op.device_seq, entity=op.entity, entity_id=holder, kind="patch",
                  fields=changes, base_rev=0, hlc=op.hlc, author=op.author)
    result = _change(w, proposal)
    return result.model_copy(update={"merged_into": holder})


def _change(w: Writer, op: Op) -> OpResult:
    rec = lookup(w.session, op.entity, w.alias(op.entity, op.entity_id), w.cache)
    if rec is None or not w.covers(rec.village_code):
        # Out of scope looks the same as missing: a device learns nothing about other villages.
        raise Reject("not_found" if rec is None else "out_of_scope")
    if op.kind == "patch":
        if op.entity in APPEND_ONLY:
            raise Reject("append_only")
        changes = dict(op.fields)
        if rec.deleted and changes.get("deleted") is not False:
            raise Reject("deleted")
    else:
        changes = {"deleted": True}
    for name in scope_fields(op.entity) & set(changes):
        if changes[name] != rec.data.get(name, rec.entity_id if name == "id" else None):
            raise Reject("scope_change", name)
    merged = {**rec.data, **{k: v for k, v in changes.items() if k != "deleted"}}
    validate(op.entity, merged)
    check_role(op.entity, changes, w.role)
    rekeyed = []
    for cols in natural_keys(op.entity):
        if set(cols) & set(changes):
            old_key, new_key = key_text(op.entity, cols, rec.data), key_text(op.entity, cols, merged)
            if new_key != old_key:
                if new_key is not None and w.holder(new_key) not in (None, rec.entity_id):
                    raise Reject("exists", cols[-1])
                rekeyed.append((old_key, new_key))

    derived = DERIVED.get(op.entity, frozenset())
    apply: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    if op.kind == "delete":
        if not rec.deleted:
            newer = [(rev, name) for name, rev in rec.field_revs.items()
                     if rev > op.base_rev and _by(rec, name)[0] != w.device_id and name not in derived]
            if newer:
                _latest, name = max(newer)
                conflicts.append(_conflict(rec, "deleted", True, False, name))
            else:
                apply["deleted"] = True
    else:
        for name, value in changes.items():
            current = rec.deleted if name == "deleted" else rec.data.get(name)
            if current == value:
                continue
            if (name not in derived and _rev(rec, name) > op.base_rev
                    and _by(rec, name)[0] != w.device_id):
                conflicts.append(_conflict(rec, name, value, current, name))
            else:
                apply[name] = value
    rev = w.update(rec, apply, op.author) if apply else rec.rev
    if apply and rekeyed:
        for old_key, new_key in rekeyed:
            if old_key is not None:
                w.release(old_key)
            if new_key is not None:
                w.claim(new_key, rec.entity, rec.entity_id)
    for c in conflicts:
        w.session.add(ConflictLog(op_id=op.op_id, device_id=w.device_id, entity=op.entity, entity_id=rec.entity_id,
                                  village_code=rec.village_code, field=c.field, ours=c.ours, theirs=c.theirs,
                                  their_author=c.their_author, their_at=c.their_at, their_rev=c.their_rev,
                                  author=op.author, created_at=w.at))
    return OpResult(op_id=op.op_id, status="conflict" if conflicts else "applied", rev=rev, conflicts=conflicts)


def _rev(rec: AnyRecord, name: str) -> int:
    """Server revision of a field's last change (fields untouched since creation share ``*``)."""
    return rec.field_revs.get(name, rec.field_revs.get(CREATED, 0))


def _by(rec: AnyRecord, name: str) -> list[str]:
    by = rec.field_by.get(name, rec.field_by.get(CREATED))
    return by if isinstance(by, list) and len(by) == 3 else ["", "", ""]


def _conflict(rec: Record, name: str, ours: Any, theirs: Any, source_field: str) -> FieldConflict:
    device, author, at = _by(rec, source_field)
    when = datetime.fromisoformat(at) if at else None
    return FieldConflict(field=name, ours=ours, theirs=theirs, their_author=author or device,
                         their_at=when, their_rev=_rev(rec, source_field))


def recompute_households(w: Writer) -> None:
    """Keep size and head name equal to the living members (registry invariants), county side."""
    if w.households:
        w.session.flush()
    for hh_id in sorted(w.households):
        hh = lookup(w.session, "household", hh_id, w.cache)
        if hh is None:
            continue
        members = w.members_of(hh_id)
        living = [m for m in members if not m.deleted and m.data.get("active", True)]
        heads = [m for m in living if m.data.get("relation") == HEAD]
        changes: dict[str, Any] = {}
        if hh.data.get("size") != len(living):
            changes["size"] = len(living)
        if len(heads) == 1 and hh.data.get("head_name") != heads[0].data.get("name", ""):
            changes["head_name"] = heads[0].data.get("name", "")
        if changes:
            device_id, w.device_id = w.device_id, SERVER_DEVICE
            try:
                w.update(hh, changes, "")
            finally:
                w.device_id = device_id
    w.households.clear()


def prefetch(w: Writer, ops: list[Op]) -> None:
    """Load the op log entries and records a batch touches with a few IN queries, not one per op."""
    ids = [op.op_id for op in ops]
    w.logged = {}
    for start in range(0, len(ids), 500):
        for row in w.session.exec(select(OpLog).where(OpLog.op_id.in_(ids[start:start + 500]))):  # type: ignore[attr-defined]
            w.logged[row.op_id] = row
    wanted: dict[str, set[str]] = {}
    for op in ops:
        wanted.setdefault(op.entity, set()).add(op.entity_id)
        if op.entity in ENTITIES:
            for name, parent in ref_fields(op.entity):
                value = op.fields.get(name)
                if isinstance(value, str) and value:
                    wanted.setdefault(parent, set()).add(value)
    for entity, keys in wanted.items():
        todo = sorted(keys)
        for start in range(0, len(todo), 500):
            chunk = todo[start:start + 500]
            for rec in w.session.exec(select(Record).where(Record.entity == entity,
                                                           Record.entity_id.in_(chunk))):  # type: ignore[attr-defined]
                w.cache[(entity, rec.entity_id)] = rec
            for alias in w.session.exec(select(Alias).where(Alias.entity == entity,
                                                            Alias.alias_id.in_(chunk))):  # type: ignore[attr-defined]
                w.aliases[(entity, alias.alias_id)] = alias.entity_id
            for key in chunk:
                w.cache.setdefault((entity, key), None)
                w.aliases.setdefault((entity, key), key)
    natural = [k for op in ops if op.kind in ("create", "append") and op.entity in ENTITIES
               for k in (key_text(op.entity, cols, op.fields) for cols in natural_keys(op.entity)) if k]
    for start in range(0, len(natural), 500):
        chunk = natural[start:start + 500]
        for row in w.session.exec(select(NaturalKey).where(NaturalKey.key.in_(chunk))):  # type: ignore[attr-defined]
            w.natkeys[row.key] = row.entity_id
        for key in chunk:
            w.natkeys.setdefault(key, None)


def writer_for(session: Session, seq: Sequence, device: Device) -> Writer:
    return Writer(session, seq, device.id, device.role, list(device.villages))


def precheck(req: PushRequest) -> tuple[str, dict[str, str], dict[str, Reject | None]]:
    """Work that needs no database: content hashes, and the validation of new rows.

    Done before the write lock is taken, so that concurrent laptops wait for each other as
    little as possible (writes are serialised on the county sequence).
    """
    hashes = {op.op_id: op.content_hash() for op in req.ops}
    batch_hash = sha256_json({"batch_id": req.batch_id, "device_id": req.device_id,
                              "ops": [hashes[op.op_id] for op in req.ops]})
    checked: dict[str, Reject | None] = {}
    for op in req.ops:
        if op.kind in ("create", "append") and op.entity in ENTITIES and not set(op.fields) - allowed_fields(op.entity):
            data = {**op.fields, "id": op.entity_id}
            data.pop("deleted", None)
            try:
                validate(op.entity, data)
                checked[op.op_id] = None
            except Reject as rej:
                checked[op.op_id] = rej
    return batch_hash, hashes, checked


def apply_batch(db: ServerDB, device: Device, req: PushRequest) -> PushResponse:
    """Apply a batch once; a replay (same batch id, same content) returns the stored answer."""
    content_hash, hashes, checked = precheck(req)
    with db.write() as (session, seq):
        return apply_batch_in(session, seq, device, req, content_hash, hashes, checked)


def apply_batch_in(session: Session, seq: Sequence, device: Device, req: PushRequest,
                   content_hash: str | None = None, hashes: dict[str, str] | None = None,
                   checked: dict[str, Reject | None] | None = None) -> PushResponse:
    if content_hash is None or hashes is None or checked is None:
        content_hash, hashes, checked = precheck(req)
    stored = session.get(Batch, req.batch_id)
    if stored is not None:
        if stored.content_hash != content_hash or stored.device_id != device.id:
            raise BatchReused(req.batch_id)
        answer = PushResponse.model_validate(stored.response)
        return answer.model_copy(update={"replayed": True, "server_time": now()})
    w = writer_for(session, seq, device)
    w.batch_id = req.batch_id
    w.checked = checked
    prefetch(w, req.ops)
    results = [apply_op(w, op, hashes[op.op_id]) for op in req.ops]
    recompute_households(w)
    w.finish()
    answer = PushResponse(batch_id=req.batch_id, results=results, server_time=now())
    session.add(Batch(batch_id=req.batch_id, device_id=device.id, content_hash=content_hash, op_count=len(req.ops),
                      received_at=w.at, response=answer.model_dump(mode="json")))
    return answer


def device_may_see(device: Device, rec: Record) -> bool:
    return device_covers(device, rec.village_code)
