"""Removing the rows of villages this laptop is no longer enrolled for (a shrunk scope).

The county changes a laptop's villages only by a new enrollment code (``bangfu-server enroll`` for
the same laptop); the enrollment answer carries the new list, stored in ``sync.villages``. Rows of
villages the list no longer covers are sensitive personal data the laptop must not keep, so they
are removed from the local database — a hard local removal, never a synced delete (no outbox op).

Unsent work is never lost: a village whose rows still have a local change the server has not
taken (a pending or quarantined op, or a photo not uploaded yet) is kept, and named in the sync
result and status (``sync.scope_kept``) until the change is sent or discarded. The removal of
the others is one transaction with ONE audit entry (village codes and counts only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, text
from sqlmodel import Session

from app.domain import ENTITIES, Attachment, AttachmentLink, Conflict, OutboxOp, Village
from app.domain.drafts import VisitDraft
from app.i18n import t
from app.services.audit import append_audit
from app.services.photos import named_hashes
from app.sync import state
from app.sync.outbox import UNRESOLVED
from app.sync.refs import ref_fields

SCOPE_KEPT = "sync.scope_kept"
CHUNK = 500


@dataclass
class Purge:
    """What a scope check did: villages removed (codes), rows removed per table, villages kept."""

    removed: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def covers(prefixes: list[str], role: str, code: str) -> bool:
    """The server's rule (server/scope.py); a county laptop with no prefixes keeps everything."""
    if role == "county" and not prefixes:
        return True
    return any(code.startswith(p) for p in prefixes)


def dropped(s: Session) -> list[tuple[str, str]]:
    """(village id, code) of local villages the enrolled scope no longer covers."""
    if not state.get(s, state.TOKEN):
        return []
    prefixes = state.get_json(s, state.VILLAGES, [])
    role = state.get(s, state.ROLE) or "village"
    rows = s.execute(select(Village.id, Village.code)).all()  # type: ignore[call-overload]
    return [(vid, code) for vid, code in rows if not covers(prefixes, role, code)]


