"""Offline bundles at the county: import a laptop's push bundle, answer with a return bundle.

The batches inside a push bundle go through exactly the same ``apply_batch`` as network pushes,
so a bundle imported twice, or a batch that also arrived over the network, is applied once. The
return bundle carries the answers to those batches, every change the laptop may see after the
cursor it reported, the records it asked to re-read, and reference data — encrypted to the
laptop and signed by the server (app.sync.bundlefile).

The return bundle also carries the photos and signed sheets its rows name (``named_hashes``, the
same rule a network sync downloads by), plus the ones the laptop reports it still lacks (``wanted``:
hashes its own records link to without content). Hashes the push bundle lists under ``have`` are
left out, and so are files this device uploaded itself. At most ``attachment_cap`` bytes of them
ride along; the rest are counted (``attachments_deferred``) and come with the next bundle or the
next network sync. Like ``GET /attachments/{sha}/content``, a hash is only ever sent to an
enrolled device that names it.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from sqlmodel import select

from app.errors import BangfuError
from app.protocol import MAX_PULL_LIMIT, EntityRef, PushRequest, now
from app.services.photos import named_hashes
from app.sync.bundlefile import open_sealed, read_header, seal
from server import attachments
from server.apply import BatchReused, apply_batch
from server.db import ServerDB, server_keys
from server.models import BundleLog, Device, StoredAttachment
from server.pull import fetch, pull_in

SERVER_PARTY = "server"
ATTACHMENT_CAP = 200 * 1024 * 1024  # bytes of attachment content per return bundle


def _device(db: ServerDB, device_id: str) -> Device:
    with db.read() as session:
        device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None or not device.sign_key:
        raise BangfuError("bundle.unknown_device")
    return device


def _hashes(payload: dict[str, Any], key: str) -> set[str]:
    values = payload.get(key, [])
    return {v for v in values if isinstance(v, str) and len(v) == 64} if isinstance(values, list) else set()


def import_bundle(db: ServerDB, data: bytes, attachment_cap: int = ATTACHMENT_CAP) -> tuple[bytes, dict[str, int]]:
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
    carried: set[str] = set()
    for item in payload.get("attachments", []):
        blob = base64.b64decode(item["data"])
        sha = hashlib.sha256(blob).hexdigest()
        if sha == item.get("sha256") and blob:
            attachments.put_chunk(db, sha, 0, len(blob), blob, device.id)
            stored += 1
            carried.add(sha)
    refetch = [EntityRef.model_validate(r) for r in payload.get("refetch", [])][:500]
    answer_bytes, pages, sent = _return_bundle(db, device, int(payload.get("cursor", 0)), results, refetch,
                                               wanted=_hashes(payload, "wanted"),
                                               have=_hashes(payload, "have") | carried, cap=attachment_cap)
    with db.write_plain() as session:
        if session.get(BundleLog, header["bundle_id"]) is None:
            session.add(BundleLog(bundle_id=header["bundle_id"], device_id=device.id, batches=len(results), ops=ops))
    return answer_bytes, {"batches": len(results), "ops": ops, "attachments": stored, "pages": pages,
                          "attachments_sent": sent["sent"], "attachments_deferred": sent["deferred"]}


def export_bundle(db: ServerDB, device_id: str, since: int = 0, attachment_cap: int = ATTACHMENT_CAP,
                  counts: dict[str, int] | None = None) -> bytes:
    """A return bundle with everything a device may see after ``since`` (e.g. a new laptop's data).

    ``counts`` (if given) receives ``attachments_sent`` and ``attachments_deferred``."""
    device = _device(db, device_id)
    data, _pages, sent = _return_bundle(db, device, since, [], [], wanted=set(), have=set(), cap=attachment_cap)
    if counts is not None:
        counts.update({"attachments_sent": sent["sent"], "attachments_deferred": sent["deferred"]})
    return data


def _attachments(db: ServerDB, device: Device, named: set[str], have: set[str],
                 cap: int) -> tuple[list[dict[str, str]], int]:
    """The content of the named files the device lacks, up to ``cap`` bytes; (items, deferred count)."""
    if not named - have:
        return [], 0
    with db.read() as session:
        rows = list(session.exec(select(StoredAttachment).where(
            StoredAttachment.sha256.in_(sorted(named - have)),  # type: ignore[attr-defined]
            StoredAttachment.complete == True,  # noqa: E712
            StoredAttachment.device_id != device.id)))
    items: list[dict[str, str]] = []
    used, deferred = 0, 0
    for row in sorted(rows, key=lambda r: (r.size, r.sha256)):  # small first: the most files per stick
        if used + row.size > cap:
            deferred += 1
            continue
        _size, blob = attachments.read(db, row.sha256)
        used += len(blob)
        items.append({"sha256": row.sha256, "data": base64.b64encode(blob).decode()})
    return items, deferred


def _return_bundle(db: ServerDB, device: Device, since: int, results: list[dict[str, Any]],
                   refetch: list[EntityRef], *, wanted: set[str], have: set[str],
                   cap: int) -> tuple[bytes, int, dict[str, int]]:
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
    named = set(wanted)
    for page in pages:
        for change in page["changes"]:
            named |= named_hashes(change.get("fields") or {})
    for change in (fetched or {}).get("changes", []):
        named |= named_hashes(change.get("fields") or {})
    files, deferred = _attachments(db, device, named, have, cap)
    payload = {"device_id": device.id, "results": results, "pages": pages, "fetched": fetched,
               "attachments": files, "attachments_deferred": deferred, "server_time": now().isoformat()}
    return seal(payload, kind="return", sender=SERVER_PARTY, recipient=device.id, sign_private=keys["sign"].private,
                recipient_box_public=device.box_key), len(pages), {"sent": len(files), "deferred": deferred}


def bundles_for(db: ServerDB, device_id: str) -> list[BundleLog]:
    with db.read() as session:
        return list(session.exec(select(BundleLog).where(BundleLog.device_id == device_id)))
