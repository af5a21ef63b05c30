"""Content-addressed attachments (photos, signed sheets) in resumable chunks, deduplicated.

The client asks for the status of a hash, then PUTs the bytes from ``received`` on, in chunks of
any size up to the limit. Chunks are stored in the database (the server keeps no files of its own,
so instances are interchangeable); when the last byte arrives the whole is checked against its
sha256 and only then marked complete. A hash the server already holds completely is never
uploaded again, whoever sent it first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from app.protocol import MAX_ATTACHMENT, AttachmentStatus, now
from server.db import ServerDB
from server.models import AttachmentChunk, StoredAttachment


class AttachmentError(Exception):
    """code: size_mismatch | gap | too_large | mismatch | not_found"""

    def __init__(self, code: str, status: AttachmentStatus | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


def _status(sha: str, row: StoredAttachment | None) -> AttachmentStatus:
    if row is None:
        return AttachmentStatus(sha256=sha, server_time=now())
    return AttachmentStatus(sha256=sha, size=row.size, received=row.received, complete=row.complete,
                            server_time=now())


def status(db: ServerDB, sha: str) -> AttachmentStatus:
    with db.read() as session:
        return _status(sha, session.get(StoredAttachment, sha))


def put_chunk(db: ServerDB, sha: str, offset: int, total: int, data: bytes, device_id: str) -> AttachmentStatus:
    """Store bytes ``[offset, offset+len)`` of the file ``sha`` of ``total`` bytes; idempotent."""
    if total <= 0 or total > MAX_ATTACHMENT:
        raise AttachmentError("too_large")
    with db.write_plain() as session:
        insert = pg_insert if not db.is_sqlite else sqlite_insert
        session.execute(insert(StoredAttachment).values(
            sha256=sha, size=total, received=0, complete=False, device_id=device_id, created_at=now()
        ).on_conflict_do_nothing())
        stmt = select(StoredAttachment).where(StoredAttachment.sha256 == sha)
        if not db.is_sqlite:
            stmt = stmt.with_for_update()
        row = session.exec(stmt).one()
        if row.complete:
            return _status(sha, row)
        if row.size != total:
            raise AttachmentError("size_mismatch", _status(sha, row))
        if offset > row.received:
            raise AttachmentError("gap", _status(sha, row))
        skip = row.received - offset
        if skip >= len(data):
            return _status(sha, row)
        data = data[skip:]
        if row.received + len(data) > row.size:
            raise AttachmentError("size_mismatch", _status(sha, row))
        session.add(AttachmentChunk(sha256=sha, offset=row.received, data=data))
        row.received += len(data)
        if row.received == row.size:
            session.flush()
            if _digest(session, sha) == sha:
                row.complete = True
                row.completed_at = now()
            else:
                for chunk in session.exec(select(AttachmentChunk).where(AttachmentChunk.sha256 == sha)):
                    session.delete(chunk)
                row.received = 0
                session.add(row)
                session.commit()
                raise AttachmentError("mismatch", _status(sha, row))
        session.add(row)
        return _status(sha, row)


def _digest(session: Session, sha: str) -> str:
    h = hashlib.sha256()
    for data in _chunks(session, sha, 0):
        h.update(data)
    return h.hexdigest()


def _chunks(session: Session, sha: str, start: int) -> Iterator[bytes]:
    rows = session.exec(select(AttachmentChunk.offset, AttachmentChunk.data)  # type: ignore[call-overload]
                        .where(AttachmentChunk.sha256 == sha).order_by(AttachmentChunk.offset))
    for offset, data in rows:
        end = offset + len(data)
        if end <= start:
            continue
        yield bytes(data[max(0, start - offset):])


def read(db: ServerDB, sha: str, start: int = 0) -> tuple[int, bytes]:
    """(total size, bytes from ``start``) of a complete attachment."""
    with db.read() as session:
        row = session.get(StoredAttachment, sha)
        if row is None or not row.complete:
            raise AttachmentError("not_found")
        return row.size, b"".join(_chunks(session, sha, start))
