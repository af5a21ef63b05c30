"""Photos and signed confirmations for field work: validated, downscaled, stored by content hash.

Every image is opened with Pillow before anything is stored, so a file that is not an image (or
is a decompression bomb) is refused with a clear message. Photos are re-encoded as JPEG with the
long side at most ``photo_long_side`` px (default 1600, sync.md: downscale on capture) and their
EXIF (GPS, camera serials) is dropped; a drawn signature stays a small PNG so its strokes stay
sharp. Attachments are content-addressed (sha256) so the same photo is stored and uploaded once.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from app.codes import setting
from app.domain import Attachment, AttachmentLink
from app.errors import BangfuError
from app.services import field_messages  # noqa: F401  (registers the messages below)
from app.services.tx import Tx, write
from app.store.database import Database

MAX_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 80_000_000
SIGNATURE_LONG_SIDE = 1200


@dataclass(frozen=True)
class PreparedImage:
    """An image ready to store: encoded bytes, type, size and content hash."""

    data: bytes
    mime: str
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def photo_long_side() -> int:
    """The configured long side in pixels (settings ``photo_long_side``; 1600 when not configured)."""
    try:
        return max(200, int(setting("photo_long_side")))
    except (KeyError, ValueError):
        return 1600


def _open(data: bytes):  # type: ignore[no-untyped-def]
    from PIL import Image, UnidentifiedImageError

    if not isinstance(data, bytes | bytearray) or not data:
        raise BangfuError("fieldwork.photo_invalid")
    if len(data) > MAX_BYTES:
        raise BangfuError("fieldwork.photo_too_large", max=MAX_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise BangfuError("fieldwork.photo_too_large", max=MAX_BYTES // (1024 * 1024))
            image.load()
    except BangfuError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError):
        raise BangfuError("fieldwork.photo_invalid") from None
    return image


def prepare_photo(data: bytes) -> PreparedImage:
    """Validate and downscale a photo (JPEG, long side ≤ photo_long_side, EXIF orientation applied)."""
    from PIL import Image, ImageOps

    image = _open(data)
    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    side = photo_long_side()
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True)
    return PreparedImage(out.getvalue(), "image/jpeg", image.width, image.height)


def prepare_signature(data: bytes) -> PreparedImage:
    """Validate a drawn signature and keep it as a PNG (greyscale, long side ≤ 1200 px)."""
    from PIL import Image

    image = _open(data)
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    image = image.convert("L")
    image.thumbnail((SIGNATURE_LONG_SIDE, SIGNATURE_LONG_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return PreparedImage(out.getvalue(), "image/png", image.width, image.height)


def store_in_tx(tx: Tx, image: PreparedImage) -> str:
    """Store ``image`` once (by hash) inside a transaction; returns its sha256."""
    digest = image.sha256
    if tx.session.get(Attachment, digest) is None:
        tx.session.add(Attachment(sha256=digest, mime=image.mime, size=len(image.data), width=image.width,
                                  height=image.height, data=image.data))
        tx.session.flush()
        tx.audit("create", "attachment", digest, {"mime": image.mime, "size": len(image.data)})
    return digest


def store_photo(db: Database, data: bytes, signature: bool = False) -> PreparedImage:
    """Validate, downscale and store a photo (or a drawn signature) before it is linked to a record.

    The wizard stores a photo as soon as it is imported so that the draft only holds its hash; an
    attachment nobody links to is harmless and is dropped with the draft (``discard_unlinked``).
    """
    image = prepare_signature(data) if signature else prepare_photo(data)
    with write(db) as tx:
        store_in_tx(tx, image)
    return image


def exists(session: object, sha256: str) -> bool:
    return session.get(Attachment, sha256) is not None  # type: ignore[attr-defined]


def link_in_tx(tx: Tx, sha256: str, entity: str, entity_id: str, role: str = "photo", caption: str = "") -> AttachmentLink:
    """Say which record an attachment belongs to (audited; the record's own op carries the hash)."""
    if tx.session.get(Attachment, sha256) is None:
        raise BangfuError("fieldwork.photo_missing")
    link = AttachmentLink(sha256=sha256, entity=entity, entity_id=entity_id, role=role, caption=caption[:200])
    tx.session.add(link)
    tx.session.flush()
    tx.audit("link", "attachment", sha256, {"entity": entity, "entity_id": entity_id, "role": role})
    return link


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(ch in "0123456789abcdef" for ch in value)


def named_hashes(value: Any, key: str = "") -> set[str]:
    """Every attachment hash a synced record's fields name, at any depth: fields and nested keys
    ending in ``sha256`` (a hash) or ``sha256s`` (a list of hashes) — e.g. a visit's
    ``data.photos[].sha256``, a request's ``steps.confirmation.sha256``, a notice's ``photo_sha256s``.
    Sync downloads these so the other laptops can show them."""
    found: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            found |= named_hashes(v, str(k))
    elif isinstance(value, list):
        for item in value:
            found |= named_hashes(item, key)
    elif key.endswith(("sha256", "sha256s")) and _is_hash(value):
        found.add(value)
    return found


def attachment_refs(entity: str, fields: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The links (sha256, role, caption) that a synced record implies — the same ones the service that
    wrote it made with ``link_in_tx``. Links are a local index, not sync entities: a laptop that pulls
    the record rebuilds them from here, so the card shows the photos there as well."""
    refs: list[tuple[str, str, str]] = []
    if entity == "visit":
        data = fields.get("data") if isinstance(fields.get("data"), dict) else {}
        for photo in data.get("photos") or []:
            if isinstance(photo, dict) and _is_hash(photo.get("sha256")):
                refs.append((photo["sha256"], "photo", str(photo.get("caption") or "")[:200]))
        conf = fields.get("confirmation_sha256")
        if _is_hash(conf):
            kind = (data.get("confirmation") or {}).get("kind") or "signature"
            refs.append((conf, "confirmation_" + str(kind), ""))
    elif entity == "lifecycle_request":
        steps = fields.get("steps") if isinstance(fields.get("steps"), dict) else {}
        conf = steps.get("confirmation") if isinstance(steps.get("confirmation"), dict) else {}
        if _is_hash(conf.get("sha256")):
            refs.append((conf["sha256"], "confirmation_" + str(conf.get("kind") or "sheet"), ""))
    elif entity == "notice":
        refs += [(sha, "posted_photo", "") for sha in fields.get("photo_sha256s") or [] if _is_hash(sha)]
    return refs


def relink(session: Any, entity: str, entity_id: str, fields: dict[str, Any]) -> int:
    """Add the links a pulled record implies that this laptop does not have yet; returns how many."""
    refs = attachment_refs(entity, fields)
    if not refs:
        return 0
    have = {(link.sha256, link.role) for link in session.exec(select(AttachmentLink).where(
        AttachmentLink.entity == entity, AttachmentLink.entity_id == entity_id))}
    added = 0
    for sha, role, caption in refs:
        if (sha, role) not in have:
            session.add(AttachmentLink(sha256=sha, entity=entity, entity_id=entity_id, role=role, caption=caption))
            have.add((sha, role))
            added += 1
    return added


def image_bytes(db: Database, sha256: str) -> bytes | None:
    """The stored bytes of an attachment (None when only its hash has arrived so far)."""
    with db.read() as s:
        row = s.get(Attachment, sha256)
        return row.data if row is not None else None


def discard_unlinked(db: Database, hashes: list[str]) -> int:
    """Drop attachments among ``hashes`` that no record links to (a discarded draft's photos)."""
    dropped = 0
    if not hashes:
        return 0
    with write(db) as tx:
        for sha in set(hashes):
            linked = tx.session.exec(select(AttachmentLink).where(AttachmentLink.sha256 == sha)).first()
            row = tx.session.get(Attachment, sha)
            if linked is None and row is not None and not row.uploaded:
                tx.session.delete(row)
                dropped += 1
    return dropped
