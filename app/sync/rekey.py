"""Re-key a local row: the county merged it into a row with the same natural key and another id.

Two laptops that both create "the same" row offline (a village by its code, a household's income
for a year) give it two ids; the county keeps the first and makes the second an alias. The laptop
holding the second renames its copy to the county's id — the row, every reference to it, the
conflicts about it and the changes not yet sent — so nothing is lost and nothing duplicates.
Changes already in flight keep the old id: the county resolves it through the alias.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import String, cast, text
from sqlmodel import Session, select

from app.domain import ENTITIES, OutboxOp
from app.sync.refs import key_text, natural_keys, ref_fields, referrers


def local_holder(s: Session, entity: str, data: dict[str, Any], exclude: str) -> str | None:
    """The id of a local row with the same natural key as ``data`` (other than ``exclude``)."""
    cls = ENTITIES[entity]
    for cols in natural_keys(entity):
        if key_text(entity, cols, data) is None:
            continue
        stmt = select(cls.id).where(*(getattr(cls, c) == data[c] for c in cols), cls.id != exclude)  # type: ignore[attr-defined]
        found = s.exec(stmt).first()
        if found is not None:
            return str(found)
    return None


def rekey(s: Session, actor: Any, entity: str, old: str, new: str,
          audit: Callable[[str, str, str, dict[str, Any]], None] | None = None) -> None:
    """Rename row ``old`` of ``entity`` to ``new`` everywhere, in the caller's transaction.

    ``audit(action, entity, id, fields)`` records it (default: a new entry of the hash chain).
    """
    from app.services.audit import append_audit

    cls = ENTITIES[entity]
    s.flush()
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    params = {"old": old, "new": new, "entity": entity}
    s.execute(text(f'UPDATE "{cls.__tablename__}" SET id = :new WHERE id = :old'), params)  # type: ignore[attr-defined]
    for other, field in referrers(entity):
        table = ENTITIES[other].__tablename__  # type: ignore[attr-defined]
        s.execute(text(f'UPDATE "{table}" SET "{field}" = :new WHERE "{field}" = :old'), params)
    s.execute(text("UPDATE attachment_link SET entity_id = :new WHERE entity = :entity AND entity_id = :old"), params)
    s.execute(text("UPDATE conflict SET entity_id = :new WHERE entity = :entity AND entity_id = :old"), params)
    # An unsent create of the row becomes a proposal on the county's row (base 0: every value that
    # differs from theirs surfaces as a conflict), as the county itself does with a merged create.
    fixed = {"id", "deleted", *(f for f, _t in ref_fields(entity)), *(c for cols in natural_keys(entity) for c in cols)}
    for op in s.exec(select(OutboxOp).where(OutboxOp.entity == entity, OutboxOp.entity_id == old,
                                            OutboxOp.status == "pending", OutboxOp.batch_id == None,  # noqa: E711
                                            OutboxOp.kind.in_(("create", "append")))).all():  # type: ignore[attr-defined]
        proposal = {k: v for k, v in op.fields.items() if k not in fixed}
        s.execute(text("UPDATE outbox_op SET kind = 'patch', base_rev = 0, fields = :f WHERE device_seq = :seq"),
                  {"f": json.dumps(proposal, ensure_ascii=False), "seq": op.device_seq})
    s.execute(text("UPDATE outbox_op SET entity_id = :new WHERE entity = :entity AND entity_id = :old "
                   "AND status = 'pending' AND batch_id IS NULL"), params)
    unsent = s.exec(select(OutboxOp).where(OutboxOp.status == "pending", OutboxOp.batch_id == None,  # noqa: E711
                                           cast(OutboxOp.fields, String).like(f"%{old}%"))).all()
    for op in unsent:
        fields = dict(op.fields)
        changed = False
        for name, target in ref_fields(op.entity):
            if target == entity and fields.get(name) == old:
                fields[name] = new
                changed = True
        if changed:
            s.execute(text("UPDATE outbox_op SET fields = :f WHERE device_seq = :seq"),
                      {"f": json.dumps(fields, ensure_ascii=False), "seq": op.device_seq})
    s.expire_all()
    if audit is not None:
        audit("sync.rekey", entity, new, {"old_id": old})
    else:
        append_audit(s, actor, "sync.rekey", entity, new, {"old_id": old})
    if entity in ("household", "member"):
        from app.store.search import reindex_households

        ids = [new] if entity == "household" else []
        if entity == "member":
            row = s.get(cls, new)
            ids = [row.household_id] if row is not None else []  # type: ignore[attr-defined]
        if ids:
            s.flush()
            reindex_households(s.connection().connection.driver_connection, ids)
