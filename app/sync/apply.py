"""Apply pulled changes to the local database.

Pulled rows are written directly with their server revision — not through the services, because
they are not new edits and must not go back out through the outbox — but each is still audited
(``sync.apply``) in the same hash chain as local edits. A page is applied in one transaction,
together with the new cursor, so a crash leaves either the whole page or none of it.

A field with a local edit the server has not taken yet (a pending or quarantined op) is never
overwritten: it keeps the local value, and the record is put on the re-read list so that, once the
op is answered, the record is fetched again and ends equal to the server's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import text
from sqlmodel import Session, select

from app.domain import ENTITIES, AuditEntry, utcnow, uuid7
from app.protocol import Change, RefItem
from app.services.audit import GENESIS, entry_hash
from app.services.photos import named_hashes, relink
from app.services.tx import wire_value
from app.sync import state
from app.sync.outbox import unresolved_fields
from app.sync.reference import store_reference

SKIP = frozenset({"rev", "updated_at"})


@dataclass
class Applied:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_local: int = 0
    unknown: int = 0
    reference: int = 0
    attachments: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return self.created + self.updated


def apply_changes(db: Any, changes: list[Change], reference: list[RefItem] | None = None, cursor: int | None = None,
                  refetched: bool = False) -> Applied:
    """Apply one page (or a re-read) in one transaction; advances the cursor only forwards."""
    from app.store.search import reindex_households

    stats = Applied()
    with db.write_lock, Session(db.write_engine, expire_on_commit=False, autoflush=False) as s:
        try:
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            guarded = unresolved_fields(s)
            local = _load_existing(s, changes)
            audit = AuditChain(s, db.actor)
            reindex: set[str] = set()
            kept: set[tuple[str, str]] = set()
            done: set[tuple[str, str]] = set()
            for change in changes:
                key = (change.entity, change.entity_id)
                merged = _merge_local(db, s, change, local, audit)
                fields_guarded = guarded.get(key, set()) | (guarded.get((change.entity, merged), set()) if merged else set())
                outcome = _apply_one(audit, s, change, local, fields_guarded, refetched, stats)
                if outcome == "kept":
                    kept.add(key)
                else:
                    done.add(key)
                if outcome in ("created", "updated") and not change.deleted:
                    relink(s, change.entity, change.entity_id, change.fields)
                if outcome in ("created", "updated"):
                    if change.entity == "household":
                        reindex.add(change.entity_id)
                    elif change.entity == "member" and isinstance(change.fields.get("household_id"), str):
                        reindex.add(change.fields["household_id"])
            if reference:
                stats.reference = store_reference(s, reference)
            if cursor is not None and cursor > state.cursor(s):
                state.put(s, state.CURSOR, str(cursor))
            state.add_refetch(s, kept)
            if refetched:
                state.drop_refetch(s, done - kept)
            s.flush()
            if reindex:
                reindex_households(s.connection().connection.driver_connection, sorted(reindex))
            s.commit()
        except BaseException:
            s.rollback()
            raise
    return stats


class AuditChain:
    """Appends ``sync.apply`` entries to the hash chain without a query per entry (same hashing
    as app.services.audit.append_audit, continuing from the last stored entry)."""

    def __init__(self, session: Session, actor: Any) -> None:
        last = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()  # type: ignore[union-attr]
        self.session = session
        self.actor = actor
        self.seq = last.seq if last else 0
        self.prev = last.hash if last else GENESIS

    def add(self, entity: str, entity_id: str, fields: dict[str, Any], action: str = "sync.apply") -> None:
        self.seq += 1
        entry = AuditEntry(seq=self.seq, id=uuid7(), at=utcnow(), user_id=self.actor.user_id,
                           user_name=self.actor.name, action=action, entity=entity, entity_id=entity_id,
                           fields=fields, reason="", prev_hash=self.prev, hash="")
        entry.hash = entry_hash(self.prev, entry)
        self.prev = entry.hash
        self.session.add(entry)


def _load_existing(s: Session, changes: list[Change]) -> dict[tuple[str, str], Any]:
    """The local rows a page touches, fetched with one query per entity."""
    wanted: dict[str, list[str]] = {}
    for change in changes:
        if change.entity in ENTITIES:
            wanted.setdefault(change.entity, []).append(change.entity_id)
    found: dict[tuple[str, str], Any] = {}
    for entity, ids in wanted.items():
        cls = ENTITIES[entity]
        for start in range(0, len(ids), 500):
            for row in s.exec(select(cls).where(cls.id.in_(ids[start:start + 500]))):  # type: ignore[attr-defined]
                found[(entity, row.id)] = row
    return found


def _merge_local(db: Any, s: Session, change: Change, local: dict[tuple[str, str], Any],
                 audit: AuditChain) -> str | None:
    """A pulled new row whose natural key a local row already holds under another id (both were
    created offline): the local row takes the county's id. Returns the old local id."""
    from app.sync.refs import natural_keys
    from app.sync.rekey import local_holder, rekey

    if (change.entity, change.entity_id) in local or change.entity not in ENTITIES or not natural_keys(change.entity):
        return None
    cls = ENTITIES[change.entity]
    try:
        values = cls.model_validate({**change.fields, "id": change.entity_id}).__dict__
    except ValidationError:
        return None
    old = local_holder(s, change.entity, values, change.entity_id)
    if old is None:
        return None
    rekey(s, db.actor, change.entity, old, change.entity_id,
          audit=lambda action, entity, entity_id, fields: audit.add(entity, entity_id, fields, action))
    local.pop((change.entity, old), None)
    row = s.get(cls, change.entity_id)
    if row is not None:
        local[(change.entity, change.entity_id)] = row
    return old