def _owners(s: Session, villages: dict[str, str]) -> dict[tuple[str, str], str]:
    """(entity, id) -> village id of every row placed in one of ``villages`` (by its first reference,
    as the server places it), the village rows included."""
    owner: dict[tuple[str, str], str] = {("village", vid): vid for vid in villages}
    tables: dict[str, list[tuple[str, str, str]]] = {}
    for entity, cls in ENTITIES.items():
        if entity == "village":
            continue
        refs = ref_fields(entity)
        if not refs:
            continue
        cols = [cls.id]  # type: ignore[attr-defined]
        cols += [getattr(cls, f) for f, _t in refs]
        found = []
        for row in s.execute(select(*cols)).all():
            for (_f, target), value in zip(refs, row[1:], strict=True):
                if value:
                    found.append((row[0], target, value))
                    break
        tables[entity] = found
    changed = True
    while changed:  # a row's parent may be listed after it (a measure_update of a measure)
        changed = False
        for entity, rows in tables.items():
            for row_id, target, value in rows:
                if (entity, row_id) not in owner and (target, value) in owner:
                    owner[(entity, row_id)] = owner[(target, value)]
                    changed = True
    return owner


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def purge(db: Any) -> Purge:
    """Remove the rows of villages no longer in scope, except villages with unsent work."""
    result = Purge()
    with state.meta_session(db) as s:
        gone = dropped(s)
        if not gone:
            state.put(s, SCOPE_KEPT, None)
            return result
        codes = dict(gone)
        owner = _owners(s, codes)
        blocked: set[str] = set()
        for entity, entity_id in s.execute(select(OutboxOp.entity, OutboxOp.entity_id)  # type: ignore[call-overload]
                                           .where(OutboxOp.status.in_(UNRESOLVED))).all():  # type: ignore[attr-defined]
            if (entity, entity_id) in owner:
                blocked.add(owner[(entity, entity_id)])
        links = s.execute(select(AttachmentLink.entity, AttachmentLink.entity_id, AttachmentLink.sha256)).all()  # type: ignore[call-overload]
        unsent = set(s.execute(select(Attachment.sha256).where(Attachment.uploaded == False)).scalars())  # type: ignore[call-overload]  # noqa: E712
        for entity, entity_id, sha in links:
            if sha in unsent and (entity, entity_id) in owner:
                blocked.add(owner[(entity, entity_id)])
        drafts = s.execute(select(VisitDraft.id, VisitDraft.household_id, VisitDraft.state)).all()  # type: ignore[call-overload]
        for _id, hh, draft_state in drafts:
            if hh and ("household", hh) in owner and named_hashes(draft_state) & unsent:
                blocked.add(owner[("household", hh)])
        result.kept = sorted(codes[v] for v in blocked)
        if result.kept:
            state.put_json(s, SCOPE_KEPT, result.kept)
        else:
            state.put(s, SCOPE_KEPT, None)
        doomed = {key for key, vid in owner.items() if vid not in blocked}
        if not doomed:
            return result
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in doomed:
            by_entity.setdefault(entity, []).append(entity_id)
        counts: dict[str, int] = {}
        for entity, ids in by_entity.items():
            cls = ENTITIES[entity]
            for chunk in _chunks(ids):
                s.execute(delete(cls).where(cls.id.in_(chunk)))  # type: ignore[attr-defined]
            counts[entity] = len(ids)
        households = by_entity.get("household", [])
        # drafts, photos, outbox history, conflicts and search rows of the removed records
        candidates: set[str] = set()
        draft_ids = []
        for d, hh, st in drafts:
            if hh and ("household", hh) in doomed:
                draft_ids.append(d)
                candidates |= named_hashes(st)
        for chunk in _chunks(draft_ids):
            s.execute(delete(VisitDraft).where(VisitDraft.id.in_(chunk)))  # type: ignore[attr-defined]
        counts["visit_draft"] = len(draft_ids)
        link_ids = [row_id for row_id, entity, entity_id in s.execute(
            select(AttachmentLink.id, AttachmentLink.entity, AttachmentLink.entity_id)).all()  # type: ignore[call-overload]
            if (entity, entity_id) in doomed]
        candidates |= {sha for entity, entity_id, sha in links if (entity, entity_id) in doomed}
        for chunk in _chunks(link_ids):
            s.execute(delete(AttachmentLink).where(AttachmentLink.id.in_(chunk)))  # type: ignore[attr-defined]
        counts["attachment_link"] = len(link_ids)
        still = set(s.execute(select(AttachmentLink.sha256)).scalars())  # type: ignore[call-overload]
        for _d, _hh, st in s.execute(select(VisitDraft.id, VisitDraft.household_id, VisitDraft.state)).all():  # type: ignore[call-overload]
            still |= named_hashes(st)
        files = sorted(candidates - still)
        for chunk in _chunks(files):
            s.execute(delete(Attachment).where(Attachment.sha256.in_(chunk)))  # type: ignore[attr-defined]
        counts["attachment"] = len(files)
        for model, label in ((OutboxOp, "outbox_op"), (Conflict, "conflict")):
            ids = [pk for pk, entity, entity_id in s.execute(
                select(model.device_seq if model is OutboxOp else model.id, model.entity, model.entity_id)).all()  # type: ignore[attr-defined,call-overload]
                if (entity, entity_id) in doomed]
            pk = model.device_seq if model is OutboxOp else model.id  # type: ignore[attr-defined]
            for chunk in _chunks(ids):  # type: ignore[arg-type]
                s.execute(delete(model).where(pk.in_(chunk)))
            counts[label] = len(ids)
        conn = s.connection().connection.driver_connection
        indexed = 0
        for chunk in _chunks(households):
            marks = ",".join("?" * len(chunk))
            indexed += conn.execute(f"SELECT count(*) FROM search_index WHERE household_id IN ({marks})", chunk).fetchone()[0]
            conn.execute(f"DELETE FROM search_index WHERE household_id IN ({marks})", chunk)
        counts["search_index"] = indexed
        state.drop_refetch(s, set(doomed))
        result.removed = sorted(code for v, code in codes.items() if v not in blocked)
        result.counts = {k: v for k, v in sorted(counts.items()) if v}
        append_audit(s, db.actor, "sync.scope_purge", "device", db.device_id,
                     {"villages": result.removed, "counts": result.counts})
    return result


def kept(s: Session) -> list[str]:
    return list(state.get_json(s, SCOPE_KEPT, []) or [])


def messages(result: Purge) -> list[str]:
    """The translated lines a sync or an enrollment shows for a scope check."""
    out = []
    if result.removed:
        out.append(t("sync.scope_removed", villages="、".join(result.removed), rows=result.rows))
    if result.kept:
        out.append(t("sync.scope_kept", villages="、".join(result.kept)))
    return out
