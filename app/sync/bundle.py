"""The laptop's side of the offline bundle (no network at all).

``export_bundle`` puts every pending batch (the same batches, with the same ids, that a network
sync would send), the attachments not yet uploaded, the pull cursor and the records to re-read
into one file, encrypted to the county server and signed by this laptop. It also lists the
attachment hashes this laptop holds (``have``) and those its records name but it lacks
(``wanted``), so the return bundle brings exactly the photos and signed sheets still missing. The township imports it
(``bangfu-server import-bundle``) and hands back a return bundle; ``import_bundle`` verifies the
server's signature, records the answers, applies the changes and moves the cursor — exactly as a
network sync would, and keeps each attachment the return bundle carries once its bytes match its
sha256 (one mismatch refuses the whole bundle before anything is applied). Importing the same
return bundle twice changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import Any

from sqlmodel import select

import app.sync.messages  # noqa: F401
from app.domain import Attachment
from app.errors import BangfuError
from app.protocol import FetchResponse, PullResponse, PushResponse, page_checksum
from app.services.audit import record_event
from app.sync import attachments, outbox, state
from app.sync.apply import apply_changes
from app.sync.bundlefile import open_sealed, read_header, seal

SERVER_PARTY = "server"


def _keys(db: Any) -> tuple[dict[str, str], dict[str, str]]:
    with db.read() as s:
        keys = state.get_json(s, state.KEYS)
        server = state.get_json(s, state.SERVER_KEYS)
    if not keys or not server:
        raise BangfuError("sync.not_enrolled")
    return keys, server


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def export_bundle(db: Any, out: Path) -> dict[str, int]:
    """Write the pending changes to ``out``; returns counts (batches, ops, attachments)."""
    keys, server = _keys(db)
    batches = outbox.form_all(db)
    with db.read() as s:
        cursor = state.cursor(s)
        guarded = outbox.unresolved_fields(s)
        refetch = [{"entity": e, "entity_id": i} for e, i in state.refetch_list(s) if (e, i) not in guarded]
        files = list(s.exec(select(Attachment).where(Attachment.uploaded == False, Attachment.data != None)))  # noqa: E711,E712
    payload = {
        "device_id": db.device_id, "cursor": cursor, "refetch": refetch[:500],
        "batches": [b.request.model_dump(mode="json") for b in batches],
        "attachments": [{"sha256": f.sha256, "mime": f.mime, "data": base64.b64encode(f.data or b"").decode()}
                        for f in files],
        "have": attachments.held(db), "wanted": attachments.lacking(db),
    }
    data = seal(payload, kind="push", sender=db.device_id, recipient=SERVER_PARTY, sign_private=keys["sign_private"],
                recipient_box_public=server["box"])
    _atomic_write(Path(out), data)
    counts = {"batches": len(batches), "ops": sum(b.size for b in batches), "attachments": len(files)}
    record_event(db, "sync.export_bundle", "device", db.device_id, counts)
    return counts


def import_bundle(db: Any, path: Path) -> dict[str, int]:
    """Apply a return bundle from the county; returns counts (answered, conflicts, rejected, pulled,
    attachments stored, attachments_deferred: files left for the next bundle or network sync)."""
    keys, server = _keys(db)
    data = Path(path).read_bytes()
    read_header(data)
    _header, payload = open_sealed(data, sender_sign_public=server["sign"], box_private=keys["box_private"],
                                   expect_kind="return", recipient=db.device_id)
    files: list[tuple[str, bytes]] = []
    for item in payload.get("attachments", []):
        sha, blob = str(item.get("sha256", "")), base64.b64decode(item.get("data", ""))
        if not blob or hashlib.sha256(blob).hexdigest() != sha:
            raise BangfuError("bundle.bad_attachment")
        files.append((sha, blob))
    counts = {"answered": 0, "conflicts": 0, "rejected": 0, "pulled": 0, "attachments": 0,
              "attachments_deferred": int(payload.get("attachments_deferred", 0))}
    for raw in payload.get("results", []):
        answer = PushResponse.model_validate(raw)
        got = outbox.record_answer(db, answer)
        counts["answered"] += got["applied"] + got["conflict"] + got["rejected"]
        counts["conflicts"] += got["conflict"]
        counts["rejected"] += got["rejected"]
    for raw in payload.get("pages", []):
        page = PullResponse.model_validate(raw)
        if page.count != len(page.changes) + len(page.reference) or \
                page.checksum != page_checksum(page.changes, page.reference):
            raise BangfuError("sync.bad_page")
        stats = apply_changes(db, page.changes, page.reference, cursor=page.cursor)
        counts["pulled"] += stats.total
    if payload.get("fetched"):
        fetched = FetchResponse.model_validate(payload["fetched"])
        stats = apply_changes(db, fetched.changes, refetched=True)
        counts["pulled"] += stats.total
        if fetched.missing:
            from app.sync.client import _forget_missing

            _forget_missing(db, {(m.entity, m.entity_id) for m in fetched.missing})
    lacking = set(attachments.missing(db, {sha for sha, _ in files}))
    for sha, blob in files:
        if sha in lacking and attachments.store_downloaded(db, sha, blob):
            counts["attachments"] += 1
    record_event(db, "sync.import_bundle", "device", db.device_id, counts)
    return counts

