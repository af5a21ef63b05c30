"""The sync client: enroll, then push → upload → pull → re-read → download, safe to interrupt.

Each step commits its own progress (answered batches, applied pages with their cursor), so a
dropped link, a cancelled sync or a killed process loses at most the batch or page in flight, and
the next ``sync`` carries on from there with the same batch ids (the server answers a repeated
batch from its record). The first sync of a new laptop is the same pull from cursor 0.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import app.sync.messages  # noqa: F401
from app.domain import utcnow
from app.errors import BangfuError
from app.i18n import t
from app.protocol import (
    CLOCK_SKEW_WARN_S,
    DEFAULT_PULL_LIMIT,
    MAX_BATCH_BYTES,
    MAX_FETCH,
    EnrollRequest,
    EntityRef,
    page_checksum,
)
from app.sync import attachments, outbox, scope, state
from app.sync.apply import Applied, apply_changes
from app.sync.backoff import Backoff, Retryable
from app.sync.bundlefile import KeyPairs
from app.sync.transport import HttpTransport
from app.training import guard_transport

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]

_running: set[str] = set()
_running_lock = threading.Lock()


@dataclass
class SyncReport:
    """What one sync did, for the panel, the CLI and the tests."""

    batches: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    kept_local: int = 0
    reference: int = 0
    refetched: int = 0
    uploaded: int = 0
    downloaded: int = 0
    cursor: int = 0
    pending: int = 0
    skew_s: float | None = None
    #: village codes whose rows were removed (scope shrunk), rows removed, villages kept for unsent work
    scope_removed: list[str] = field(default_factory=list)
    scope_rows: int = 0
    scope_kept: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    finished_at: datetime | None = None
    wanted: set[str] = field(default_factory=set, repr=False)

    def merge_pull(self, stats: Applied) -> None:
        self.pulled += stats.total
        self.kept_local += stats.kept_local
        self.reference += stats.reference
        self.wanted |= stats.attachments


class _Cancel:
    def __init__(self, cancel: Any) -> None:
        self.cancel = cancel

    def __call__(self) -> bool:
        if self.cancel is None:
            return False
        is_set = getattr(self.cancel, "is_set", None)
        return bool(is_set() if is_set is not None else self.cancel())


def is_enrolled(db: Any) -> bool:
    return bool(state.read(db, state.TOKEN))


def transport_for(db: Any, server: str | None = None) -> HttpTransport:
    url = server or state.read(db, state.SERVER)
    token = state.read(db, state.TOKEN)
    if not token:
        raise BangfuError("sync.not_enrolled")
    if not url:
        raise BangfuError("sync.no_server")
    return HttpTransport(url, token)


def enroll(db: Any, code: str, server: str, device_name: str | None = None,
           transport: HttpTransport | None = None) -> dict[str, Any]:
    """Redeem a one-time enrollment code; stores the token and keys in the encrypted database."""
    from app.services.audit import record_event

    _push_before_reenroll(db)
    keys = KeyPairs.generate()
    t_ = transport or HttpTransport(server)
    req = EnrollRequest(code=code.strip(), device_id=db.device_id, device_name=(device_name or socket.gethostname())[:80],
                        sign_key=keys.sign_public, box_key=keys.box_public)
    try:
        Backoff(attempts=3).run(lambda: guard_transport(db, t_))  # training db <-> demo server only
        answer = Backoff(attempts=3).run(lambda: t_.enroll(req))
    except Retryable:
        raise BangfuError("sync.network", attempts=3) from None
    finally:
        if transport is None:
            t_.close()
    with state.meta_session(db) as s:
        state.put(s, state.SERVER, server.rstrip("/"))
        state.put(s, state.TOKEN, answer.token)
        state.put_json(s, state.KEYS, keys.__dict__)
        state.put_json(s, state.SERVER_KEYS, {"sign": answer.server_sign_key, "box": answer.server_box_key})
        state.put(s, state.ROLE, answer.role)
        state.put_json(s, state.VILLAGES, answer.villages)
    record_event(db, "sync.enroll", "device", db.device_id, {"role": answer.role, "villages": answer.villages})
    purged = scope.purge(db)  # a re-enrollment for fewer villages
    return {"role": answer.role, "villages": answer.villages, "scope_removed": purged.removed,
            "scope_rows": purged.rows, "scope_kept": purged.kept, "messages": scope.messages(purged)}


def _push_before_reenroll(db: Any) -> None:
    """A laptop enrolled before sends its pending changes with its current token first: the new
    enrollment may leave out villages, and the county would then refuse their changes."""
    if not is_enrolled(db) or not outbox.pending_count(db):
        return
    try:
        t_ = transport_for(db)
    except BangfuError:
        return
    try:
        _push(db, t_, Backoff(attempts=3), SyncReport(), lambda _stage, _done, _total: None, _Cancel(None))
    except Retryable:
        raise BangfuError("sync.reenroll_unsent") from None
    except BangfuError as exc:
        if exc.code not in ("sync.unauthorized", "sync.revoked"):
            raise
        # the old token no longer works: its changes cannot be sent; the scope check keeps their villages
    finally:
        t_.close()


def _check_scope(db: Any, report: SyncReport) -> None:
    purged = scope.purge(db)
    report.scope_removed, report.scope_rows, report.scope_kept = purged.removed, purged.rows, purged.kept
    report.warnings.extend(scope.messages(purged))


def sync(db: Any, server: str | None = None, transport: HttpTransport | None = None, backoff: Backoff | None = None,
         progress: Progress | None = None, cancel: Any = None, pull_limit: int = DEFAULT_PULL_LIMIT) -> SyncReport:
    """One full sync. Raises ``BangfuError`` (translated) when it cannot finish; what it finished stays."""
    key = str(getattr(db, "path", id(db)))
    with _running_lock:
        if key in _running:
            raise BangfuError("sync.busy")
        _running.add(key)
    own = transport is None
    t_ = transport or transport_for(db, server)
    b = backoff or Backoff()
    cancelled = _Cancel(cancel)
    report = SyncReport()
    step = progress or (lambda _stage, _done, _total: None)
    try:
        b.run(lambda: guard_transport(db, t_), cancelled=cancelled)  # training db <-> demo server only
        _push(db, t_, b, report, step, cancelled)
        _upload(db, t_, b, report, step, cancelled)
        if not cancelled():
            _check_scope(db, report)  # after the push: unsent work of a dropped village went first
        _pull(db, t_, b, report, step, cancelled, pull_limit)
        _refetch(db, t_, b, report, cancelled)
        _download(db, t_, b, report, step, cancelled)
        if cancelled():
            raise BangfuError("sync.cancelled")
        report.finished_at = utcnow()
        state.write(db, **{state.LAST_OK: report.finished_at.isoformat(), state.LAST_ERROR: None})
    except Retryable:
        _remember_error(db, "sync.network")
        raise BangfuError("sync.network", attempts=b.attempts) from None
    except BangfuError as exc:
        _remember_error(db, exc.code)
        raise
    finally:
        report.skew_s = t_.skew_s
        if t_.skew_s is not None:
            state.write(db, **{state.SKEW: f"{t_.skew_s:.1f}"})
            if abs(t_.skew_s) > CLOCK_SKEW_WARN_S:
                report.warnings.append(t("sync.clock_skew", minutes=round(abs(t_.skew_s) / 60)))
        report.pending = outbox.pending_count(db)
        if own:
            t_.close()
        with _running_lock:
            _running.discard(key)
    return report


def push(db: Any, transport: HttpTransport | None = None, backoff: Backoff | None = None,
         progress: Progress | None = None, cancel: Any = None) -> SyncReport:
    """Send the pending changes only (no pull): the "send now" of a weak link, and the benchmark."""
    own = transport is None
    t_ = transport or transport_for(db)
    b = backoff or Backoff()
    report = SyncReport()
    try:
        _push(db, t_, b, report, progress or (lambda _stage, _done, _total: None), _Cancel(cancel))
    except Retryable:
        raise BangfuError("sync.network", attempts=b.attempts) from None
    finally:
        report.pending = outbox.pending_count(db)
        if own:
            t_.close()
    return report


def _remember_error(db: Any, code: str) -> None:
    try:
        state.write(db, **{state.LAST_ERROR: code})
    except Exception:  # never hide the real error behind a bookkeeping one
        log.warning("could not record the sync error")


def _batch_bytes(t_: HttpTransport) -> int:
    """Smaller batches on a slow link, so a drop costs little (about two seconds of sending)."""
    rate = getattr(t_, "upload_rate", None)
    if not rate:
        return MAX_BATCH_BYTES
    return int(min(MAX_BATCH_BYTES, max(16 * 1024, rate * 2)))


def _push(db: Any, t_: HttpTransport, b: Backoff, report: SyncReport, step: Progress, cancelled: _Cancel) -> None:
    total = outbox.pending_count(db)
    done = 0
    while not cancelled():
        batch = outbox.next_batch(db, max_bytes=_batch_bytes(t_))
        if batch is None:
            break
        step("push", done, total)
        answer = b.run(lambda batch=batch: t_.push(batch.request, batch.body), cancelled=cancelled)
        counts = outbox.record_answer(db, answer)
        report.batches += 1
        report.applied += counts["applied"]
        report.conflicts += counts["conflict"]
        report.rejected += counts["rejected"]
        done += batch.size
    step("push", done, total)


def _upload(db: Any, t_: HttpTransport, b: Backoff, report: SyncReport, step: Progress, cancelled: _Cancel) -> None:
    hashes = attachments.pending_uploads(db)
    sizer = attachments.ChunkSizer()
    for i, sha in enumerate(hashes):
        if cancelled():
            return
        step("upload", i, len(hashes))
        attachments.upload(db, t_, sha, b, sizer, cancelled)
        report.uploaded += 1
    if hashes:
        step("upload", len(hashes), len(hashes))


def _pull(db: Any, t_: HttpTransport, b: Backoff, report: SyncReport, step: Progress, cancelled: _Cancel,
          limit: int) -> None:
    with db.read() as s:
        cursor = state.cursor(s)
    start = cursor
    while not cancelled():
        def fetch_page(c: int = cursor) -> Any:
            page = t_.pull(c, limit)
            if page.count != len(page.changes) + len(page.reference) or \
                    page.checksum != page_checksum(page.changes, page.reference):
                raise Retryable("bad page")
            return page

        page = b.run(fetch_page, cancelled=cancelled)
        stats = apply_changes(db, page.changes, page.reference, cursor=page.cursor)
        report.merge_pull(stats)
        cursor = page.cursor
        step("pull", cursor - start, max(cursor - start, 1))
        if not page.has_more:
            break
    report.cursor = cursor


def _refetch(db: Any, t_: HttpTransport, b: Backoff, report: SyncReport, cancelled: _Cancel) -> None:
    """Re-read records whose pulled fields had to wait for a local op that is now answered."""
    with db.read() as s:
        keys = state.refetch_list(s)
        guarded = outbox.unresolved_fields(s)
    ready = [k for k in keys if k not in guarded]
    for start in range(0, len(ready), MAX_FETCH):
        if cancelled():
            return
        chunk = [EntityRef(entity=e, entity_id=i) for e, i in ready[start:start + MAX_FETCH]]
        answer = b.run(lambda chunk=chunk: t_.fetch(chunk), cancelled=cancelled)
        stats = apply_changes(db, answer.changes, refetched=True)
        report.refetched += len(answer.changes)
        report.merge_pull(stats)
        gone = {(m.entity, m.entity_id) for m in answer.missing}
        if gone:
            _forget_missing(db, gone)


def _forget_missing(db: Any, gone: set[tuple[str, str]]) -> None:
    """Records the county does not have (a discarded create): tombstone the local copy."""
    from app.domain import ENTITIES
    from app.services.audit import append_audit

    with state.meta_session(db) as s:
        for entity, entity_id in gone:
            cls = ENTITIES.get(entity)
            obj = s.get(cls, entity_id) if cls is not None else None
            if obj is not None and obj.rev == 0 and not obj.deleted:
                obj.deleted = True
                s.add(obj)
                append_audit(s, db.actor, "sync.apply", entity, entity_id, {"changes": {"deleted": [False, True]}})
        state.drop_refetch(s, gone)


def _download(db: Any, t_: HttpTransport, b: Backoff, report: SyncReport, step: Progress, cancelled: _Cancel) -> None:
    wanted = sorted(set(attachments.missing(db, report.wanted)) | set(attachments.lacking(db)))  # also ones left behind
    for i, sha in enumerate(wanted):
        if cancelled():
            return
        step("download", i, len(wanted))
        if attachments.download(db, t_, sha, b):
            report.downloaded += 1


def status(db: Any) -> dict[str, Any]:
    """What the sync panel shows: server, last success, last error, pending, quarantined, conflicts."""
    from app.sync.conflicts import open_conflicts

    with db.read() as s:
        info = {
            "enrolled": bool(state.get(s, state.TOKEN)),
            "server": state.get(s, state.SERVER),
            "role": state.get(s, state.ROLE),
            "villages": state.get_json(s, state.VILLAGES, []),
            "cursor": state.cursor(s),
            "last_ok": state.get(s, state.LAST_OK),
            "last_error": state.get(s, state.LAST_ERROR),
            "skew_s": float(state.get(s, state.SKEW) or 0.0),
            "scope_kept": scope.kept(s),
        }
    info["pending"] = outbox.pending_count(db)
    info["quarantined"] = len(outbox.quarantined(db))
    info["conflicts"] = len(open_conflicts(db))
    return info
