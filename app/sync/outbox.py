"""The outbox side of push: batching, recording answers, and the quarantine of rejected ops.

A batch is formed once and remembered (its id is written on its ops before it is sent), so after
a dropped connection, a crash or a SIGKILL the very same batch — same id, same ops — is sent
again and the server answers it from its record instead of applying it twice. Ops leave the
outbox only with the server's answer: ``applied``, ``conflict`` (kept for review) or ``rejected``
(quarantined until a person fixes or discards it; later ops go on regardless).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, update
from sqlmodel import Session, select

from app.domain import ENTITIES, Conflict, OutboxOp, uuid7
from app.protocol import MAX_BATCH_BYTES, MAX_BATCH_OPS, Op, PushRequest, PushResponse, compress
from app.sync import state

PENDING, APPLIED, CONFLICT, REJECTED, DISCARDED = "pending", "applied", "conflict", "rejected", "discarded"
#: Local ops the server never saw that still guard their fields from being overwritten by a pull.
UNRESOLVED = (PENDING, REJECTED)


@dataclass
class Batch:
    request: PushRequest
    body: bytes

    @property
    def size(self) -> int:
        return len(self.request.ops)


def to_wire(op: OutboxOp) -> Op:
    return Op(op_id=op.op_id, device_seq=op.device_seq, entity=op.entity, entity_id=op.entity_id, kind=op.kind,
              fields=op.fields, base_rev=op.base_rev, hlc=op.hlc, author=op.author)  # type: ignore[arg-type]


def encode(req: PushRequest) -> bytes:
    return compress(json.dumps(req.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def pending_count(db: Any) -> int:
    with db.read() as s:
        return int(s.exec(select(func.count()).select_from(OutboxOp).where(OutboxOp.status == PENDING)).one())


_WIRE = (OutboxOp.device_seq, OutboxOp.op_id, OutboxOp.entity, OutboxOp.entity_id, OutboxOp.kind, OutboxOp.fields,
         OutboxOp.base_rev, OutboxOp.hlc, OutboxOp.author)


def _wire_rows(s: Session, *where: Any, limit: int | None = None) -> list[Any]:
    stmt = select(*_WIRE).where(OutboxOp.status == PENDING, *where).order_by(OutboxOp.device_seq)  # type: ignore[call-overload]
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(s.execute(stmt).all())


def _op(row: Any) -> Op:
    return Op(device_seq=row[0], op_id=row[1], entity=row[2], entity_id=row[3], kind=row[4], fields=row[5],
              base_rev=row[6], hlc=row[7], author=row[8])


def next_batch(db: Any, max_ops: int = MAX_BATCH_OPS, max_bytes: int = MAX_BATCH_BYTES) -> Batch | None:
    """The batch to send now: the oldest one already in flight, else a new one (recorded first)."""
    with state.meta_session(db) as s:
        first = s.execute(select(OutboxOp.batch_id).where(OutboxOp.status == PENDING, OutboxOp.batch_id != None)  # noqa: E711
                          .order_by(OutboxOp.device_seq).limit(1)).first()
        if first is not None:
            rows = _wire_rows(s, OutboxOp.batch_id == first[0])
            req = PushRequest(batch_id=first[0], device_id=db.device_id, ops=[_op(r) for r in rows])
            return Batch(req, encode(req))
        wire: list[Op] = []
        refused: list[int] = []
        for row in _wire_rows(s, OutboxOp.batch_id == None, limit=max_ops):  # noqa: E711
            try:
                wire.append(_op(row))
            except ValidationError:
                refused.append(row[0])  # cannot even be sent (e.g. an over-long author name)
        if refused:
            s.execute(update(OutboxOp).where(OutboxOp.device_seq.in_(refused))  # type: ignore[attr-defined]
                      .values(status=REJECTED, result_code="invalid"))
        if not wire:
            return None
        batch_id = uuid7()
        count = len(wire)
        while True:
            req = PushRequest(batch_id=batch_id, device_id=db.device_id, ops=wire[:count])
            body = encode(req)
            if len(body) <= max_bytes or count == 1:
                break
            count = max(1, count * max_bytes // len(body) * 9 // 10)
        seqs = [op.device_seq for op in wire[:count]]
        for start in range(0, len(seqs), 500):
            s.execute(update(OutboxOp).where(OutboxOp.device_seq.in_(seqs[start:start + 500]))  # type: ignore[attr-defined]
                      .values(batch_id=batch_id))
        return Batch(req, body)


def form_all(db: Any, max_ops: int = MAX_BATCH_OPS, max_bytes: int = MAX_BATCH_BYTES) -> list[Batch]:
    """Every batch in flight, after putting every pending op into one (for an offline bundle)."""
    with state.meta_session(db) as s:
        loose = s.exec(select(func.count()).select_from(OutboxOp).where(
            OutboxOp.status == PENDING, OutboxOp.batch_id == None)).one()  # noqa: E711
    while loose:
        with state.meta_session(db) as s:
            rows = list(s.exec(select(OutboxOp).where(OutboxOp.status == PENDING, OutboxOp.batch_id == None)  # noqa: E711
                               .order_by(OutboxOp.device_seq).limit(max_ops)))
            if not rows:
                break
            batch_id = uuid7()
            wire: list[tuple[OutboxOp, Op]] = []
            for row in rows:
                try:
                    wire.append((row, to_wire(row)))
                except ValidationError:
                    row.status, row.result_code = REJECTED, "invalid"
                    s.add(row)
            count = len(wire)
            while count > 1:
                body = encode(PushRequest(batch_id=batch_id, device_id=db.device_id, ops=[w for _r, w in wire[:count]]))
                if len(body) <= max_bytes:
                    break
                count = max(1, count * max_bytes // len(body) * 9 // 10)
            for row, _w in wire[:count]:
                row.batch_id = batch_id
                s.add(row)
    batches: list[Batch] = []
    with db.read() as s:
        rows = list(s.exec(select(OutboxOp).where(OutboxOp.status == PENDING, OutboxOp.batch_id != None)  # noqa: E711
                           .order_by(OutboxOp.device_seq)))
    groups: dict[str, list[OutboxOp]] = {}
    for row in rows:
        groups.setdefault(row.batch_id or "", []).append(row)
    for batch_id, ops in groups.items():
        req = PushRequest(batch_id=batch_id, device_id=db.device_id, ops=[to_wire(o) for o in ops])
        batches.append(Batch(req, encode(req)))
    return batches


def record_answer(db: Any, answer: PushResponse) -> dict[str, int]:
    """Store the server's answer for every op of a batch in one transaction (replays are no-ops)."""
    counts = {APPLIED: 0, CONFLICT: 0, REJECTED: 0}
    refetch: set[tuple[str, str]] = set()
    ids = [r.op_id for r in answer.results]
    with state.meta_session(db) as s:
        rows: dict[str, OutboxOp] = {}
        for start in range(0, len(ids), 500):
            for row in s.exec(select(OutboxOp).where(OutboxOp.op_id.in_(ids[start:start + 500]))):  # type: ignore[attr-defined]
                rows[row.op_id] = row
        conflicted = [r.op_id for r in answer.results if r.conflicts]
        known = set(s.exec(select(Conflict.op_id, Conflict.field).where(Conflict.op_id.in_(conflicted)))  # type: ignore[attr-defined,call-overload]
                    ) if conflicted else set()
        for result in answer.results:
            row = rows.get(result.op_id)
            if row is None or row.status != PENDING:
                continue
            row.status = result.status
            row.result_rev = result.rev
            row.result_code = f"{result.code}:{result.field}" if result.field else result.code
            s.add(row)
            counts[result.status] += 1
            if result.merged_into and result.merged_into != row.entity_id:
                from app.sync.rekey import rekey

                cls = ENTITIES.get(row.entity)
                if cls is not None and s.get(cls, row.entity_id) is not None and s.get(cls, result.merged_into) is None:
                    rekey(s, db.actor, row.entity, row.entity_id, result.merged_into)
                refetch.add((row.entity, result.merged_into))
            if result.status == CONFLICT:
                refetch.add((row.entity, result.merged_into or row.entity_id))
                for c in result.conflicts:
                    if (row.op_id, c.field) not in known:
                        known.add((row.op_id, c.field))
                        s.add(Conflict(op_id=row.op_id, entity=row.entity, entity_id=result.merged_into or row.entity_id,
                                       field=c.field,
                                       ours=c.ours, theirs=c.theirs, their_author=c.their_author, their_at=c.their_at))
        state.add_refetch(s, refetch)
    return counts


