"""The conflict review list: fields the county kept while this laptop proposed another value.

Each entry shows who changed the field at the county and when, their value and ours. After the
sync the record holds the county's value ("theirs"); a person either accepts it or re-applies
ours, which is a new edit on a fresh base revision, through the normal services path.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from app.domain import ENTITIES, Conflict
from app.errors import BangfuError


def open_conflicts(db: Any) -> list[Conflict]:
    with db.read() as s:
        return list(s.exec(select(Conflict).where(Conflict.resolved == False).order_by(Conflict.created_at)))  # noqa: E712


def all_conflicts(db: Any) -> list[Conflict]:
    with db.read() as s:
        return list(s.exec(select(Conflict).order_by(Conflict.created_at)))  # type: ignore[arg-type]


def resolve(db: Any, conflict_id: str, keep: str) -> None:
    """``keep="theirs"`` accepts the county's value; ``keep="ours"`` re-applies ours as a new edit."""
    from app.services.tx import write

    if keep not in ("theirs", "ours"):
        raise ValueError("keep must be 'theirs' or 'ours'")
    with write(db, reason="sync.conflict") as tx:
        conflict = tx.session.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise BangfuError("sync.conflict_unknown")
        cls = ENTITIES.get(conflict.entity)
        obj = tx.session.get(cls, conflict.entity_id) if cls is not None else None
        if keep == "ours" and obj is not None and conflict.field == "deleted":
            if conflict.ours and not obj.deleted:
                tx.delete(obj, reason="sync.conflict")
        elif keep == "ours" and obj is not None:
            value = cls.model_validate({**_row(obj), conflict.field: conflict.ours}).__dict__.get(conflict.field)  # type: ignore[union-attr]
            tx.patch(obj, {conflict.field: value}, reason="sync.conflict")
        conflict.resolved = True
        tx.session.add(conflict)
        tx.audit("sync.resolve", conflict.entity, conflict.entity_id, {"field": conflict.field, "keep": keep})


def _row(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in type(obj).model_fields}
