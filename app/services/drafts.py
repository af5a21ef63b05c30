"""Visit drafts: the wizard's state saved on every step, so a crash or a closed lid loses nothing.

The state is the wizard's plain JSON (dates as ISO text, photos as hashes of attachments already
stored) kept in the encrypted database. Drafts belong to the user who started them and are not
synced or audited: they become a record only when ``visits.record_visit(..., draft_id=)`` saves the
visit, which deletes the draft in the same transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from app.domain import Household, VisitDraft, utcnow
from app.errors import BangfuError
from app.services import field_messages  # noqa: F401
from app.services.photos import discard_unlinked
from app.services.tx import write
from app.store.database import Database

MAX_STATE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class DraftInfo:
    id: str
    household_id: str | None
    head_name: str
    step: int
    created_at: datetime
    updated_at: datetime


def _checked(state: dict[str, Any]) -> dict[str, Any]:
    """A JSON round trip: what is saved is exactly what will be resumed (no bytes, no objects)."""
    try:
        text = json.dumps(state, ensure_ascii=False)
    except (TypeError, ValueError):
        raise BangfuError("draft.not_json") from None
    if len(text.encode("utf-8")) > MAX_STATE_BYTES:
        raise BangfuError("draft.too_large")
    result: dict[str, Any] = json.loads(text)
    return result


def save_draft(db: Database, state: dict[str, Any], step: int, draft_id: str | None = None) -> str:
    """Create or overwrite a draft with the wizard's state at ``step``; returns the draft id."""
    clean = _checked(state)
    household_id = clean.get("household_id") or None
    with write(db) as tx:
        draft = tx.session.get(VisitDraft, draft_id) if draft_id else None
        if draft is None:
            draft = VisitDraft(user_id=db.actor.user_id, household_id=household_id, step=step, state=clean)
            if draft_id:
                draft.id = draft_id
        else:
            if draft.user_id != db.actor.user_id:
                raise BangfuError("draft.other_user")
            draft.state = clean
            draft.step = step
            draft.household_id = household_id
            draft.updated_at = utcnow()
        tx.session.add(draft)
        return draft.id


def load_draft(db: Database, draft_id: str) -> tuple[dict[str, Any], int]:
    """(state, step) of a draft; ``draft.missing`` if it was saved as a visit or discarded."""
    with db.read() as s:
        draft = s.get(VisitDraft, draft_id)
        if draft is None:
            raise BangfuError("draft.missing")
        return dict(draft.state), draft.step


def list_drafts(db: Database, all_users: bool = False) -> list[DraftInfo]:
    """Unfinished visits of the signed-in user (or everyone's), most recently touched first."""
    with db.read() as s:
        q = select(VisitDraft, Household.head_name).join(
            Household, Household.id == VisitDraft.household_id, isouter=True)
        if not all_users:
            q = q.where(VisitDraft.user_id == db.actor.user_id)
        rows = s.exec(q.order_by(col(VisitDraft.updated_at).desc())).all()
        return [DraftInfo(d.id, d.household_id, head or "", d.step, d.created_at, d.updated_at) for d, head in rows]


def _hashes(state: dict[str, Any]) -> list[str]:
    found = [p.get("sha256") for p in state.get("photos") or () if isinstance(p, dict)]
    conf = state.get("confirmation") or {}
    if isinstance(conf, dict):
        found.append(conf.get("sha256"))
    return [h for h in found if isinstance(h, str) and h]


def discard_draft(db: Database, draft_id: str) -> None:
    """Throw a draft away, with the photos only it referred to."""
    with write(db) as tx:
        draft = tx.session.get(VisitDraft, draft_id)
        if draft is None:
            return
        if draft.user_id != db.actor.user_id:
            raise BangfuError("draft.other_user")
        hashes = set(_hashes(draft.state))
        tx.session.delete(draft)
        for other in tx.session.exec(select(VisitDraft).where(VisitDraft.id != draft_id)):
            hashes -= set(_hashes(other.state))
    discard_unlinked(db, sorted(hashes))


__all__ = ["DraftInfo", "discard_draft", "list_drafts", "load_draft", "save_draft"]
