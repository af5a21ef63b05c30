"""Pull: the changes a device may see after its cursor, paged, each page self-contained.

* Bounded by a high-water mark read first: sequence numbers are handed out in commit order
  (server.db), so every change numbered up to the mark is committed and none can appear later
  below the cursor, even with several server instances writing at once.
* Scoped to the device's villages; a record is visible with everything it belongs to.
* FK-safe: when a page holds a row whose parent (household, village, project) changed after the
  cursor but falls outside the page, the parent's current state is added to the page, parents
  first. A laptop can apply every page on its own, in one transaction, and stop anywhere.
* Every page carries its count and a checksum over its canonical JSON.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, or_
from sqlmodel import Session, select

from app.protocol import Change, EntityRef, FetchResponse, PullResponse, RefItem, now, page_checksum
from server.db import ServerDB, latest_seq
from server.models import Device, Record, Reference
from server.scope import device_covers, parents

#: Parents before children inside a page.
RANK = {"village": 0, "fund_project": 1, "household": 2}


def to_change(rec: Record) -> Change:
    return Change(seq=rec.seq, entity=rec.entity, entity_id=rec.entity_id, rev=rec.rev, deleted=rec.deleted,
                  fields=rec.data, author=rec.author, at=rec.updated_at)


def scope_clause(device: Device) -> Any:
    terms: list[Any] = [Record.village_code.startswith(p) for p in device.villages if p]  # type: ignore[attr-defined]
    if device.role == "county":
        terms.append(Record.village_code == "")
    return or_(*terms) if terms else false()


def pull(db: ServerDB, device: Device, since: int, limit: int) -> PullResponse:
    with db.read() as session:
        return pull_in(session, device, since, limit)


def pull_in(session: Session, device: Device, since: int, limit: int) -> PullResponse:
    mark = latest_seq(session)
    records = list(session.exec(
        select(Record).where(Record.seq > since, Record.seq <= mark, scope_clause(device))
        .order_by(Record.seq).limit(limit + 1)  # type: ignore[arg-type]
    ))
    refs = list(session.exec(
        select(Reference).where(Reference.seq > since, Reference.seq <= mark)
        .order_by(Reference.seq).limit(limit + 1)  # type: ignore[arg-type]
    ))
    merged: list[Record | Reference] = sorted([*records, *refs], key=lambda r: r.seq)
    page, has_more = merged[:limit], len(merged) > limit
    cursor = page[-1].seq if has_more else max(since, mark)
    page_records = [r for r in page if isinstance(r, Record)]
    page_refs = [r for r in page if isinstance(r, Reference)]
    records_out = _with_parents(session, device, page_records, since)
    changes = [to_change(r) for r in records_out]
    reference = [RefItem(seq=r.seq, kind=r.kind, key=r.key, value=r.value, deleted=r.deleted)  # type: ignore[arg-type]
                 for r in page_refs]
    return PullResponse(changes=changes, reference=reference, cursor=cursor, has_more=has_more,
                        count=len(changes) + len(reference), checksum=page_checksum(changes, reference),
                        server_time=now())


def _with_parents(session: Session, device: Device, page: list[Record], since: int) -> list[Record]:
    present = {(r.entity, r.entity_id) for r in page}
    extra: list[Record] = []
    todo = list(page)
    while todo:
        rec = todo.pop()
        for key in parents(rec.entity, rec.data):
            if key in present:
                continue
            present.add(key)
            parent = session.get(Record, key)
            # A parent the device already holds at this version needs no repeat; one outside its
            # scope (a project of another village) it never received, so it always comes along.
            if parent is not None and (parent.seq > since or not device_covers(device, parent.village_code)):
                extra.append(parent)
                todo.append(parent)
    out = [*extra, *page]
    out.sort(key=lambda r: (RANK.get(r.entity, 3), r.seq))
    return out


def fetch(db: ServerDB, device: Device, items: list[EntityRef]) -> FetchResponse:
    """Current state of named records (used after a pull had to keep local unacknowledged edits)."""
    changes: list[Change] = []
    missing: list[EntityRef] = []
    with db.read() as session:
        for ref in items:
            rec = session.get(Record, (ref.entity, ref.entity_id))
            if rec is None or not device_covers(device, rec.village_code):
                missing.append(ref)
            else:
                changes.append(to_change(rec))
    changes.sort(key=lambda c: (RANK.get(c.entity, 3), c.seq))
    return FetchResponse(changes=changes, missing=missing, server_time=now())