def _apply_one(audit: AuditChain, s: Session, change: Change, local: dict[tuple[str, str], Any], guarded: set[str],
               refetched: bool, stats: Applied) -> str:
    cls = ENTITIES.get(change.entity)
    if cls is None:
        stats.unknown += 1  # an entity this version does not know (a newer county server)
        return "unknown"
    stats.attachments |= named_hashes(change.fields)  # photos named inside data/steps too (visits, requests)
    obj = local.get((change.entity, change.entity_id))
    names = [n for n in change.fields if n in cls.model_fields and n not in SKIP and n != "id"]
    try:
        parsed = cls.model_validate({**change.fields, "id": change.entity_id, "deleted": change.deleted})
    except ValidationError:
        stats.unknown += 1
        return "unknown"
    if obj is None:
        obj = parsed
        obj.rev = change.rev
        obj.updated_at = change.at
        s.add(obj)
        local[(change.entity, change.entity_id)] = obj
        created = {n: wire_value(getattr(obj, n)) for n in names}
        audit.add(change.entity, change.entity_id, {"rev": change.rev, "author": change.author, "created": created})
        stats.created += 1
        return "created"
    if change.rev < obj.rev or (change.rev == obj.rev and not refetched):
        stats.unchanged += 1
        return "unchanged"
    diff: dict[str, list[Any]] = {}
    kept = False
    for name in [*names, "deleted"]:
        new = getattr(parsed, name)
        old = getattr(obj, name)
        if old == new:
            continue
        if "*" in guarded or name in guarded:
            kept = True
            continue
        setattr(obj, name, new)
        diff[name] = [wire_value(old), wire_value(new)]
    obj.rev = max(obj.rev, change.rev)
    if diff:
        obj.updated_at = change.at
    s.add(obj)
    if diff:
        audit.add(change.entity, change.entity_id, {"rev": change.rev, "author": change.author, "changes": diff})
        stats.updated += 1
    else:
        stats.unchanged += 1
    if kept:
        stats.kept_local += 1
        return "kept"
    return "updated" if diff else "unchanged"
