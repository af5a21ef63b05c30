"""Tamper-evident audit trail: each entry's hash covers its content and the previous hash.

``verify`` recomputes the chain and reports entries that were changed (hash mismatch), removed
(gap in the sequence or broken link) or reordered. A county that has received the entries by
sync can additionally compare hashes with its own copy, so rewriting the whole chain locally does
not go unnoticed either.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from app.domain import AuditEntry, utcnow, uuid7

GENESIS = "0" * 64


def _canonical(entry: AuditEntry) -> bytes:
    at = entry.at
    stamp = at.isoformat() if isinstance(at, datetime) else str(at)
    body = [entry.seq, entry.id, stamp, entry.user_id, entry.user_name, entry.action, entry.entity,
            entry.entity_id, entry.fields, entry.reason]
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"|" + _canonical(entry)).hexdigest()


def append_audit(session: Session, actor: Any, action: str, entity: str, entity_id: str,
                 fields: dict[str, Any], reason: str = "") -> AuditEntry:
    last = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()  # type: ignore[union-attr]
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = utcnow()
    entry = AuditEntry(seq=seq, id=uuid7(), at=at, user_id=actor.user_id, user_name=actor.name, action=action,
                       entity=entity, entity_id=entity_id, fields=fields, reason=reason, prev_hash=prev, hash="")
    entry.hash = entry_hash(prev, entry)
    session.add(entry)
    return entry


def record_event(db: Any, action: str, entity: str, entity_id: str, fields: dict[str, Any] | None = None,
                 reason: str = "") -> None:
    """Audit something that is not a row change (sign-in, export, backup, override)."""
    with db.write_lock, Session(db.write_engine) as session:
        append_audit(session, db.actor, action, entity, entity_id, fields or {}, reason)
        session.commit()


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    kind: str  # changed | removed | reordered
    detail: str = ""


def verify(session: Session) -> tuple[int, list[AuditProblem]]:
    """Recompute the chain; returns (entries checked, problems found)."""
    problems: list[AuditProblem] = []
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    for entry in session.exec(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.seq != expected_seq:
            problems.append(AuditProblem(expected_seq, "removed", f"{expected_seq}..{entry.seq - 1}"))
        if entry.prev_hash != prev_hash:
            kind = "reordered" if entry.seq == expected_seq else "removed"
            if not problems or problems[-1].seq != expected_seq:
                problems.append(AuditProblem(entry.seq, kind))
        if entry_hash(entry.prev_hash, entry) != entry.hash:
            problems.append(AuditProblem(entry.seq, "changed"))
        prev_hash = entry.hash
        expected_seq = entry.seq + 1
    return count, problems


def count_entries(session: Session) -> int:
    return session.exec(select(func.count()).select_from(AuditEntry)).one()
