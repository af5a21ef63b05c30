"""Offline bundles at the county: import a laptop's push bundle, answer with a return bundle.

The batches inside a push bundle go through exactly the same ``apply_batch`` as network pushes,
so a bundle imported twice, or a batch that also arrived over the network, is applied once. The
return bundle carries the answers to those batches, every change the laptop may see after the
cursor it reported, the records it asked to re-read, and reference data — encrypted to the
laptop and signed by the server (app.sync.bundlefile).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from sqlmodel import select

from app.errors import BangfuError
from app.protocol import MAX_PULL_LIMIT, EntityRef, PushRequest, now
from app.sync.bundlefile import open_sealed, read_header, seal
from server import attachments
from server.apply import BatchReused, apply_batch
from server.db import ServerDB, server_keys
from server.models import BundleLog, Device
from server.pull import fetch, pull_in

SERVER_PARTY = "server"


def _device(db: ServerDB, device_id: str) -> Device:
    with db.read() as session:
        device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None or not device.sign_key:
        raise BangfuError("bundle.unknown_device")
    return device


def import_bundle(db: ServerDB, data: bytes) -> tuple[bytes, dict[str, int]]:
    """Apply a push bundle; returns (return-bundle bytes, counts for the operator)."""
    header = read_header(data)
    device = _device(db, str(header.get("sender", "")))
    with db.read() as session:
        keys = server_keys(session)
    header, payload = open_sealed(data, sender_sign_public=device.sign_key, box_private=keys["box"].private,
                                  expect_kind="push", recipient=SERVER_PARTY)
    results: list[dict[str, Any]] = []
    ops = 0
    for raw in payload.get("batches", []):
        req = PushRequest.model_validate(raw)
        if req.device_id != device.id:
            raise BangfuError("bundle.unknown_device")
        try:
            answer = apply_batch(db, device, req)
        except BatchReused:
            continue
        ops += len(req.ops)
        results.append(answer.model_dump(mode="json"))
    stored = 0
    for item in payload.get("attachments", []):
        blob = base64.b64decode(item["data"])
        sha = hashlib.sha256(blob).hexdigest()
        if sha == item.get("sha256") and blob:
            attachments.put_chunk(db, sha, 0, len(blob), blob, device.id)
            stored += 1
    refetch = [EntityRef.model_validate(r) for r in payload.get("refetch", [])][:500]
    answer_bytes, pages = _return_bundle(db, device, int(payload.get("cursor", 0)), results, refetch)
    with db.write_plain() as session:
        if session.get(BundleLog, header["bundle_id"]) is None:
            session.add(BundleLog(bundle_id=header["bundle_id"], device_id=device.id, batches=len(results), ops=ops))
    return answer_bytes, {"batches": len(results), "ops": ops, "attachments": stored, "pages": pages}


def export_bundle(db: ServerDB, device_id: str, since: int = 0) -> bytes:
    """A return bundle with everything a device may see after ``since`` (e.g. a new laptop's data)."""
    device = _device(db, device_id)
    data, _pages = _return_bundle(db, device, since, [], [])
    return data


def _return_bundle(db: ServerDB, device: Device, since: int, results: list[dict[str, Any]],
                   refetch: list[EntityRef]) -> tuple[bytes, int]:
    pages = []
    cursor = since
    with db.read() as session:
        keys = server_keys(session)
        while True:
            page = pull_in(session, device, cursor, MAX_PULL_LIMIT)
            pages.append(page.model_dump(mode="json"))
            cursor = page.cursor
            if not page.has_more:
                break
    fetched = fetch(db, device, refetch).model_dump(mode="json") if refetch else None
    payload = {"device_id": device.id, "results": results, "pages": pages, "fetched": fetched,
               "server_time": now().isoformat()}
    return seal(payload, kind="return", sender=SERVER_PARTY, recipient=device.id, sign_private=keys["sign"].private,
                recipient_box_public=device.box_key), len(pages)


def bundles_for(db: ServerDB, device_id: str) -> list[BundleLog]:
    with db.read() as session:
        return list(session.exec(select(BundleLog).where(BundleLog.device_id == device_id)))