# -- quarantine --------------------------------------------------------------------------------
def quarantined(db: Any) -> list[OutboxOp]:
    """Rejected ops waiting for a person (oldest first)."""
    with db.read() as s:
        return list(s.exec(select(OutboxOp).where(OutboxOp.status == REJECTED).order_by(OutboxOp.device_seq)))


def _get_rejected(s: Session, op_id: str) -> OutboxOp:
    from app.errors import BangfuError

    row = s.exec(select(OutboxOp).where(OutboxOp.op_id == op_id)).first()
    if row is None or row.status != REJECTED:
        raise BangfuError("sync.quarantine_unknown")
    return row


def discard(db: Any, op_id: str) -> None:
    """Give up a rejected change: the record is re-read from the server at the next sync."""
    with state.meta_session(db) as s:
        row = _get_rejected(s, op_id)
        row.status = DISCARDED
        s.add(row)
        state.add_refetch(s, {(row.entity, row.entity_id)})


def retry(db: Any, op_id: str) -> str:
    """Send a rejected change again as a new op (the server keeps its answer to the old op id).

    The new op carries the record's *current* local values of the op's fields (a person may have
    corrected them) and the record's current base revision. Returns the new op id.
    """
    from app.services.audit import append_audit
    from app.sync.hlc import next_hlc

    with state.meta_session(db) as s:
        row = _get_rejected(s, op_id)
        cls = ENTITIES.get(row.entity)
        obj = s.get(cls, row.entity_id) if cls is not None else None
        fields = dict(row.fields)
        base_rev = row.base_rev
        if obj is not None:
            from app.services.tx import wire_value

            fields = {k: wire_value(getattr(obj, k)) for k in row.fields if hasattr(obj, k)}
            base_rev = obj.rev if row.kind not in ("create", "append") else 0
        row.status = DISCARDED
        s.add(row)
        new = OutboxOp(entity=row.entity, entity_id=row.entity_id, kind=row.kind, fields=fields,
                       base_rev=base_rev, hlc=next_hlc(s, db.device_id), author=db.actor.name)
        s.add(new)
        append_audit(s, db.actor, "sync.retry", row.entity, row.entity_id, {"op_id": op_id, "new_op_id": new.op_id})
        return new.op_id


def unresolved_fields(s: Session) -> dict[tuple[str, str], set[str]]:
    """Fields with a local edit the server has not taken yet ('*' = the whole record)."""
    out: dict[tuple[str, str], set[str]] = {}
    rows = s.exec(select(OutboxOp.entity, OutboxOp.entity_id, OutboxOp.kind, OutboxOp.fields)  # type: ignore[call-overload]
                  .where(OutboxOp.status.in_(UNRESOLVED)))  # type: ignore[attr-defined]
    for entity, entity_id, kind, fields in rows:
        names = out.setdefault((entity, entity_id), set())
        if kind in ("create", "append"):
            names.add("*")
        elif kind == "delete":
            names.add("deleted")
        else:
            names.update(fields or {})
    return out
