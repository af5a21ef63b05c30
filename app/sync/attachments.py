"""Photos and signed sheets: upload by sha256 in resumable chunks, download what pulled rows name.

Before sending, the client asks the server how much of the file it already holds and continues
from there — after a drop only the chunk in flight is sent again, and a file the server has from
anyone is never sent at all. Chunk size follows the measured link speed (about half a second of
transfer, 16 KiB to 1 MiB), so a drop on a 2G link costs little and a LAN is not slowed down.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from sqlmodel import select

from app.domain import Attachment
from app.errors import BangfuError
from app.sync import state
from app.sync.backoff import Backoff, Retryable

MIN_CHUNK, MAX_CHUNK = 16 * 1024, 1024 * 1024
TARGET_SECONDS = 0.5


class ChunkSizer:
    """Adapts the chunk size to the throughput seen so far."""

    def __init__(self, size: int = 64 * 1024) -> None:
        self.size = size

    def observe(self, nbytes: int, seconds: float) -> None:
        if seconds <= 0:
            return
        rate = nbytes / seconds
        self.size = int(min(MAX_CHUNK, max(MIN_CHUNK, rate * TARGET_SECONDS)))

    def failed(self) -> None:
        self.size = max(MIN_CHUNK, self.size // 2)


def pending_uploads(db: Any) -> list[str]:
    with db.read() as s:
        return list(s.exec(select(Attachment.sha256).where(Attachment.uploaded == False, Attachment.data != None)))  # noqa: E711,E712


def upload(db: Any, transport: Any, sha: str, backoff: Backoff, sizer: ChunkSizer,
           cancelled: Callable[[], bool] | None = None) -> int:
    """Upload one attachment (resuming); returns the bytes sent."""
    with db.read() as s:
        row = s.get(Attachment, sha)
        data = bytes(row.data) if row is not None and row.data is not None else b""
    if not data or hashlib.sha256(data).hexdigest() != sha:
        return 0
    total = len(data)
    sent = 0

    def step() -> bool:
        nonlocal sent
        status = transport.attachment_status(sha)
        offset = status.received if not status.complete else total
        while offset < total:
            if cancelled is not None and cancelled():
                return False
            chunk = data[offset:offset + sizer.size]
            started = time.perf_counter()
            try:
                status = transport.put_chunk(sha, offset, total, chunk)
            except Retryable:
                sizer.failed()
                raise
            sizer.observe(len(chunk), time.perf_counter() - started)
            sent += len(chunk)
            if status.complete:
                break
            offset = status.received
        return True

    try:
        finished = backoff.run(step, cancelled=cancelled)
    except BangfuError as exc:
        if exc.code == "sync.attachment_mismatch":
            return sent
        raise
    if finished:
        with state.meta_session(db) as s:
            row = s.get(Attachment, sha)
            if row is not None:
                row.uploaded = True
                s.add(row)
    return sent


def _mime(data: bytes) -> str:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"%PDF"):
        return "application/pdf"
    return "application/octet-stream"


def download(db: Any, transport: Any, sha: str, backoff: Backoff) -> bool:
    """Fetch an attachment named by a pulled record, resuming after drops; False if not on the server."""
    with db.read() as s:
        if s.get(Attachment, sha) is not None:
            return True
    got = bytearray()

    def step() -> None:
        got.extend(transport.get_content(sha, len(got)))

    try:
        backoff.run(step)
    except BangfuError:
        return False
    return store_downloaded(db, sha, bytes(got))


def store_downloaded(db: Any, sha: str, data: bytes) -> bool:
    """Keep a file the county sent (network download or return bundle) if its bytes match ``sha``.

    The records naming it already carry their links (rebuilt when they were applied), so storing
    the content is all it takes for the card to show it. Returns False on a mismatch."""
    if not data or hashlib.sha256(data).hexdigest() != sha:
        return False
    with state.meta_session(db) as s:
        if s.get(Attachment, sha) is None:
            s.add(Attachment(sha256=sha, mime=_mime(data), size=len(data), uploaded=True, data=data))
    return True


def held(db: Any) -> list[str]:
    """Hashes of every file whose content this laptop holds."""
    with db.read() as s:
        return sorted(s.exec(select(Attachment.sha256).where(Attachment.data != None)))  # noqa: E711


def lacking(db: Any) -> list[str]:
    """Hashes that this laptop's records link to but whose content it does not hold."""
    from app.domain import AttachmentLink

    with db.read() as s:
        linked = set(s.exec(select(AttachmentLink.sha256).where(AttachmentLink.deleted == False)))  # noqa: E712
        have = set(s.exec(select(Attachment.sha256).where(Attachment.data != None)))  # noqa: E711
    return sorted(linked - have)


def missing(db: Any, hashes: set[str]) -> list[str]:
    if not hashes:
        return []
    with db.read() as s:
        have = set(s.exec(select(Attachment.sha256).where(Attachment.sha256.in_(sorted(hashes)))))  # type: ignore[attr-defined]
    return sorted(hashes - have)
